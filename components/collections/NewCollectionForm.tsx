"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Textarea } from "@/components/ui/Textarea";
import { useToast } from "@/components/ui/ToastProvider";
import { fieldMessage } from "@/components/forms/field-errors";

/** Name (and optionally describe) a new reading plan, then open it. */
export function NewCollectionForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.collection.create.mutationOptions({
      onSuccess: async (plan) => {
        await queryClient.invalidateQueries(trpc.collection.pathFilter());
        toast.show(`Created “${plan.title}”. Add resources from the library.`, { tone: "success" });
        router.push(`/therapist/collections/${plan.id}`);
      },
      onError: (err) => setError(fieldMessage(err, "title")),
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!title.trim()) {
      setError("Give the reading plan a name.");
      return;
    }
    setError(null);
    create.mutate({ title, description });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="new-plan-heading" className="flex flex-col gap-4 rounded-xl border border-border-subtle bg-surface p-5">
      <h2 id="new-plan-heading" className="text-lg font-semibold">
        Start a reading plan
      </h2>
      <Field label="Name" error={error ?? undefined}>
        {(p) => <Input {...p} value={title} maxLength={120} onChange={(e) => setTitle(e.currentTarget.value)} placeholder="e.g. Understanding attachment, first month" />}
      </Field>
      <Field label="Description" optional hint="Who it's for, or how you use it.">
        {(p) => <Textarea {...p} rows={2} value={description} maxLength={1000} onChange={(e) => setDescription(e.currentTarget.value)} />}
      </Field>
      <div>
        <Button type="submit" loading={create.isPending}>
          Create reading plan
        </Button>
      </div>
    </form>
  );
}
