"use client";
import { messageOf } from "@/components/forms/field-errors";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState, type FormEvent } from "react";
import { fieldErrorsOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { PasswordStrengthMeter } from "@/components/ui/PasswordStrengthMeter";

/** Chooses a new password with a reset link; afterwards every session of the account has ended. */
export function ResetPasswordForm({ token }: { token: string }) {
  const trpc = useTRPC();
  const strengthId = `strength-${useId()}`;
  const [password, setPassword] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const reset = useMutation(trpc.passwordReset.reset.mutationOptions());
  const fieldError = fieldErrorsOf(reset.error).password;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const confirm = String(new FormData(event.currentTarget).get("confirm") ?? "");
    setMismatch(confirm !== password);
    if (confirm !== password) return;
    reset.mutate({ token, password });
  }

  if (reset.isSuccess) {
    return (
      <div className="mt-8 flex flex-col gap-5">
        <Notice tone="success" title="Your new password is set" live>
          <p>For your safety, you&apos;ve been signed out everywhere. Sign in with your new password when you&apos;re ready.</p>
        </Notice>
        <p>
          <Link href="/signin" className="underline underline-offset-4">Sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="mt-8 flex flex-col gap-5" noValidate>
      <Field label="New password" error={fieldError}>
        {(p) => (
          <PasswordInput
            {...p}
            aria-describedby={[p["aria-describedby"], strengthId].filter(Boolean).join(" ")}
            name="password"
            autoComplete="new-password"
            required
            maxLength={200}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
        )}
      </Field>
      <PasswordStrengthMeter password={password} id={strengthId} />
      <Field label="Type it again" error={mismatch ? "The two passwords don't match yet." : undefined}>
        {(p) => <PasswordInput {...p} name="confirm" autoComplete="new-password" required maxLength={200} />}
      </Field>
      {reset.error && !fieldError ? (
        <Notice tone="error" live>
          <p>{messageOf(reset.error)}</p>
          <p>
            <Link href="/forgot-password" className="underline underline-offset-4">Ask for a new link</Link>
          </p>
        </Notice>
      ) : null}
      <Button type="submit" loading={reset.isPending}>Set new password</Button>
    </form>
  );
}
