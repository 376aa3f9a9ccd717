"use client";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { PasswordInput } from "@/components/ui/PasswordInput";
import { MESSAGES, signInErrorMessage } from "@/server/app-error";

/** Only same-site paths: an attacker's link must not bounce people elsewhere after sign-in. */
function safeCallback(url: string): string {
  return url.startsWith("/") && !url.startsWith("//") && !url.startsWith("/\\") ? url : "/";
}

export function SignInForm({
  callbackUrl,
  signedOut,
  expired,
  initialError = null,
}: {
  callbackUrl: string;
  signedOut: boolean;
  expired: boolean;
  /** next-auth's `error` code when a sign-in came back to this page (without JavaScript). */
  initialError?: string | null;
}) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError ? signInErrorMessage(initialError) : null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
      });
      if (!result || result.error) {
        // An outage is never "wrong password": next-auth passes Haven's code through (server/auth.ts).
        setError(signInErrorMessage(result?.error ?? "CredentialsSignin"));
        setPending(false);
        return;
      }
      router.replace(safeCallback(callbackUrl));
      router.refresh();
    } catch {
      setError(MESSAGES.noConnection);
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-8 flex flex-col gap-5" noValidate>
      {signedOut ? (
        <p role="status" className="rounded-md border border-border bg-surface p-3 text-sm">
          You&apos;ve signed out. See you next time.
        </p>
      ) : null}
      {expired ? (
        <p role="status" className="rounded-md border border-border bg-surface p-3 text-sm">
          {MESSAGES.sessionEnded}
        </p>
      ) : null}
      <Field label="Email">{(p) => <Input {...p} name="email" type="email" autoComplete="username" required maxLength={254} />}</Field>
      <Field label="Password">{(p) => <PasswordInput {...p} name="password" autoComplete="current-password" required maxLength={200} />}</Field>
      <div aria-live="assertive" id="signin-error">
        {error ? <p className="rounded-md border border-danger bg-danger-tint p-3 text-sm text-ink">{error}</p> : null}
      </div>
      <Button type="submit" loading={pending}>
        Sign in
      </Button>
      <p className="text-sm">
        <Link href="/forgot-password" className="underline underline-offset-4">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
