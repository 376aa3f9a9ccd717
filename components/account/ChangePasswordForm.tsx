"use client";

import { useMutation } from "@tanstack/react-query";
import { TRPCClientError } from "@trpc/client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, type FormEvent } from "react";
import { z } from "zod";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { PasswordStrengthMeter } from "@/components/ui/PasswordStrengthMeter";
import type { AppRouter } from "@/server/routers/_app";
import { changePasswordInput } from "@/server/schemas/account";

type FieldName = "currentPassword" | "newPassword";
type FieldErrors = Partial<Record<FieldName, string>>;
type Outcome = { tone: "success" | "error"; message: string; signInAgain?: boolean } | null;

function firstErrors(errors: Partial<Record<string, string[] | undefined>> | null | undefined): FieldErrors {
  return {
    currentPassword: errors?.currentPassword?.[0],
    newPassword: errors?.newPassword?.[0],
  };
}

/** Current + new password. Changing it ends every session, so this browser signs straight back in. */
export function ChangePasswordForm({ email, name }: { email: string; name: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const strengthId = `strength-${useId()}`;
  const [newPassword, setNewPassword] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [reconnecting, setReconnecting] = useState(false);

  const showOutcome = (next: Outcome) => {
    setOutcome(next);
    // Move focus to the message so keyboard and screen-reader users land on what happened.
    requestAnimationFrame(() => outcomeRef.current?.focus());
  };

  const change = useMutation(trpc.account.changePassword.mutationOptions());

  const afterChange = async (password: string) => {
    formRef.current?.reset();
    setNewPassword("");
    // The server ended every session, this one too: sign in again here with the new password.
    setReconnecting(true);
    const result = await signIn("credentials", { redirect: false, email, password }).catch(() => null);
    setReconnecting(false);
    if (result && !result.error) {
      showOutcome({
        tone: "success",
        message: "Your password is changed. You're still signed in here; other devices will ask for the new password.",
      });
      router.refresh();
    } else {
      showOutcome({
        tone: "success",
        message: "Your password is changed. For your security you've been signed out: please sign in with the new password.",
        signInAgain: true,
      });
    }
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = changePasswordInput.safeParse({
      currentPassword: String(form.get("currentPassword") ?? ""),
      newPassword: String(form.get("newPassword") ?? ""),
    });
    setOutcome(null);
    if (!parsed.success) {
      setFieldErrors(firstErrors(z.flattenError(parsed.error).fieldErrors));
      return;
    }
    setFieldErrors({});
    try {
      await change.mutateAsync(parsed.data);
    } catch (error) {
      const data = error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data : undefined;
      const errors = firstErrors(data?.fieldErrors);
      setFieldErrors(errors);
      if (!errors.currentPassword && !errors.newPassword) {
        showOutcome({
          tone: "error",
          message: error instanceof Error ? messageOf(error) : "We couldn't change your password just now. Please try again.",
        });
      }
      return;
    }
    await afterChange(parsed.data.newPassword);
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="flex flex-col gap-5">
      <div ref={outcomeRef} tabIndex={-1} className="empty:hidden focus:outline-none">
        {outcome ? (
          <Notice
            tone={outcome.tone}
            live
            action={outcome.signInAgain ? <a href="/signin?callbackUrl=%2Faccount">Sign in again</a> : undefined}
          >
            {outcome.message}
          </Notice>
        ) : null}
      </div>
      <Field label="Current password" error={fieldErrors.currentPassword}>
        {(p) => <PasswordInput {...p} name="currentPassword" autoComplete="current-password" maxLength={200} />}
      </Field>
      <Field label="New password" error={fieldErrors.newPassword}>
        {(p) => (
          <div className="flex flex-col gap-2">
            <PasswordInput
              {...p}
              aria-describedby={[p["aria-describedby"], strengthId].filter(Boolean).join(" ")}
              name="newPassword"
              autoComplete="new-password"
              maxLength={200}
              value={newPassword}
              onChange={(event) => setNewPassword(event.currentTarget.value)}
            />
            <PasswordStrengthMeter id={strengthId} password={newPassword} userInputs={[email, name]} />
          </div>
        )}
      </Field>
      <div>
        <Button type="submit" loading={change.isPending || reconnecting}>
          Change password
        </Button>
      </div>
    </form>
  );
}
