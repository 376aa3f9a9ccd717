import Link from "next/link";
import type { ReactNode } from "react";
import type { ResourceCard as ResourceCardData } from "@/server/schemas/library";
import { Highlight } from "./Highlight";
import { ResourceMeta } from "./ResourceMeta";

export interface ResourceCardProps {
  resource: ResourceCardData;
  headingLevel?: 2 | 3;
  /** Buttons shown beside the card (e.g. move up / remove in a reading plan). */
  actions?: ReactNode;
  /** Lets a list move focus to this card's link (e.g. the first card after "Load more"). */
  linkId?: string;
}

/** One resource in a list: title link, summary, meta line and tags, with matched words marked. */
export function ResourceCard({ resource, headingLevel = 3, actions, linkId }: ResourceCardProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const stems = resource.highlights;
  return (
    <article className="flex flex-col gap-3 rounded-xl border border-border-subtle bg-surface p-5 shadow-sm sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 flex-col gap-2">
        <Heading className="text-lg font-semibold leading-snug">
          <Link id={linkId} href={`/therapist/library/${resource.slug}`} className="text-ink underline-offset-4 hover:underline">
            <Highlight text={resource.title} stems={stems} />
          </Link>
          {resource.isFavourite ? <span className="sr-only"> (in your favourites)</span> : null}
        </Heading>
        <p className="max-w-prose text-muted">
          <Highlight text={resource.summary} stems={stems} />
        </p>
        <ResourceMeta resource={resource} />
        {resource.tags.length ? (
          <ul aria-label="Tags" className="flex flex-wrap gap-1.5">
            {resource.tags.map((tag) => (
              <li key={tag.slug} className="rounded-full bg-surface-muted px-2.5 py-0.5 text-sm text-ink">
                <Highlight text={tag.name} stems={stems} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {actions ? <div className="flex shrink-0 flex-wrap gap-2 sm:flex-col sm:items-end">{actions}</div> : null}
    </article>
  );
}
