import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/SignInForm";
import { ForgetOnSignIn } from "@/components/offline/ForgetOnSignIn";
import { ThemeToggle } from "@/components/shell/ThemeToggle";
import { getSessionUser } from "@/server/auth";
import { getRequestDisplay } from "@/server/request/display";
import { HOME_BY_ROLE } from "@/server/schemas/account";
import { endedSessionWasRevoked } from "@/server/request/device-session";

export const metadata: Metadata = { title: { absolute: "Sign in · Haven" } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await getSessionUser();
  if (user) redirect(HOME_BY_ROLE[user.role]);
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === "string" ? params.callbackUrl : "/";
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-lg font-semibold tracking-tight">Haven</p>
      <h1 className="mt-6 text-3xl font-semibold">Sign in</h1>
      <p className="mt-2 text-muted">Welcome back. Take your time.</p>
      <ForgetOnSignIn revoked={await endedSessionWasRevoked().catch(() => false)} />
      <SignInForm
        callbackUrl={callbackUrl}
        signedOut={params.signedOut === "1"}
        expired={params.error === "SessionRequired"}
        initialError={typeof params.error === "string" && params.error !== "SessionRequired" ? params.error.slice(0, 40) : null}
      />
      <footer className="mt-12 border-t border-border-subtle pt-6">
        <ThemeToggle initialTheme={(await getRequestDisplay()).attributes["data-theme"]} />
      </footer>
    </main>
  );
}
