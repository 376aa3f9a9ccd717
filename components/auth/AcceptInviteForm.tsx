"use client";
import { useMutation } from "@tanstack/react-query";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { PasswordStrengthMeter } from "@/components/ui/PasswordStrengthMeter";
import { HOME_BY_ROLE } from "@/server/schemas/account";
import { MIN_PASSWORD_LENGTH } from "@/server/schemas/password-strength";

export interface AcceptInviteFormProps {
  token: string;
  name: string;
  email: string;
  /** The email already has an account: its password links it instead of creating another. */
  existingAccount: boolean;
}

/** Sets a password (or confirms the existing one), accepts the invitation, signs in and goes home. */
export function AcceptInviteForm({ token, name, email, existingAccount }: AcceptInviteFormProps) {
  const trpc = useTRPC();
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [localError, setLocalError] = useState<string | null>(null);
  const [signingIn, setSigningIn] = useState(false);
  const accept = useMutation(
    trpc.invite.accept.mutationOptions({
      onSuccess: async (accepted) => {
        setSigningIn(true);
        const result = await signIn("credentials", { redirect: false, email: accepted.email, password });
        if (!result || result.error) {
          // The account exists now; signing in by hand will work.
          router.replace("/signin");
          return;
        }
        router.replace(HOME_BY_ROLE[accepted.role]);
        router.refresh();
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setLocalError(null);
    if (!existingAccount && Array.from(password).length < MIN_PASSWORD_LENGTH) {
      setLocalError(`Use at least ${MIN_PASSWORD_LENGTH} characters. A few unrelated words work well.`);
      return;
    }
    if (!password) {
      setLocalError("Enter your password.");
      return;
    }
    accept.mutate({ token, password });
  }

  const error = localError ?? (accept.isError ? messageOf(accept.error) : null);
  return (
    <form onSubmit={submit} className="mt-8 flex flex-col gap-5" noValidate>
      <p>
        Signing in as <span className="font-medium">{email}</span>
      </p>
      <Field
        label={existingAccount ? "Your current password" : "Choose a password"}
        hint={existingAccount ? `You already have a Haven account with this email. Enter its password to accept, ${name.split(" ")[0]}.` : undefined}
        error={localError ?? undefined}
      >
        {(p) => (
          <PasswordInput
            {...p}
            aria-describedby={[p["aria-describedby"], existingAccount ? null : "password-strength"].filter(Boolean).join(" ") || undefined}
            name="password"
            autoComplete={existingAccount ? "current-password" : "new-password"}
            required
            maxLength={200}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      {!existingAccount ? <PasswordStrengthMeter id="password-strength" password={password} userInputs={[name, email]} /> : null}
      {error && !localError ? (
        <Notice tone="error" live>
          {error}
        </Notice>
      ) : null}
      <Button type="submit" loading={accept.isPending || signingIn}>
        {existingAccount ? "Accept invitation" : "Set password and continue"}
      </Button>
    </form>
  );
}
