import type { Metadata } from "next";
import { Suspense } from "react";
import { ClientTable } from "@/components/clients/ClientTable";
import { InviteClientDialog } from "@/components/clients/InviteClientDialog";
import { PendingClientInvitations } from "@/components/clients/PendingClientInvitations";
import { buttonClasses } from "@/components/ui/button-styles";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("THERAPIST");
  const raw = (await searchParams).q;
  const q = typeof raw === "string" && raw.trim() ? raw.trim().slice(0, 100) : undefined;
  prefetch(trpc.client.list.queryOptions(q ? { q } : undefined));
  prefetch(trpc.client.invitations.queryOptions());

  return (
    <>
      <PageHeader
        title="Clients"
        description="The people in your care, what you've shared with them, and how their reading is going."
        actions={
          <>
            <InviteClientDialog />
            {/* A plain link: the CSV is a file download, not a page. */}
            <a href="/api/export/assignments" download className={buttonClasses("secondary")}>
              Export all (CSV)
            </a>
          </>
        }
      />
      <HydrateClient>
        <div className="flex flex-col gap-8">
          <Suspense fallback={null}>
            <PendingClientInvitations />
          </Suspense>
          <section aria-labelledby="client-list" className="flex flex-col gap-4">
            <h2 id="client-list" className="text-lg font-semibold">
              Current clients
            </h2>
            <form role="search" action="/therapist/clients" className="flex flex-col gap-2 sm:flex-row sm:items-end">
              <Field label="Search clients" className="sm:w-80">
                {(p) => <Input {...p} type="search" name="q" defaultValue={q} maxLength={100} />}
              </Field>
              <Button type="submit" variant="secondary">
                Search
              </Button>
            </form>
            <SkeletonSuspense key={q ?? ""} label="Loading your clients…" shapes={["h-12", "h-12"]}>
              <ClientTable q={q} />
            </SkeletonSuspense>
          </section>
        </div>
      </HydrateClient>
    </>
  );
}
