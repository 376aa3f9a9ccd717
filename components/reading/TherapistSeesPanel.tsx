"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { TimelineList } from "@/components/assignments/TimelineList";
import { TrackingDetails } from "@/components/assignments/TrackingDetails";
import { useTRPC } from "@/server/trpc/react";
import { Card } from "@/components/ui/Card";

/** "What my therapist sees": the very view and activity list the therapist gets for this reading. */
export function TherapistSeesPanel({ assignmentId }: { assignmentId: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.reading.therapistView.queryOptions({ id: assignmentId }));
  return (
    <Card as="section" aria-labelledby="therapist-sees" className="flex flex-col gap-3">
      <h2 id="therapist-sees" className="text-lg font-semibold">
        What my therapist sees
      </h2>
      {data.careActive ? (
        <>
          <p className="text-muted">
            This is everything {data.therapistName} can see about this reading. Your reflection appears only if you chose to share it.
          </p>
          <TrackingDetails tracking={data.tracking} />
          {!data.tracking.sharedReflection ? <p className="text-sm">No reflection shared.</p> : null}
          <details>
            <summary className="cursor-pointer text-sm font-medium">Activity {data.therapistName} can see</summary>
            <div className="mt-2">
              <TimelineList entries={data.events} showTitles={false} />
            </div>
          </details>
        </>
      ) : (
        <p>Your time with {data.therapistName} has ended, so they no longer see anything about your readings.</p>
      )}
    </Card>
  );
}
