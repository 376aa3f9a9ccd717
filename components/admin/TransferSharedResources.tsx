"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Dialog } from "@/components/ui/Dialog";
import { Notice } from "@/components/ui/Notice";
import { useToast } from "@/components/ui/ToastProvider";
import { messageOf } from "@/components/forms/field-errors";
import { useRefreshAdminData } from "./use-admin-mutation";

/** Moves a (departing) therapist's shared resources into the practice's library. */
export function TransferSharedResources({ therapistId, name, count }: { therapistId: string; name: string; count: number }) {
  const trpc = useTRPC();
  const toast = useToast();
  const refresh = useRefreshAdminData();
  const [open, setOpen] = useState(false);
  const transfer = useMutation(
    trpc.admin.transferSharedResources.mutationOptions({
      onSuccess: async ({ transferred }) => {
        setOpen(false);
        toast.show(`${transferred} ${transferred === 1 ? "resource" : "resources"} moved to the shared library.`, { tone: "success" });
        await refresh();
      },
    }),
  );
  const plural = count === 1 ? "resource" : "resources";
  return (
    <Card as="section" aria-labelledby="transfer-heading" className="flex flex-col gap-3">
      <h2 id="transfer-heading" className="text-xl font-semibold">Shared resources</h2>
      <p className="text-muted">
        {name} has shared {count} {plural} with colleagues. If they are leaving, move them into the practice&apos;s shared library so
        colleagues keep them and admins can look after them.
      </p>
      <div>
        <Button variant="secondary" onClick={() => setOpen(true)}>Move to the shared library</Button>
      </div>
      <Dialog
        open={open}
        onClose={() => {
          setOpen(false);
          transfer.reset();
        }}
        title={`Move ${count} shared ${plural} to the library?`}
        description={`${name} will no longer be able to edit them; admins will. Their private resources stay theirs, and every assignment and reading history stays as it is.`}
        actions={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
            <Button loading={transfer.isPending} onClick={() => transfer.mutate({ therapistId })}>Move {plural}</Button>
          </>
        }
      >
        {transfer.error ? <Notice tone="error" live>{messageOf(transfer.error)}</Notice> : null}
      </Dialog>
    </Card>
  );
}
