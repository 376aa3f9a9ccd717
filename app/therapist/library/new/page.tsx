import type { Metadata } from "next";
import Link from "next/link";
import { ResourceForm } from "@/components/library/resource-form/ResourceForm";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";
import { getQueryClient, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Write a resource" };

export default async function NewResourcePage() {
  await requireUser("THERAPIST");
  const tags = await getQueryClient().fetchQuery(trpc.library.tags.queryOptions());
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/therapist/library" className="text-accent underline underline-offset-4">
            Back to the library
          </Link>
        }
        title="Write a resource"
        description="Start private; share it with colleagues when it's ready. Reading time is worked out from the body."
      />
      <ResourceForm mode="create" knownTags={tags.map((t) => t.name)} />
    </>
  );
}
