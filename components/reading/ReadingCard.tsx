import Link from "next/link";
import { Card } from "@/components/ui/Card";
import { ContentNoteBadge } from "@/components/ui/ContentNoteBadge";
import { gentleDueLabel, type ReadingStatus } from "@/server/schemas/assignment";
import { KIND_LABELS } from "@/server/schemas/library";
import { TherapistNote } from "@/components/reading/TherapistNote";

export type ReadingCardData = {
  id: string;
  status: ReadingStatus;
  progress: number;
  note: string | null;
  dueAt: Date | null;
  therapistName: string;
  careActive: boolean;
  resource: {
    title: string;
    summary: string;
    kind: keyof typeof KIND_LABELS;
    readingMinutes: number;
    contentNote: string | null;
    contentIntensity: "MILD" | "MODERATE" | "STRONG" | null;
  };
};

/** One reading in "My readings": what it is, how long, any content note, the therapist's note, a gentle date. */
export function ReadingCard({ reading, now }: { reading: ReadingCardData; now: Date }) {
  const { resource } = reading;
  return (
    <Card as="li" className="flex flex-col gap-2">
      <h3 className="text-lg font-semibold leading-snug">
        {/* No prefetch: opening a reading is recorded when its page is rendered for real. */}
        <Link href={`/client/readings/${reading.id}`} prefetch={false} className="underline-offset-4 hover:underline">
          {resource.title}
        </Link>
      </h3>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
        <span>
          {KIND_LABELS[resource.kind]} · about {resource.readingMinutes} min
        </span>
        {resource.contentNote ? (
          resource.contentIntensity ? (
            <ContentNoteBadge intensity={resource.contentIntensity} />
          ) : (
            <span>Has a content note</span>
          )
        ) : null}
      </p>
      <p className="text-muted">{resource.summary}</p>
      {reading.note ? <TherapistNote therapistName={reading.therapistName} note={reading.note} /> : null}
      {reading.status === "OPENED" && reading.progress > 0 ? <p className="text-sm">You&apos;ve read about {reading.progress}%.</p> : null}
      {reading.dueAt && reading.status !== "DONE" ? <p className="text-sm text-muted">{gentleDueLabel(reading.dueAt, now)}</p> : null}
    </Card>
  );
}
