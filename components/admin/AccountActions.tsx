"use client";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Menu, type MenuItem } from "@/components/ui/Menu";
import { Notice } from "@/components/ui/Notice";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { useToast } from "@/components/ui/ToastProvider";
import { ROLE_LABELS, type AccountRow, type IssuedLink as IssuedLinkData, type StaffRole } from "@/server/schemas/admin";
import { IssuedLink } from "./IssuedLink";
import { messageOf } from "@/components/forms/field-errors";
import { useRefreshAdminData } from "./use-admin-mutation";

type Account = Pick<AccountRow, "id" | "name" | "email" | "role" | "status">;
type Pending = "deactivate" | "reactivate" | "role" | "reset" | null;

/** The per-account actions menu, each behind a dialog that says plainly what will happen. */
export function AccountActions({ account, isSelf, activeClientCount }: { account: Account; isSelf: boolean; activeClientCount?: number }) {
  const trpc = useTRPC();
  const toast = useToast();
  const refresh = useRefreshAdminData();
  const [pending, setPending] = useState<Pending>(null);
  const [newRole, setNewRole] = useState<StaffRole>(account.role === "ADMIN" ? "THERAPIST" : "ADMIN");
  const [issued, setIssued] = useState<IssuedLinkData | null>(null);

  const done = async (message: string) => {
    setPending(null);
    toast.show(message, { tone: "success" });
    await refresh();
  };
  const deactivate = useMutation(trpc.admin.deactivate.mutationOptions({ onSuccess: () => done(`${account.name}'s account is deactivated.`) }));
  const reactivate = useMutation(trpc.admin.reactivate.mutationOptions({ onSuccess: () => done(`${account.name}'s account is active again.`) }));
  const changeRole = useMutation(trpc.admin.changeRole.mutationOptions({ onSuccess: (r) => done(`${account.name} is now ${ROLE_LABELS[r.role].toLowerCase()}.`) }));
  const reset = useMutation(
    trpc.admin.issuePasswordReset.mutationOptions({
      onSuccess: async (result) => {
        setIssued(result);
        await refresh();
      },
    }),
  );
  const mutations = { deactivate, reactivate, role: changeRole, reset };
  const active = pending ? mutations[pending] : null;

  const close = () => {
    setPending(null);
    setIssued(null);
    for (const m of Object.values(mutations)) m.reset();
  };

  const isStaff = account.role !== "CLIENT";
  const items: MenuItem[] = [
    account.status === "DEACTIVATED"
      ? { label: "Reactivate", onSelect: () => setPending("reactivate") }
      : { label: isSelf ? "Deactivate (not your own)" : "Deactivate", onSelect: () => setPending("deactivate"), disabled: isSelf, tone: "danger" },
    ...(isStaff ? [{ label: isSelf ? "Change role (not your own)" : "Change role", onSelect: () => setPending("role"), disabled: isSelf }] : []),
    ...(account.status === "ACTIVE" ? [{ label: "Send password reset link", onSelect: () => setPending("reset") }] : []),
  ];

  const error = active?.error ? <Notice tone="error" live>{messageOf(active.error)}</Notice> : null;
  const cancel = <Button variant="secondary" onClick={close}>Cancel</Button>;

  return (
    <>
      <Menu label={<>Actions<span className="sr-only"> for {account.name}</span></>} items={items} align="end" size="sm" />

      <Dialog
        open={pending === "deactivate"}
        onClose={close}
        title={`Deactivate ${account.name}?`}
        description="They'll be signed out everywhere straight away and won't be able to sign in. Nothing is deleted, and you can reactivate the account at any time."
        actions={<>{cancel}<Button variant="danger" loading={deactivate.isPending} onClick={() => deactivate.mutate({ userId: account.id })}>Deactivate account</Button></>}
      >
        {account.role === "THERAPIST" ? (
          <p>Their clients&apos; reading histories stay intact and visible to admins. Invitations they sent that haven&apos;t been accepted yet will be withdrawn.</p>
        ) : null}
        {error}
      </Dialog>

      <Dialog
        open={pending === "reactivate"}
        onClose={close}
        title={`Reactivate ${account.name}?`}
        description="They'll be able to sign in again with their existing password. Sessions that were open before stay ended."
        actions={<>{cancel}<Button loading={reactivate.isPending} onClick={() => reactivate.mutate({ userId: account.id })}>Reactivate account</Button></>}
      >
        {error}
      </Dialog>

      <Dialog
        open={pending === "role"}
        onClose={close}
        title={`Change ${account.name}'s role`}
        description="They'll be signed out, and see the area for their new role the next time they sign in."
        actions={<>{cancel}<Button loading={changeRole.isPending} onClick={() => changeRole.mutate({ userId: account.id, role: newRole })}>Change role</Button></>}
      >
        <RadioGroup
          legend="New role"
          name={`role-${account.id}`}
          value={newRole}
          onValueChange={(value) => setNewRole(value as StaffRole)}
          options={[
            { value: "THERAPIST", label: "Therapist", disabled: account.role === "THERAPIST", hint: account.role === "THERAPIST" ? "Their current role" : undefined },
            { value: "ADMIN", label: "Admin", disabled: account.role === "ADMIN", hint: account.role === "ADMIN" ? "Their current role" : undefined },
          ]}
        />
        {account.role === "THERAPIST" && activeClientCount ? (
          <Notice tone="warning">
            They have {activeClientCount} active {activeClientCount === 1 ? "client" : "clients"}. The care records stay, but as an admin they won&apos;t see their clients&apos; readings.
          </Notice>
        ) : null}
        {error}
      </Dialog>

      <Dialog
        open={pending === "reset"}
        onClose={close}
        title={`Send ${account.name} a password reset link?`}
        description={issued ? undefined : `The link goes to ${account.email}. It works once, for one hour. Their password keeps working until they use it; using it signs them out everywhere.`}
        actions={issued ? <Button variant="secondary" onClick={close}>Done</Button> : <>{cancel}<Button loading={reset.isPending} onClick={() => reset.mutate({ userId: account.id })}>Send reset link</Button></>}
      >
        {issued ? <IssuedLink issued={issued} what="password reset link" /> : null}
        {error}
      </Dialog>
    </>
  );
}
