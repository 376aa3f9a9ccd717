"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/ui/LocalTime";
import { useTRPC } from "@/server/trpc/react";
import { Card } from "@/components/ui/Card";
import { WeeklyChart } from "./WeeklyChart";

type Item = { assignmentId: string; clientId: string; clientName: string; resourceTitle: string };

function ItemLink({ item, children }: { item: Item; children?: ReactNode }) {
  return (
    <>
      <Link href={`/therapist/clients/${item.clientId}`} className="font-medium underline-offset-4 hover:underline">
        {item.clientName}
      </Link>{" "}
      · {item.resourceTitle}
      {children}
    </>
  );
}

/** One attention list: each item links to its client and reading, with `detail` underneath. */
function Panel<T extends Item>({ id, title, empty, items, detail }: { id: string; title: string; empty: string; items: T[]; detail: (item: T) => ReactNode }) {
  return (
    <Card as="section" aria-labelledby={id} className="flex flex-col gap-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {items.length === 0 ? (
        <p className="text-muted">{empty}</p>
      ) : (
        <ul className="flex flex-col gap-2">
          {items.map((item) => (
            <li key={item.assignmentId}>
              <ItemLink item={item}>{detail(item)}</ItemLink>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

/** What needs attention, what's new since my last visit, and the weekly rhythm. */
export function TherapistHome({ since }: { since: string | null }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.dashboard.therapist.queryOptions({ since: since ? new Date(since) : null }));
  const sinceText = data.since ? (
    <>
      since your last visit (<LocalTime value={data.since} />)
    </>
  ) : (
    "in the last week"
  );
  return (
    <div className="flex flex-col gap-6">
      <div className="grid gap-4 lg:grid-cols-3">
        <Panel
          id="not-opened"
          title="Not opened after a week"
          empty="Every reading from more than a week ago has been opened."
          items={data.notOpened}
          detail={(item) => (
            <span className="block text-sm text-muted">
              Assigned <LocalTime value={item.assignedAt} style="date" />
            </span>
          )}
        />
        <Panel
          id="finished"
          title="Finished"
          empty="Nothing newly finished."
          items={data.finished}
          detail={(item) =>
            item.completedAt ? (
              <span className="block text-sm text-muted">
                <LocalTime value={item.completedAt} />
              </span>
            ) : null
          }
        />
        <Panel
          id="reflections"
          title="New shared reflections"
          empty="No new reflections have been shared."
          items={data.reflections}
          detail={(item) => (
            <>
              <span className="block text-sm text-muted">{item.rating ? `Rated ${item.rating} of 5` : "No rating"}</span>
              {item.body ? <span className="line-clamp-3 block text-sm">“{item.body}”</span> : null}
            </>
          )}
        />
      </div>
      <p className="text-sm text-muted">Finished readings and reflections are shown {sinceText}.</p>
      <Card as="section" aria-labelledby="weekly" className="flex flex-col gap-3">
        <h2 id="weekly" className="text-lg font-semibold">
          Opened and finished, week by week
        </h2>
        <WeeklyChart points={data.weekly} />
      </Card>
    </div>
  );
}
