"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Select } from "@/components/ui/Select";
import { useToast } from "@/components/ui/ToastProvider";

/** Which of my reading plans hold this resource, and a way to add it to another (or a new) one. */
export function CollectionMembership({ resourceId, title }: { resourceId: string; title: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const { data: plans } = useSuspenseQuery(trpc.collection.list.queryOptions({ containsResourceId: resourceId }));
  const holding = plans.filter((p) => p.containsResource);
  const others = plans.filter((p) => !p.containsResource);
  const [chosen, setChosen] = useState("");
  const [newName, setNewName] = useState("");
  const [error, setError] = useState<string | null>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.collection.pathFilter());
  const addItem = useMutation(trpc.collection.addItem.mutationOptions());
  const createPlan = useMutation(trpc.collection.create.mutationOptions());

  async function addTo(collectionId: string, planTitle: string) {
    setError(null);
    try {
      await addItem.mutateAsync({ collectionId, resourceId });
      toast.show(`Added “${title}” to ${planTitle}.`, { tone: "success" });
      setChosen("");
    } catch (e) {
      setError((e as Error).message);
    } finally {
      await refresh();
    }
  }

  async function createAndAdd(event: FormEvent) {
    event.preventDefault();
    if (!newName.trim()) {
      setError("Give the new reading plan a name.");
      return;
    }
    setError(null);
    try {
      const plan = await createPlan.mutateAsync({ title: newName, description: "" });
      setNewName("");
      await addTo(plan.id, plan.title);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <section aria-labelledby="membership-heading" className="flex flex-col gap-3">
      <h2 id="membership-heading" className="text-lg font-semibold">
        Reading plans
      </h2>
      {holding.length ? (
        <div>
          <p className="text-sm text-muted">This resource is in:</p>
          <ul className="mt-1 flex flex-col gap-1">
            {holding.map((p) => (
              <li key={p.id}>
                <Link href={`/therapist/collections/${p.id}`} className="text-accent underline underline-offset-4">
                  {p.title}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-muted">It isn&apos;t in any of your reading plans yet.</p>
      )}

      {others.length ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            const plan = others.find((p) => p.id === chosen);
            if (plan) void addTo(plan.id, plan.title);
            else setError("Choose a reading plan first.");
          }}
        >
          <Field label="Add to a reading plan">
            {(p) => (
              <Select {...p} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
                <option value="">Choose a plan…</option>
                {others.map((plan) => (
                  <option key={plan.id} value={plan.id}>
                    {plan.title}
                  </option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary" size="sm" loading={addItem.isPending && !createPlan.isPending}>
            Add to plan
          </Button>
        </form>
      ) : null}

      <form className="flex flex-col gap-2" onSubmit={createAndAdd}>
        <Field label="Or start a new reading plan">
          {(p) => <Input {...p} value={newName} maxLength={120} onChange={(e) => setNewName(e.currentTarget.value)} placeholder="e.g. First weeks" />}
        </Field>
        <Button type="submit" variant="secondary" size="sm" loading={createPlan.isPending}>
          Create plan and add
        </Button>
      </form>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </section>
  );
}
