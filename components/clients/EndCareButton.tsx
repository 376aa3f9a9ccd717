"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Notice } from "@/components/ui/Notice";
import { useToast } from "@/components/ui/ToastProvider";

/** Ends care after a confirmation. The client keeps their readings; I stop seeing their data. */
export function EndCareButton({ clientId, clientName, afterEnd }: { clientId: string; clientName: string; afterEnd?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const endCare = useMutation(
    trpc.client.endCare.mutationOptions({
      onSuccess: async () => {
        setOpen(false);
        toast.show(`Care with ${clientName} has ended.`, { tone: "success" });
        if (afterEnd) router.push(afterEnd);
        // Not client.byId: this client's page is being left, and refetching it would now be NOT_FOUND.
        await queryClient.invalidateQueries(trpc.client.list.pathFilter());
        await queryClient.invalidateQueries(trpc.assignment.pathFilter());
      },
    }),
  );
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen(true)}>
        End care<span className="sr-only"> with {clientName}</span>
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`End care with ${clientName}?`}
        description="You'll stop seeing their readings, progress and reflections straight away. They keep their own readings, and the history is kept."
        actions={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)}>
              Keep care
            </Button>
            <Button variant="danger" loading={endCare.isPending} onClick={() => endCare.mutate({ id: clientId })}>
              End care
            </Button>
          </>
        }
      >
        {endCare.isError ? <Notice tone="error" live>{messageOf(endCare.error)}</Notice> : null}
      </Dialog>
    </>
  );
}
