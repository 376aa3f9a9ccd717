"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";
import { FocusedDoneButton } from "@/components/assignments/FocusedDoneButton";
import { useTRPC } from "@/server/trpc/react";
import { DialogFormActions } from "@/components/forms/DialogFormActions";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { InviteLinkNotice } from "./InviteLinkNotice";

/** "Invite a client": name and email; the email (or, with no mail server, a link to copy) follows. */
export function InviteClientDialog() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Invite a client</Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title="Invite a client"
        description="They'll get a private link to set a password. The email doesn't mention therapy."
      >
        {open ? <InviteForm onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function InviteForm({ onDone }: { onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const invite = useMutation(
    trpc.client.invite.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.client.invitations.pathFilter()),
    }),
  );
  const errors = fieldErrorsOf(invite.error);

  if (invite.data) {
    return (
      <div className="flex flex-col gap-4">
        <InviteLinkNotice result={invite.data} name={name} />
        <div className="flex justify-end">
          <FocusedDoneButton onClick={onDone} />
        </div>
      </div>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? "") };
    setName(values.name.trim());
    invite.mutate(values);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Field label="Name" error={errors.name}>
        {(p) => <Input {...p} name="name" autoComplete="off" required maxLength={120} />}
      </Field>
      <Field label="Email" error={errors.email}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="off" required maxLength={254} />}
      </Field>
      <DialogFormActions
        error={invite.isError && !errors.name && !errors.email ? messageOf(invite.error) : null}
        onCancel={onDone}
        submitLabel="Send invitation"
        pending={invite.isPending}
      />
    </form>
  );
}
