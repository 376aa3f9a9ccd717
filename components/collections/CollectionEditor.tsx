"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { AssignEntryPoint } from "@/components/assignments/AssignEntryPoint";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { LinkButton } from "@/components/ui/LinkButton";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { PrintButton } from "@/components/ui/PrintButton";
import { Textarea } from "@/components/ui/Textarea";
import { useToast } from "@/components/ui/ToastProvider";
import { fieldMessage } from "@/components/forms/field-errors";
import { CollectionItems } from "./CollectionItems";

/** One reading plan: rename/describe, reorder and remove its resources, assign it, delete it. */
export function CollectionEditor({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const { data: plan } = useSuspenseQuery(trpc.collection.byId.queryOptions({ id }));
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(plan.title);
  const [description, setDescription] = useState(plan.description);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.collection.pathFilter());
  const update = useMutation(trpc.collection.update.mutationOptions());
  const remove = useMutation(
    trpc.collection.delete.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.show(`Deleted “${plan.title}”. Its resources are still in the library.`, { tone: "success" });
        router.push("/therapist/collections");
      },
    }),
  );

  function save(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setFieldError("Give the reading plan a name.");
      return;
    }
    setFieldError(null);
    update.mutate(
      { id, title, description },
      {
        onSuccess: async () => {
          await refresh();
          setEditing(false);
          toast.show("Reading plan saved.", { tone: "success" });
          requestAnimationFrame(() => editButton.current?.focus());
        },
        onError: (err) => setFieldError(fieldMessage(err, "title")),
      },
    );
  }

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/therapist/collections" className="text-accent underline underline-offset-4">
            All reading plans
          </Link>
        }
        title={plan.title}
        description={plan.description || undefined}
        actions={
          <>
            <AssignEntryPoint collectionId={plan.id} resourceTitle={plan.title} />
            <PrintButton>Print</PrintButton>
            <Button
              ref={editButton}
              variant="secondary"
              aria-expanded={editing}
              onClick={() => {
                setTitle(plan.title);
                setDescription(plan.description);
                setEditing((v) => !v);
              }}
            >
              Rename or describe
            </Button>
            <Button variant="ghost" onClick={() => setConfirmDelete(true)}>
              Delete plan
            </Button>
          </>
        }
      />

      {editing ? (
        <form onSubmit={save} noValidate aria-label="Rename or describe this plan" className="mb-8 flex flex-col gap-4 rounded-xl border border-border-subtle bg-surface p-5">
          <Field label="Name" error={fieldError ?? undefined}>
            {/* eslint-disable-next-line jsx-a11y/no-autofocus -- the person just asked to edit this field */}
            {(p) => <Input {...p} autoFocus value={title} maxLength={120} onChange={(e) => setTitle(e.currentTarget.value)} />}
          </Field>
          <Field label="Description" optional>
            {(p) => <Textarea {...p} rows={2} value={description} maxLength={1000} onChange={(e) => setDescription(e.currentTarget.value)} />}
          </Field>
          <div className="flex gap-2">
            <Button type="submit" loading={update.isPending}>
              Save
            </Button>
            <Button variant="secondary" onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      ) : null}

      {plan.unavailableCount > 0 ? (
        <Notice tone="info" className="mb-4">
          {plan.unavailableCount === 1 ? "One resource in this plan is" : `${plan.unavailableCount} resources in this plan are`} no longer
          available to you: its author made it private or archived it.
        </Notice>
      ) : null}

      {plan.items.length ? (
        <CollectionItems collectionId={plan.id} items={plan.items} />
      ) : (
        <EmptyState
          title="This reading plan is empty"
          body="Open a resource in the library and choose this plan under “Add to a reading plan”."
          action={<LinkButton href="/therapist/library">Browse the library</LinkButton>}
        />
      )}

      <Dialog
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title={`Delete “${plan.title}”?`}
        description="The plan goes; the resources in it stay in the library."
        actions={
          <>
            <Button variant="secondary" onClick={() => setConfirmDelete(false)}>
              Keep the plan
            </Button>
            <Button variant="danger" loading={remove.isPending} onClick={() => remove.mutate({ id })}>
              Delete plan
            </Button>
          </>
        }
      />
    </>
  );
}
