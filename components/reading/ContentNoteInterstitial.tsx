import { ContentNoteBadge } from "@/components/ui/ContentNoteBadge";
import { LinkButton } from "@/components/ui/LinkButton";

/** Before intense material: what it touches on, and a free choice. Nothing is recorded here. */
export function ContentNoteInterstitial({
  assignmentId,
  title,
  contentNote,
  intensity,
}: {
  assignmentId: string;
  title: string;
  contentNote: string;
  intensity: "MILD" | "MODERATE" | "STRONG" | null;
}) {
  return (
    <div className="mx-auto flex max-w-prose flex-col gap-5 py-4">
      <p className="text-sm text-muted">A note before you read</p>
      <h1 className="text-2xl font-semibold leading-tight sm:text-3xl">{title}</h1>
      <div className="flex flex-col gap-3 rounded-xl border border-border-subtle bg-surface p-5">
        {intensity ? <ContentNoteBadge intensity={intensity} className="self-start" /> : null}
        <p className="text-lg leading-relaxed">{contentNote}</p>
      </div>
      <p className="text-muted">
        You can read it now, come back another time, or stop part-way. Whatever feels right for you today is right.
      </p>
      <div className="flex flex-col gap-3 sm:flex-row">
        {/* Real navigations (no prefetch): the reading counts as opened only once they choose to read. */}
        <LinkButton href={`/client/readings/${assignmentId}?ready=1`} prefetch={false}>
          Read now
        </LinkButton>
        <LinkButton href="/client" variant="secondary" prefetch={false}>
          Not now
        </LinkButton>
      </div>
    </div>
  );
}
