"use client";

import { messageOf } from "@/components/forms/field-errors";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { LinkButton } from "@/components/ui/LinkButton";
import { useToast } from "@/components/ui/ToastProvider";

type Status = "DRAFT" | "PUBLISHED" | "ARCHIVED";

const STATUS_WORDS: Record<Status, string> = {
  DRAFT: "a draft: only you can see it",
  PUBLISHED: "published",
  ARCHIVED: "archived: it no longer shows in searches unless you ask for archived pieces",
};

/** Edit, publish, move back to drafts, archive: only rendered for the resource's author. */
export function ResourceStatusActions({ id, slug, status, visibility }: { id: string; slug: string; status: Status; visibility: "PRIVATE" | "SHARED" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [confirmArchive, setConfirmArchive] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const options = {
    onSuccess: (result: { status: Status }) => {
      setConfirmArchive(false);
      toast.show(`It is now ${STATUS_WORDS[result.status].split(":")[0]}.`, { tone: "success" });
      void queryClient.invalidateQueries(trpc.library.pathFilter());
      router.refresh();
    },
    onError: (err: { message: string }) => setError(messageOf(err)),
  };
  const publish = useMutation(trpc.library.publish.mutationOptions(options));
  const unpublish = useMutation(trpc.library.unpublish.mutationOptions(options));
  const archive = useMutation(trpc.library.archive.mutationOptions(options));

  return (
    <section aria-labelledby="status-heading" className="flex flex-col gap-3">
      <h2 id="status-heading" className="text-lg font-semibold">
        Your resource
      </h2>
      <p className="text-sm text-muted">
        It is {STATUS_WORDS[status]}.{" "}
        {status === "PUBLISHED" ? (visibility === "PRIVATE" ? "Only you can see it." : "Every therapist in this Haven can see it.") : null}
      </p>
      <div className="flex flex-wrap gap-2">
        <LinkButton href={`/therapist/library/${slug}/edit`} variant="secondary" size="sm">
          Edit
        </LinkButton>
        {status !== "PUBLISHED" ? (
          <Button size="sm" loading={publish.isPending} onClick={() => publish.mutate({ id })}>
            Publish
          </Button>
        ) : (
          <Button size="sm" variant="secondary" loading={unpublish.isPending} onClick={() => unpublish.mutate({ id })}>
            Move back to drafts
          </Button>
        )}
        {status !== "ARCHIVED" ? (
          <Button size="sm" variant="ghost" onClick={() => setConfirmArchive(true)}>
            Archive
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
      <Dialog
        open={confirmArchive}
        onClose={() => setConfirmArchive(false)}
        title="Archive this resource?"
        description="It leaves search results and colleagues' reading plans. You can still find it in the library with the status filter set to “Archived”, and publish it again later."
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirmArchive(false)}>
              Keep it
            </Button>
            <Button variant="danger" loading={archive.isPending} onClick={() => archive.mutate({ id })}>
              Archive
            </Button>
          </>
        }
      />
    </section>
  );
}
