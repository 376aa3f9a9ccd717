"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Notice } from "@/components/ui/Notice";
import { useToast } from "@/components/ui/ToastProvider";
import { ROLE_LABELS } from "@/server/schemas/admin";
import { formatDate } from "@/server/schemas/dates";
import { messageOf } from "@/components/forms/field-errors";
import { useRefreshAdminData } from "./use-admin-mutation";

/** Staff invitations not yet accepted, each withdrawable. Nothing shows when there are none. */
export function PendingInvitations() {
  const trpc = useTRPC();
  const toast = useToast();
  const refresh = useRefreshAdminData();
  const { data } = useSuspenseQuery(trpc.admin.listInvitations.queryOptions());
  const revoke = useMutation(
    trpc.admin.revokeInvitation.mutationOptions({
      onSuccess: async () => {
        toast.show("Invitation withdrawn. Its link no longer works.", { tone: "success" });
        await refresh();
      },
    }),
  );
  if (!data.length) return null;
  return (
    <section aria-labelledby="pending-heading" className="flex flex-col gap-3">
      <h2 id="pending-heading" className="text-xl font-semibold">Invitations waiting to be accepted</h2>
      {revoke.error ? <Notice tone="error" live>{messageOf(revoke.error)}</Notice> : null}
      <ul className="flex flex-col divide-y divide-border-subtle rounded-xl border border-border-subtle bg-surface">
        {data.map((invitation) => (
          <li key={invitation.id} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <p className="font-medium">{invitation.name} · {ROLE_LABELS[invitation.role]}</p>
              <p className="text-sm text-muted">
                {invitation.email} · invited by {invitation.invitedByName} · expires {formatDate(invitation.expiresAt)}
              </p>
            </div>
            <Button
              variant="secondary"
              size="sm"
              loading={revoke.isPending && revoke.variables?.invitationId === invitation.id}
              onClick={() => revoke.mutate({ invitationId: invitation.id })}
            >
              Withdraw<span className="sr-only"> the invitation for {invitation.name}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
