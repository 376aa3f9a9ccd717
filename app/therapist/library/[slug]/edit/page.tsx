import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { notFoundOnMissing } from "@/components/library/not-found-on";
import { ResourceForm } from "@/components/library/resource-form/ResourceForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";
import { getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Edit resource" };

export default async function EditResourcePage({ params }: { params: Promise<{ slug: string }> }) {
  await requireUser("THERAPIST");
  const { slug } = await params;
  const queryClient = getQueryClient();
  const [resource, tags] = await Promise.all([
    queryClient.fetchQuery({ ...trpc.library.bySlug.queryOptions({ slug }), retry: false }).catch(notFoundOnMissing),
    queryClient.fetchQuery(trpc.library.tags.queryOptions()),
  ]);
  // The procedures refuse the save anyway; this spares a colleague a form they cannot use.
  if (!resource.canEdit) forbidden();
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/therapist/library/${resource.slug}`} className="text-accent underline underline-offset-4">
            Back to the resource
          </Link>
        }
        title={`Edit “${resource.title}”`}
        description="Saving makes a new version; its web address stays the same."
      />
      <ResourceForm
        mode="edit"
        knownTags={tags.map((t) => t.name)}
        resource={{
          id: resource.id,
          version: resource.version,
          slug: resource.slug,
          title: resource.title,
          summary: resource.summary,
          kind: resource.kind,
          url: resource.url ?? "",
          audience: resource.audience,
          tags: resource.tags.map((t) => t.name),
          contentNote: resource.contentNote ?? "",
          contentIntensity: resource.contentIntensity ?? "",
          body: resource.body,
          visibility: resource.visibility,
        }}
      />
    </>
  );
}
