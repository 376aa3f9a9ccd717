import type { Metadata } from "next";
import Link from "next/link";
import { AssignEntryPoint } from "@/components/assignments/AssignEntryPoint";
import { ResourceEngagement } from "@/components/assignments/ResourceEngagement";
import { MarkdownBody } from "@/components/content/MarkdownBody";
import { CollectionMembership } from "@/components/library/CollectionMembership";
import { FavouriteButton } from "@/components/library/FavouriteButton";
import { notFoundOnMissing } from "@/components/library/not-found-on";
import { ResourceMeta } from "@/components/library/ResourceMeta";
import { ResourceStatusActions } from "@/components/library/ResourceStatusActions";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { PrintButton } from "@/components/ui/PrintButton";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { isWebUrl, KIND_LABELS, KINDS_WITH_URL } from "@/server/schemas/library";
import { getQueryClient, HydrateClient, prefetch, serverCaller, trpc } from "@/server/trpc/server";
import { LocalTime } from "@/components/ui/LocalTime";

type Params = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  const resource = await (await serverCaller()).library.bySlug({ slug }).catch(() => null);
  return { title: resource ? resource.title : "Library" };
}

export default async function ResourcePage({ params }: Params) {
  await requireUser("THERAPIST");
  const { slug } = await params;
  const resource = await getQueryClient()
    .fetchQuery({ ...trpc.library.bySlug.queryOptions({ slug }), retry: false })
    .catch(notFoundOnMissing);
  prefetch(trpc.collection.list.queryOptions({ containsResourceId: resource.id }));
  const showUrl = resource.url && KINDS_WITH_URL.includes(resource.kind) && isWebUrl(resource.url);
  const source = resource.isOwn ? "Written by you" : resource.ownerName ? `Shared by ${resource.ownerName}` : "From the shared library";

  return (
    <HydrateClient>
      <PageHeader
        eyebrow={
          <Link href="/therapist/library" className="text-accent underline underline-offset-4">
            Back to the library
          </Link>
        }
        title={resource.title}
        description={resource.summary}
      />
      <div className="grid gap-10 lg:grid-cols-[1fr_18rem]">
        <div className="flex min-w-0 flex-col gap-6">
          <div className="flex flex-col gap-3">
            <ResourceMeta resource={resource} />
            <p className="text-sm text-muted">
              {source} · Updated <LocalTime value={resource.updatedAt} style="longDate" />
            </p>
            {resource.tags.length ? (
              <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
                {resource.tags.map((tag) => (
                  <li key={tag.slug}>
                    <Link
                      href={`/therapist/library?tag=${encodeURIComponent(tag.slug)}`}
                      className="inline-block rounded-full bg-surface-muted px-2.5 py-0.5 text-sm text-ink underline-offset-4 hover:underline"
                    >
                      {tag.name}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>

          {resource.contentNote && resource.contentIntensity ? (
            <Notice tone="warning" title="Content note">
              <p>{resource.contentNote}</p>
              <p className="text-sm text-muted print:hidden">
                Intensity: {resource.contentIntensity.toLowerCase()}. Clients see this note before the reading opens, and choose to read now or come back another time.
              </p>
            </Notice>
          ) : null}

          {showUrl ? (
            <section aria-labelledby="url-heading" className="rounded-xl border border-border-subtle bg-surface p-4">
              <h2 id="url-heading" className="font-semibold">
                {KIND_LABELS[resource.kind]} address
              </h2>
              <p className="mt-1 break-all">
                <a href={resource.url ?? undefined} target="_blank" rel="noopener noreferrer nofollow" className="text-accent underline underline-offset-4">
                  {resource.url}
                  <span className="sr-only"> (opens in a new tab)</span>
                </a>
              </p>
              <p className="mt-1 text-sm text-muted">This opens {new URL(resource.url as string).hostname}, a site outside Haven.</p>
            </section>
          ) : null}

          <MarkdownBody source={resource.body} />
          {/* Who read it stays on screen: a printed handout carries no client's data. */}
          <div className="print:hidden">
            <ResourceEngagement resourceId={resource.id} />
          </div>
        </div>

        <aside aria-label="What you can do with this resource" className="flex flex-col gap-8 lg:self-start print:hidden">
          <div className="flex flex-col gap-3">
            <PrintButton>Print a handout</PrintButton>
            <FavouriteButton resourceId={resource.id} initial={resource.isFavourite} title={resource.title} />
            <AssignEntryPoint resourceId={resource.id} resourceTitle={resource.title} />
          </div>
          {resource.canEdit ? (
            <ResourceStatusActions id={resource.id} slug={resource.slug} status={resource.status} visibility={resource.visibility} />
          ) : null}
          <SkeletonSuspense label="Loading your reading plans…" shapes={["h-5 w-1/2", "h-10 w-full"]}>
            <CollectionMembership resourceId={resource.id} title={resource.title} />
          </SkeletonSuspense>
        </aside>
      </div>
    </HydrateClient>
  );
}
