"use client";
import { useMutation, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import { useToast } from "@/components/ui/ToastProvider";
import { AUDIENCE_LABELS, AUDIENCES, INTENSITIES, KIND_LABELS, RESOURCE_KINDS } from "@/server/schemas/library";
import { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";
import { useRefreshAdminData } from "./use-admin-mutation";

const INTENSITY_WORDS = { MILD: "Mild", MODERATE: "Moderate", STRONG: "Strong" } as const;

/** Edits a shared-library resource through library.update (which checks the version it was loaded at). */
export function SharedResourceEditor({ resourceId }: { resourceId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const toast = useToast();
  const refresh = useRefreshAdminData();
  const { data: resource } = useSuspenseQuery(trpc.library.byId.queryOptions({ id: resourceId }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const update = useMutation(
    trpc.library.update.mutationOptions({
      onSuccess: async () => {
        toast.show("Changes saved.", { tone: "success" });
        await refresh();
        router.push("/admin/library");
      },
      onError: (error) => setErrors(fieldErrorsOf(error)),
    }),
  );

  if (!resource.canEdit) {
    return <Notice tone="info">This piece belongs to a therapist, so only they can change it. Move it to the shared library from their account page first.</Notice>;
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "");
    setErrors({});
    const intensity = text("contentIntensity");
    update.mutate({
      id: resource.id,
      version: resource.version,
      title: text("title"),
      summary: text("summary"),
      body: text("body"),
      kind: text("kind") as (typeof RESOURCE_KINDS)[number],
      url: text("url"),
      audience: text("audience") as (typeof AUDIENCES)[number],
      tags: text("tags").split(",").map((t) => t.trim()).filter(Boolean),
      contentNote: text("contentNote"),
      contentIntensity: intensity ? (intensity as (typeof INTENSITIES)[number]) : null,
      visibility: "SHARED",
    });
  }

  return (
    <form onSubmit={submit} className="flex max-w-3xl flex-col gap-5" noValidate>
      <Field label="Title" error={errors.title}>{(p) => <Input {...p} name="title" defaultValue={resource.title} required maxLength={200} />}</Field>
      <Field label="Summary" hint="One or two sentences, shown first." error={errors.summary}>
        {(p) => <Textarea {...p} name="summary" rows={3} defaultValue={resource.summary} required maxLength={600} />}
      </Field>
      <div className="grid gap-5 sm:grid-cols-2">
        <Field label="Kind" error={errors.kind}>
          {(p) => (
            <Select {...p} name="kind" defaultValue={resource.kind}>
              {RESOURCE_KINDS.map((kind) => <option key={kind} value={kind}>{KIND_LABELS[kind]}</option>)}
            </Select>
          )}
        </Field>
        <Field label="Written for" error={errors.audience}>
          {(p) => (
            <Select {...p} name="audience" defaultValue={resource.audience}>
              {AUDIENCES.map((audience) => <option key={audience} value={audience}>{AUDIENCE_LABELS[audience]}</option>)}
            </Select>
          )}
        </Field>
      </div>
      <Field label="Web address" optional hint="Only for links, audio and video." error={errors.url}>
        {(p) => <Input {...p} name="url" type="url" defaultValue={resource.url ?? ""} maxLength={2000} />}
      </Field>
      <Field label="Body" hint="Markdown: # headings, **bold**, lists and links." error={errors.body}>
        {(p) => <Textarea {...p} name="body" rows={16} defaultValue={resource.body} required />}
      </Field>
      <Field label="Tags" optional hint="Separate tags with commas." error={errors.tags}>
        {(p) => <Input {...p} name="tags" defaultValue={resource.tags.map((t) => t.name).join(", ")} />}
      </Field>
      <Field label="Content note" optional hint="What a reader may want to know before starting." error={errors.contentNote}>
        {(p) => <Textarea {...p} name="contentNote" rows={2} defaultValue={resource.contentNote ?? ""} maxLength={500} />}
      </Field>
      <Field label="Content note intensity" optional error={errors.contentIntensity}>
        {(p) => (
          <Select {...p} name="contentIntensity" defaultValue={resource.contentIntensity ?? ""}>
            <option value="">No content note</option>
            {INTENSITIES.map((level) => <option key={level} value={level}>{INTENSITY_WORDS[level]}</option>)}
          </Select>
        )}
      </Field>
      {update.error && !Object.keys(errors).length ? <Notice tone="error" live>{messageOf(update.error)}</Notice> : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" loading={update.isPending}>Save changes</Button>
        <Button variant="secondary" onClick={() => router.push("/admin/library")}>Cancel</Button>
      </div>
    </form>
  );
}
