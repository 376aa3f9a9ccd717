import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/ResetPasswordForm";
import { Notice } from "@/components/ui/Notice";
import { serverCaller } from "@/server/trpc/server";

export const metadata: Metadata = { title: { absolute: "Choose a new password · Haven" } };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Checked on the server: the token never travels in a query URL from the browser.
  const { usable } = await (await serverCaller()).passwordReset.check({ token: token.slice(0, 100) });
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-lg font-semibold tracking-tight">Haven</p>
      <h1 className="mt-6 text-3xl font-semibold">Choose a new password</h1>
      {usable ? (
        <>
          <p className="mt-2 text-muted">Pick something long and memorable to you. Once it&apos;s set, you&apos;ll be signed out everywhere else.</p>
          <ResetPasswordForm token={token} />
        </>
      ) : (
        <div className="mt-8 flex flex-col gap-5">
          <Notice tone="info" title="This link can't be used any more">
            <p>Reset links work once and for one hour. You can ask for a new one; it only takes a moment.</p>
          </Notice>
          <p className="flex flex-wrap gap-4">
            <Link href="/forgot-password" className="underline underline-offset-4">Ask for a new link</Link>
            <Link href="/signin" className="underline underline-offset-4">Back to sign in</Link>
          </p>
        </div>
      )}
    </main>
  );
}
