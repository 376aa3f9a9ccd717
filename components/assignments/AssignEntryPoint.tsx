"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { DialogFormActions } from "@/components/forms/DialogFormActions";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Dialog } from "@/components/ui/Dialog";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import { Skeleton } from "@/components/ui/Skeleton";
import { SkeletonGroup } from "@/components/ui/SkeletonGroup";
import { AssignDetailsFields } from "./AssignDetailsFields";
import { AssignResultsPanel } from "./AssignResultsList";
import { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";
import { useCreateAssignments } from "./use-create-assignments";

export interface AssignEntryPointProps {
  resourceId?: string;
  collectionId?: string;
  /** The resource's or reading plan's title, for the dialog heading. */
  resourceTitle: string;
}

/** "Assign to client": pick one or many of my clients, an optional note and suggested date. */
export function AssignEntryPoint({ resourceId, collectionId, resourceTitle }: AssignEntryPointProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Assign to client</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Assign “${resourceTitle}”`}>
        {open ? <AssignForm resourceId={resourceId} collectionId={collectionId} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function AssignForm({ resourceId, collectionId, onDone }: { resourceId?: string; collectionId?: string; onDone: () => void }) {
  const trpc = useTRPC();
  const clients = useQuery(trpc.assignment.clientOptions.queryOptions(resourceId ? { resourceId } : undefined, { staleTime: 0 }));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [filter, setFilter] = useState("");
  const { assign, results } = useCreateAssignments();

  if (results) return <AssignResultsPanel results={results} onDone={onDone} />;
  if (clients.isPending) {
    return (
      <SkeletonGroup label="Loading your clients…">
        <Skeleton className="h-8" />
        <Skeleton className="h-8" />
      </SkeletonGroup>
    );
  }
  if (clients.isError) return <Notice tone="error">{messageOf(clients.error)}</Notice>;
  if (clients.data.length === 0) {
    return (
      <p>
        You don&apos;t have any clients yet.{" "}
        <Link href="/therapist/clients" className="underline underline-offset-4">
          Invite a client
        </Link>{" "}
        first, then come back to assign this.
      </p>
    );
  }

  const visible = clients.data.filter((c) => `${c.name} ${c.email}`.toLowerCase().includes(filter.trim().toLowerCase()));
  const errors = fieldErrorsOf(assign.error);
  const toggle = (id: string, checked: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (checked) next.add(id);
      else next.delete(id);
      return next;
    });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    assign.mutate({
      resourceId,
      collectionId,
      clientIds: [...selected],
      note: String(form.get("note") ?? ""),
      dueDate: String(form.get("dueDate") ?? ""),
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {clients.data.length > 8 ? (
        <Field label="Find a client">{(p) => <Input {...p} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />}</Field>
      ) : null}
      <fieldset className="flex flex-col">
        <legend className="mb-1 font-medium">Clients</legend>
        {visible.map((client) => (
          <Checkbox
            key={client.id}
            name="clientIds"
            value={client.id}
            checked={selected.has(client.id)}
            onChange={(e) => toggle(client.id, e.currentTarget.checked)}
            label={client.name}
            hint={client.alreadyAssigned ? "Already has this reading" : undefined}
          />
        ))}
        {visible.length === 0 ? <p className="text-muted">No clients match “{filter}”.</p> : null}
      </fieldset>
      <AssignDetailsFields errors={errors} />
      <DialogFormActions
        error={assign.isError && !errors.note && !errors.dueDate ? (errors.clientIds ?? messageOf(assign.error)) : null}
        onCancel={onDone}
        submitLabel={selected.size > 1 ? `Assign to ${selected.size} clients` : "Assign"}
        pending={assign.isPending}
      />
    </form>
  );
}
