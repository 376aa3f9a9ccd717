"use client";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";

/** Asks for a reset link. The answer is the same whether or not the email has an account. */
export function ForgotPasswordForm() {
  const trpc = useTRPC();
  const [email, setEmail] = useState("");
  const request = useMutation(trpc.passwordReset.request.mutationOptions());
  const fieldError = fieldErrorsOf(request.error).email;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget).get("email") ?? "");
    setEmail(value.trim());
    request.mutate({ email: value });
  }

  if (request.isSuccess) {
    return (
      <div className="mt-8 flex flex-col gap-5">
        <Notice tone="success" title="Check your email" live>
          <p>
            If {email} belongs to an account, a link to choose a new password is on its way. It works once, for one hour.
            It can take a few minutes to arrive, so have a look in your spam folder too.
          </p>
        </Notice>
        <p>
          <Link href="/signin" className="underline underline-offset-4">Back to sign in</Link>
        </p>
      </div>
    );
  }

  return (
    <form onSubmit={submit} className="mt-8 flex flex-col gap-5" noValidate>
      <Field label="Email" error={fieldError}>
        {(p) => <Input {...p} name="email" type="email" autoComplete="username" required maxLength={254} />}
      </Field>
      {request.error && !fieldError ? <Notice tone="error" live>We couldn&apos;t send that just now. Please try again in a moment.</Notice> : null}
      <Button type="submit" loading={request.isPending}>Send me a link</Button>
      <p className="text-sm">
        <Link href="/signin" className="underline underline-offset-4">Back to sign in</Link>
      </p>
    </form>
  );
}
