"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";
import { EmptyState } from "@/components/ui/EmptyState";
import type { ReadingStatus } from "@/server/schemas/assignment";
import { ReadingCard } from "./ReadingCard";

const GROUPS: { status: ReadingStatus; title: string; id: string }[] = [
  { status: "NOT_OPENED", title: "New", id: "readings-new" },
  { status: "OPENED", title: "In progress", id: "readings-in-progress" },
  { status: "DONE", title: "Done", id: "readings-done" },
];

/** "My readings": new, in progress and done. */
export function ReadingList() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.reading.list.queryOptions());
  const now = new Date();
  if (data.length === 0) {
    return <EmptyState title="Nothing here yet" body="When your practitioner shares a reading with you, it will appear here. There's no rush." />;
  }
  return (
    <div className="flex flex-col gap-8">
      {GROUPS.map((group) => {
        const items = data.filter((reading) => reading.status === group.status);
        if (items.length === 0) return null;
        return (
          <section key={group.status} aria-labelledby={group.id} className="flex flex-col gap-3">
            <h2 id={group.id} className="text-xl font-semibold">
              {group.title}
            </h2>
            <ul className="flex flex-col gap-3">
              {items.map((reading) => (
                <ReadingCard key={reading.id} reading={reading} now={now} />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
