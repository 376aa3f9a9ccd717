import type { Metadata } from "next";
import { Suspense } from "react";
import { PreferencesForm } from "@/components/preferences/PreferencesForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc-rsc";

// Shown only when the client turned discreet tab titles off (the layout's template decides).
export const metadata: Metadata = { title: "Preferences" };

export default async function ClientPreferencesPage() {
  await requireUser("CLIENT");
  prefetch(trpc.preferences.get.queryOptions());
  return (
    <>
      <PageHeader
        title="Preferences"
        description="Make Haven comfortable to read. Changes apply straight away and are remembered on every device you use."
      />
      <HydrateClient>
        <Suspense fallback={(
            <SkeletonGroup label="Loading your preferences">
              <Skeleton className="h-24 w-full max-w-xl" />
              <Skeleton className="h-24 w-full max-w-xl" />
            </SkeletonGroup>
          )}>
          <PreferencesForm />
        </Suspense>
      </HydrateClient>
    </>
  );
}
