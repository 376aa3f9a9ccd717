import { EVENT_LABEL, type TimelineEntry } from "@/server/schemas/assignment";
import { LocalTime } from "@/components/ui/LocalTime";

/** Newest first: assigned, opened, read further, done, shared, withdrawn. */
export function TimelineList({ entries, showTitles = true }: { entries: TimelineEntry[]; showTitles?: boolean }) {
  if (entries.length === 0) return <p className="text-muted">Nothing has happened yet.</p>;
  return (
    <ol className="flex flex-col gap-2 border-l-2 border-border-subtle pl-4">
      {entries.map((entry) => (
        <li key={entry.id} className="text-sm">
          <span className="font-medium">
            {EVENT_LABEL[entry.type]}
            {entry.type === "PROGRESS" && entry.progress !== null ? ` to ${entry.progress}%` : ""}
          </span>
          {showTitles ? <> · {entry.resourceTitle}</> : null}
          <span className="block text-muted">
            <LocalTime value={entry.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}
