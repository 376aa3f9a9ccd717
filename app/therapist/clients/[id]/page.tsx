import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AssignToClientDialog } from "@/components/clients/AssignToClientDialog";
import { ClientReadings } from "@/components/clients/ClientReadings";
import { EndCareButton } from "@/components/clients/EndCareButton";
import { buttonClasses } from "@/components/ui/button-styles";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/server/trpc/server";

// A neutral title: a therapist's screen may be seen by others.
export const metadata: Metadata = { title: "Client" };

export default async function ClientPage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("THERAPIST");
  const { id } = await params;
  const header = await (await serverCaller()).client.header({ id }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  prefetch(trpc.client.byId.queryOptions({ id }));

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/therapist/clients" className="underline-offset-4 hover:underline">
            ← All clients
          </Link>
        }
        title={header.name}
        actions={
          <>
            <AssignToClientDialog clientId={id} clientName={header.name} />
            <a href={`/api/export/assignments?clientId=${encodeURIComponent(id)}`} download className={buttonClasses("secondary")}>
              Export (CSV)
            </a>
            <EndCareButton clientId={id} clientName={header.name} afterEnd="/therapist/clients" />
          </>
        }
      />
      <HydrateClient>
        <SkeletonSuspense label="Loading readings…" shapes={["h-32", "h-32"]}>
          <ClientReadings clientId={id} />
        </SkeletonSuspense>
      </HydrateClient>
    </>
  );
}
