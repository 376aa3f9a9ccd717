import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInviteForm } from "@/components/auth/AcceptInviteForm";
import { serverCaller } from "@/server/trpc/server";
import { INVALID_INVITATION_MESSAGE } from "@/server/services/invitations";

// Neutral on purpose: this tab may be seen by others.
export const metadata: Metadata = { title: { absolute: "Welcome · Haven" } };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  // Anything that isn't a usable invitation — expired, used, withdrawn, mistyped — gets the same calm answer.
  const invitation = token.length <= 200 ? await (await serverCaller()).invite.describe({ token }) : null;
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4 py-12">
      <p className="text-lg font-semibold tracking-tight">Haven</p>
      {invitation ? (
        <>
          <h1 className="mt-6 text-3xl font-semibold">Welcome, {invitation.name.split(" ")[0]}</h1>
          <p className="mt-2 text-muted">
            {invitation.inviterName} invited you to a private reading space.{" "}
            {invitation.existingAccount ? "Confirm it's you to accept." : "Choose a password to get started."}
          </p>
          <AcceptInviteForm token={token} name={invitation.name} email={invitation.email} existingAccount={invitation.existingAccount} />
        </>
      ) : (
        <>
          <h1 className="mt-6 text-3xl font-semibold">This link can&apos;t be used</h1>
          <p className="mt-3 text-muted">{INVALID_INVITATION_MESSAGE}</p>
          <p className="mt-6">
            <Link href="/signin" className="underline underline-offset-4">
              Already have an account? Sign in
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
