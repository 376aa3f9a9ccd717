import { Badge } from "@/components/ui/Badge";
import { ContentNoteBadge } from "@/components/ui/ContentNoteBadge";
import { AUDIENCE_LABELS, KIND_LABELS, type ResourceCard } from "@/server/schemas/library";

type MetaFields = Pick<ResourceCard, "kind" | "audience" | "readingMinutes" | "contentIntensity" | "status" | "visibility" | "isOwn">;

export function readingTimeLabel(minutes: number) {
  return `${minutes} min read`;
}

/** Kind, reading time, audience, content-note marker and (for my own pieces) status and visibility. */
export function ResourceMeta({ resource }: { resource: MetaFields }) {
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
      <Badge tone="accent">{KIND_LABELS[resource.kind]}</Badge>
      <span>{readingTimeLabel(resource.readingMinutes)}</span>
      <span aria-hidden="true">·</span>
      <span>{AUDIENCE_LABELS[resource.audience]}</span>
      {resource.contentIntensity ? <ContentNoteBadge intensity={resource.contentIntensity} /> : null}
      {resource.status === "DRAFT" ? <Badge tone="warning">Draft</Badge> : null}
      {resource.status === "ARCHIVED" ? <Badge tone="neutral">Archived</Badge> : null}
      {resource.isOwn ? <Badge tone="info">{resource.visibility === "PRIVATE" ? "Mine · private" : "Mine · shared"}</Badge> : null}
    </div>
  );
}
