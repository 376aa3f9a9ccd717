import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { SharedResourceEditor } from "@/components/admin/SharedResourceEditor";
import { PageHeader } from "@/components/ui/PageHeader";
import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/server/trpc-rsc";

export const metadata: Metadata = { title: "Edit a shared resource" };

export default async function EditSharedResourcePage({ params }: { params: Promise<{ id: string }> }) {
  await requireUser("ADMIN");
  const { id } = await params;
  const resource = await (await serverCaller())
    .library.byId({ id: id.slice(0, 40) })
    .catch((error: unknown) => {
      if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
      throw error;
    });
  if (!resource) notFound();
  prefetch(trpc.library.byId.queryOptions({ id: resource.id }));
  return (
    <>
      <PageHeader eyebrow={<Link href="/admin/library" className="underline underline-offset-4">Shared library</Link>} title={`Edit “${resource.title}”`} />
      <HydrateClient>
        <Suspense fallback={<SkeletonGroup label="Loading the resource…"><Skeleton className="h-64" /></SkeletonGroup>}>
          <SharedResourceEditor resourceId={resource.id} />
        </Suspense>
      </HydrateClient>
    </>
  );
}
