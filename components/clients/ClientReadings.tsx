"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { LocalTime } from "@/components/ui/LocalTime";
import { TimelineList } from "@/components/assignments/TimelineList";
import { useTRPC } from "@/server/trpc/react";
import { EmptyState } from "@/components/ui/EmptyState";
import { TherapistAssignmentCard } from "./TherapistAssignmentCard";

/** A client's readings with their tracking, any withdrawn ones, and the timeline. */
export function ClientReadings({ clientId }: { clientId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.client.byId.queryOptions({ id: clientId }));
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <section aria-labelledby="client-readings" className="flex flex-col gap-4">
        <h2 id="client-readings" className="text-xl font-semibold">
          Readings
        </h2>
        {data.assignments.length === 0 ? (
          <EmptyState headingLevel={3} title="Nothing assigned yet" body={`Assign a reading and you'll see here when ${data.client.name} opens and finishes it.`} />
        ) : (
          <ul className="flex flex-col gap-4">
            {data.assignments.map((assignment) => (
              <TherapistAssignmentCard key={assignment.id} assignment={assignment} clientName={data.client.name} reminderChoice={data.reminderChoice} />
            ))}
          </ul>
        )}
        {data.withdrawn.length > 0 ? (
          <details className="rounded-lg border border-border-subtle p-3">
            <summary className="cursor-pointer font-medium">Withdrawn readings ({data.withdrawn.length})</summary>
            <ul className="mt-2 flex flex-col gap-1 text-sm">
              {data.withdrawn.map((w) => (
                <li key={w.id}>
                  {w.resourceTitle} · withdrawn {w.withdrawnAt ? <LocalTime value={w.withdrawnAt} style="date" /> : null}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
      <section aria-labelledby="client-timeline" className="flex flex-col gap-4">
        <h2 id="client-timeline" className="text-xl font-semibold">
          Timeline
        </h2>
        <TimelineList entries={data.timeline} />
      </section>
    </div>
  );
}
