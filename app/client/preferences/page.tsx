import type { Metadata } from "next";
import { CheckInPreference } from "@/components/preferences/CheckInPreference";
import { OfflineReadingSetting } from "@/components/offline/OfflineReadingSetting";
import { PreferencesForm } from "@/components/preferences/PreferencesForm";
import { ReminderPreferences } from "@/components/preferences/ReminderPreferences";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

// Shown only when the client turned discreet tab titles off (the layout's template decides).
export const metadata: Metadata = { title: "Preferences" };

export default async function ClientPreferencesPage() {
  await requireUser("CLIENT");
  prefetch(trpc.preferences.get.queryOptions());
  prefetch(trpc.checkIn.prompt.queryOptions());
  prefetch(trpc.offline.get.queryOptions());
  prefetch(trpc.reminders.get.queryOptions());
  return (
    <>
      <PageHeader
        title="Preferences"
        description="Make Haven comfortable to read. Changes apply straight away and are remembered on every device you use."
      />
      <HydrateClient>
        <SkeletonSuspense label="Loading your preferences" shapes={["h-24 w-full max-w-xl", "h-24 w-full max-w-xl"]}>
          <PreferencesForm />
        </SkeletonSuspense>
        <SkeletonSuspense label="Loading your check-in preference" shapes={["h-16 w-full max-w-xl"]}>
          <CheckInPreference />
        </SkeletonSuspense>
        <SkeletonSuspense label="Loading offline reading" shapes={["h-24 w-full max-w-xl"]}>
          <OfflineReadingSetting />
        </SkeletonSuspense>
        <SkeletonSuspense label="Loading your reminder settings" shapes={["h-24 w-full max-w-xl"]}>
          <ReminderPreferences audience="client" />
        </SkeletonSuspense>
      </HydrateClient>
    </>
  );
}
