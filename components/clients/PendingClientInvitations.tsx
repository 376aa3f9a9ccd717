"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { LocalTime } from "@/components/ui/LocalTime";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Card } from "@/components/ui/Card";
import { Notice } from "@/components/ui/Notice";
import { useToast } from "@/components/ui/ToastProvider";
import type { InviteResult, PendingInvitation } from "@/server/schemas/client";
import { InviteLinkNotice } from "./InviteLinkNotice";

/** Invitations not yet accepted: resend (a fresh link) or withdraw. Nothing shows when there are none. */
export function PendingClientInvitations() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.client.invitations.queryOptions());
  if (data.length === 0) return null;
  return (
    <section aria-labelledby="pending-invitations" className="flex flex-col gap-3">
      <h2 id="pending-invitations" className="text-lg font-semibold">
        Waiting to join
      </h2>
      <ul className="flex flex-col gap-3">
        {data.map((invitation) => (
          <PendingRow key={invitation.id} invitation={invitation} />
        ))}
      </ul>
    </section>
  );
}

function PendingRow({ invitation }: { invitation: PendingInvitation }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [resent, setResent] = useState<InviteResult | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.client.invitations.pathFilter());
  const resend = useMutation(trpc.client.resendInvite.mutationOptions({ onSuccess: (result) => setResent(result) }));
  const revoke = useMutation(
    trpc.client.revokeInvite.mutationOptions({
      onSuccess: async () => {
        toast.show(`Invitation for ${invitation.name} withdrawn.`, { tone: "success" });
        await refresh();
      },
    }),
  );
  const error = resend.error ?? revoke.error;

  return (
    <Card as="li" className="flex flex-col gap-3">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <p className="font-medium">{invitation.name}</p>
          <p className="text-sm text-muted">
            {invitation.email} · sent <LocalTime value={invitation.createdAt} style="date" />
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {invitation.expired ? <Badge tone="warning">Link expired</Badge> : <Badge tone="info">Invited</Badge>}
          {!resent ? (
            <>
              <Button size="sm" variant="secondary" loading={resend.isPending} onClick={() => resend.mutate({ id: invitation.id })}>
                Resend<span className="sr-only"> invitation to {invitation.name}</span>
              </Button>
              <Button size="sm" variant="ghost" loading={revoke.isPending} onClick={() => revoke.mutate({ id: invitation.id })}>
                Withdraw<span className="sr-only"> invitation to {invitation.name}</span>
              </Button>
            </>
          ) : null}
        </div>
      </div>
      {resent ? (
        <>
          <InviteLinkNotice result={resent} name={invitation.name} />
          <div>
            <Button size="sm" variant="secondary" onClick={refresh}>
              Done
            </Button>
          </div>
        </>
      ) : null}
      {error ? <Notice tone="error" live>{messageOf(error)}</Notice> : null}
    </Card>
  );
}
