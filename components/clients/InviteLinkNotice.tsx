"use client";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import { LocalTime } from "@/components/ui/LocalTime";
import type { InviteResult } from "@/server/schemas/client";

/** Where the invitation went; with no mail server, the link itself, shown this once to copy. */
export function InviteLinkNotice({ result, name }: { result: InviteResult; name: string }) {
  const [copied, setCopied] = useState(false);
  if (!result.link) {
    return (
      <Notice tone="success" live>
        We emailed an invitation to {name} at {result.email}. It works once and expires <LocalTime value={result.expiresAt} />.
      </Notice>
    );
  }
  const link = result.link;
  return (
    <Notice tone="info" title={`Share this invitation with ${name}`} live>
      <p>
        No mail server is set up, so here is the link. It is shown only this once, works once and expires{" "}
        <LocalTime value={result.expiresAt} />. Send it to {result.email} privately.
      </p>
      <Field label="Invitation link">{(p) => <Input {...p} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />}</Field>
      <div>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
        <span aria-live="polite" className="sr-only">
          {copied ? "Link copied" : ""}
        </span>
      </div>
    </Notice>
  );
}
