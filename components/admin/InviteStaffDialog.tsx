"use client";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import { RadioGroup } from "@/components/ui/RadioGroup";
import type { IssuedLink as IssuedLinkData, StaffRole } from "@/server/schemas/admin";
import { IssuedLink } from "./IssuedLink";
import { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";
import { useRefreshAdminData } from "./use-admin-mutation";

type FieldErrors = Partial<Record<"email" | "name" | "role", string>>;

export function InviteStaffDialog() {
  const trpc = useTRPC();
  const refresh = useRefreshAdminData();
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState<StaffRole>("THERAPIST");
  const [issued, setIssued] = useState<IssuedLinkData | null>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const invite = useMutation(
    trpc.admin.inviteStaff.mutationOptions({
      onSuccess: async (result) => {
        setIssued(result);
        await refresh();
      },
      onError: (error) => setFieldErrors(fieldErrorsOf(error)),
    }),
  );

  const close = () => {
    setOpen(false);
    setIssued(null);
    setFieldErrors({});
    invite.reset();
  };

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setFieldErrors({});
    invite.mutate({ email: String(form.get("email") ?? ""), name: String(form.get("name") ?? ""), role });
  }

  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite staff</Button>
      <Dialog
        open={open}
        onClose={close}
        title="Invite a therapist or admin"
        description="They'll get a link to set their own password. The link works once and expires in 7 days."
      >
        {issued ? (
          <div className="flex flex-col gap-4">
            <IssuedLink issued={issued} what="invitation link" />
            <div className="flex justify-end">
              <Button variant="secondary" onClick={close}>Done</Button>
            </div>
          </div>
        ) : (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            <Field label="Name" error={fieldErrors.name}>{(p) => <Input {...p} name="name" autoComplete="off" required maxLength={120} />}</Field>
            <Field label="Email" error={fieldErrors.email}>{(p) => <Input {...p} name="email" type="email" autoComplete="off" required maxLength={254} />}</Field>
            <RadioGroup
              legend="Role"
              name="role"
              value={role}
              onValueChange={(value) => setRole(value as StaffRole)}
              options={[
                { value: "THERAPIST", label: "Therapist", hint: "Uses the library and works with their own clients." },
                { value: "ADMIN", label: "Admin", hint: "Manages accounts, the shared library and the audit trail. Sees no reading content." },
              ]}
            />
            {invite.error && !Object.keys(fieldErrors).length ? <Notice tone="error" live>{messageOf(invite.error)}</Notice> : null}
            <div className="flex flex-col-reverse gap-2 pt-2 sm:flex-row sm:justify-end">
              <Button variant="secondary" onClick={close}>Cancel</Button>
              <Button type="submit" loading={invite.isPending}>Send invitation</Button>
            </div>
          </form>
        )}
      </Dialog>
    </>
  );
}
