"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/server/trpc/react";
import { EmptyState } from "@/components/ui/EmptyState";
import { LocalTime } from "@/components/ui/LocalTime";

export function CollectionList() {
  const trpc = useTRPC();
  const { data: plans } = useSuspenseQuery(trpc.collection.list.queryOptions());
  if (!plans.length) {
    return (
      <EmptyState
        title="No reading plans yet"
        body="A reading plan is an ordered set of resources you can assign in one go. Start one above, or open a resource in the library and choose “Create plan and add”."
      />
    );
  }
  return (
    <ul aria-label="Your reading plans" className="grid gap-3 sm:grid-cols-2">
      {plans.map((plan) => (
        <li key={plan.id} className="flex flex-col gap-2 rounded-xl border border-border-subtle bg-surface p-5 shadow-sm">
          <h2 className="text-lg font-semibold">
            <Link href={`/therapist/collections/${plan.id}`} className="text-ink underline-offset-4 hover:underline">
              {plan.title}
            </Link>
          </h2>
          {plan.description ? <p className="text-muted">{plan.description}</p> : null}
          <p className="text-sm text-muted">
            {plan.itemCount} {plan.itemCount === 1 ? "resource" : "resources"} · Updated <LocalTime value={plan.updatedAt} style="date" />
          </p>
        </li>
      ))}
    </ul>
  );
}
