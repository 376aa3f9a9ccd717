"use client";
import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import type { IssuedLink as IssuedLinkData } from "@/server/schemas/admin";
import { formatDate } from "@/server/schemas/dates";

/** After an invitation or a reset link: where it went, and the link itself when no mail server sent it. */
export function IssuedLink({ issued, what }: { issued: IssuedLinkData; what: string }) {
  const [copied, setCopied] = useState(false);
  if (!issued.link) {
    return (
      <Notice tone="success" live>
        We emailed the {what} to {issued.email}. It works once and expires {formatDate(issued.expiresAt, "dateTime")}.
      </Notice>
    );
  }
  return (
    <Notice tone="info" title={`Pass this ${what} on to ${issued.email}`} live>
      <p>
        No mail server is set up, so here is the link. It is shown only this once, works once, and expires{" "}
        {formatDate(issued.expiresAt, "dateTime")}. Share it privately, never in a group chat.
      </p>
      <Field label="Link">{(p) => <Input {...p} readOnly value={issued.link ?? ""} onFocus={(e) => e.currentTarget.select()} />}</Field>
      <div>
        <Button
          variant="secondary"
          size="sm"
          onClick={async () => {
            await navigator.clipboard?.writeText(issued.link ?? "");
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy link"}
        </Button>
      </div>
    </Notice>
  );
}
