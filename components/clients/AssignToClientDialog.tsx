"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDeferredValue, useState, type FormEvent } from "react";
import { AssignDetailsFields } from "@/components/assignments/AssignDetailsFields";
import { AssignResultsPanel } from "@/components/assignments/AssignResultsList";
import { useCreateAssignments } from "@/components/assignments/use-create-assignments";
import { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { DialogFormActions } from "@/components/forms/DialogFormActions";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { Spinner } from "@/components/ui/Spinner";
import { KIND_LABELS } from "@/server/schemas/library";

/** From a client's page: pick one reading or a whole reading plan for this client. */
export function AssignToClientDialog({ clientId, clientName }: { clientId: string; clientName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)}>Assign a reading</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={`Assign to ${clientName}`}>
        {open ? <PickAndAssign clientId={clientId} onDone={() => setOpen(false)} /> : null}
      </Dialog>
    </>
  );
}

function PickAndAssign({ clientId, onDone }: { clientId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim());
  const [target, setTarget] = useState("");
  const options = useQuery(trpc.assignment.pickerOptions.queryOptions(q ? { q } : undefined, { placeholderData: keepPreviousData }));
  const { assign, results } = useCreateAssignments();
  const errors = fieldErrorsOf(assign.error);

  if (results) return <AssignResultsPanel results={results} onDone={onDone} />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const [kind, id] = target.split(":");
    assign.mutate({
      ...(kind === "collection" ? { collectionId: id } : { resourceId: id }),
      clientIds: [clientId],
      note: String(form.get("note") ?? ""),
      dueDate: String(form.get("dueDate") ?? ""),
    });
  }

  const resources = options.data?.resources ?? [];
  const collections = options.data?.collections ?? [];
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Field label="Find a reading or reading plan">
        {(p) => <Input {...p} type="search" value={search} onChange={(e) => setSearch(e.target.value)} maxLength={100} />}
      </Field>
      <div className="flex max-h-72 flex-col gap-4 overflow-y-auto rounded-lg border border-border-subtle p-3">
        {options.isPending ? <Spinner label="Loading readings…" /> : null}
        {options.isError ? <Notice tone="error">{messageOf(options.error)}</Notice> : null}
        {collections.length > 0 ? (
          <RadioGroup
            legend="Reading plans"
            name="target"
            value={target}
            onValueChange={setTarget}
            options={collections.map((c) => ({ value: `collection:${c.id}`, label: c.title, hint: `${c.items} ${c.items === 1 ? "reading" : "readings"}` }))}
          />
        ) : null}
        {resources.length > 0 ? (
          <RadioGroup
            legend="Readings"
            name="target"
            value={target}
            onValueChange={setTarget}
            options={resources.map((r) => ({
              value: `resource:${r.id}`,
              label: r.title,
              hint: `${KIND_LABELS[r.kind]} · ${r.readingMinutes} min${r.hasContentNote ? " · has a content note" : ""}`,
            }))}
          />
        ) : null}
        {options.isSuccess && resources.length === 0 && collections.length === 0 ? <p className="text-muted">Nothing matches “{q}”.</p> : null}
      </div>
      <AssignDetailsFields errors={errors} />
      <DialogFormActions
        error={assign.isError && !errors.note && !errors.dueDate ? (errors.resourceId ?? messageOf(assign.error)) : null}
        onCancel={onDone}
        submitLabel="Assign"
        pending={assign.isPending}
        disabled={!target}
      />
    </form>
  );
}
