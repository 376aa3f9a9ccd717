import type { Metadata } from "next";
import Link from "next/link";
import { ChangePasswordForm } from "@/components/account/ChangePasswordForm";
import { ReminderPreferences } from "@/components/preferences/ReminderPreferences";
import { AreaShell } from "@/components/shell/AreaShell";
import { CrisisNotice } from "@/components/shell/CrisisNotice";
import { QuickExit } from "@/components/shell/QuickExit";
import { ThemeToggle } from "@/components/shell/ThemeToggle";
import { Card } from "@/components/ui/Card";
import { PageHeader } from "@/components/ui/PageHeader";
import { getSessionUser, requireUser } from "@/server/auth";
import { getRequestDisplay } from "@/server/request/display";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { DEFAULT_CRISIS_RESOURCES, env } from "@/server/env";
import type { RoleName } from "@/server/schemas/account";

const ROLE_WORDS: Record<RoleName, string> = { ADMIN: "Administrator", THERAPIST: "Practitioner", CLIENT: "Reader" };

/** Clients keep their discreet tab title here too. */
export async function generateMetadata(): Promise<Metadata> {
  const [user, { preferences }] = await Promise.all([getSessionUser(), getRequestDisplay()]);
  if (user?.role === "CLIENT" && (preferences?.discreet ?? true)) return { title: { absolute: "Reading" } };
  return { title: "Your account" };
}

export default async function AccountPage() {
  const user = await requireUser();
  const { preferences, attributes } = await getRequestDisplay();
  const isClient = user.role === "CLIENT";
  const quickExit = isClient && (preferences?.quickExit ?? true);
  const config = env();
  if (user.role === "THERAPIST") prefetch(trpc.reminders.get.queryOptions());

  return (
    <AreaShell
      user={user}
      // A client's safety features follow them onto this page, as on every client page.
      before={isClient ? <QuickExit exitUrl={config.QUICK_EXIT_URL} enabled={quickExit} /> : undefined}
      quickExitShown={quickExit}
      footer={
        isClient ? (
          <footer className="mx-auto w-full max-w-6xl px-4 pb-10">
            <CrisisNotice resources={config.CRISIS_RESOURCES ?? DEFAULT_CRISIS_RESOURCES} />
          </footer>
        ) : undefined
      }
    >
      <PageHeader title="Your account" description="Your details, your password and how Haven looks for you." />
      <div className="grid max-w-3xl gap-6">
        <Card as="section" aria-labelledby="details-heading">
          <h2 id="details-heading" className="text-xl font-semibold">
            Your details
          </h2>
          <dl className="mt-4 flex flex-col gap-3">
            {[
              ["Name", user.name],
              ["Email", user.email],
              ["Account", ROLE_WORDS[user.role]],
            ].map(([term, value]) => (
              <div key={term} className="flex flex-col sm:flex-row sm:gap-6">
                <dt className="text-sm text-muted sm:w-32 sm:text-base">{term}</dt>
                <dd className="wrap-anywhere">{value}</dd>
              </div>
            ))}
          </dl>
        </Card>

        <Card as="section" aria-labelledby="password-heading">
          <h2 id="password-heading" className="text-xl font-semibold">
            Change password
          </h2>
          <p className="mt-1 mb-5 text-muted">
            After a change, any other device signed in to your account will need the new password.
          </p>
          <ChangePasswordForm email={user.email} name={user.name} />
        </Card>

        <Card as="section" aria-labelledby="display-heading">
          <h2 id="display-heading" className="mb-4 text-xl font-semibold">
            Display
          </h2>
          <ThemeToggle initialTheme={attributes["data-theme"]} saveToAccount />
          {isClient ? (
            <p className="mt-4">
              <Link href="/client/preferences">Text size, spacing, quick exit and more</Link>
            </p>
          ) : null}
        </Card>

        {user.role === "THERAPIST" ? (
          <Card as="div">
            <HydrateClient>
              <SkeletonSuspense label="Loading your email settings" shapes={["h-24 w-full max-w-xl"]}>
                <ReminderPreferences audience="therapist" />
              </SkeletonSuspense>
            </HydrateClient>
          </Card>
        ) : null}
      </div>
    </AreaShell>
  );
}
