import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { SharedResourceEditor } from "@/components/admin/SharedResourceEditor";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/server/trpc/server";

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
        <SkeletonSuspense label="Loading the resource…" shapes={["h-64"]}>
          <SharedResourceEditor resourceId={resource.id} />
        </SkeletonSuspense>
      </HydrateClient>
    </>
  );
}
