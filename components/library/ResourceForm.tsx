"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import { useToast } from "@/components/ui/ToastProvider";
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  INTENSITIES,
  KIND_LABELS,
  KINDS_WITH_URL,
  RESOURCE_KINDS,
  resourceFormSchema,
  type AudienceName,
  type IntensityName,
  type ResourceKindName,
} from "@/server/schemas/library";
import { FormErrorSummary, type FieldErrors } from "./FormErrorSummary";
import { MarkdownEditor } from "./MarkdownEditor";
import { TagPicker } from "./TagPicker";
import { fieldErrorsOf } from "@/components/forms/field-errors";

export type ResourceFormValues = {
  title: string;
  summary: string;
  kind: ResourceKindName;
  url: string;
  audience: AudienceName;
  tags: string[];
  contentNote: string;
  contentIntensity: IntensityName | "";
  body: string;
  visibility: "PRIVATE" | "SHARED";
};

type Props =
  | { mode: "create"; knownTags: string[] }
  | { mode: "edit"; knownTags: string[]; resource: ResourceFormValues & { id: string; version: number; slug: string } };

const EMPTY: ResourceFormValues = {
  title: "",
  summary: "",
  kind: "ARTICLE",
  url: "",
  audience: "CLIENT",
  tags: [],
  contentNote: "",
  contentIntensity: "",
  body: "",
  visibility: "PRIVATE",
};

export const FIELD_IDS: Record<keyof ResourceFormValues, string> = {
  title: "resource-title",
  summary: "resource-summary",
  kind: "resource-kind",
  url: "resource-url",
  audience: "resource-audience",
  tags: "resource-tags",
  contentNote: "resource-content-note",
  contentIntensity: "resource-intensity",
  body: "resource-body",
  visibility: "resource-visibility",
};

function toInput(values: ResourceFormValues) {
  return {
    ...values,
    url: KINDS_WITH_URL.includes(values.kind) ? values.url : "",
    contentIntensity: values.contentIntensity || null,
  };
}

/** Create or edit a resource: field-level messages, a summary of problems, and a live preview. */
export function ResourceForm(props: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState<ResourceFormValues>(props.mode === "edit" ? props.resource : EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set = <K extends keyof ResourceFormValues>(key: K, value: ResourceFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));

  const done = async (slug: string, message: string) => {
    await queryClient.invalidateQueries(trpc.library.pathFilter());
    toast.show(message, { tone: "success" });
    router.push(`/therapist/library/${slug}`);
    router.refresh();
  };
  const create = useMutation(trpc.library.create.mutationOptions());
  const update = useMutation(trpc.library.update.mutationOptions());

  function showServerError(error: unknown) {
    const mapped = fieldErrorsOf(error);
    setErrors(mapped);
    setFormError(Object.keys(mapped).length ? null : (error as Error).message);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  function validate(): boolean {
    const result = resourceFormSchema.safeParse(toInput(values));
    if (result.success) {
      setErrors({});
      return true;
    }
    const found: FieldErrors = {};
    for (const issue of result.error.issues) {
      const key = String(issue.path[0] ?? "form");
      found[key] ??= issue.message;
    }
    setErrors(found);
    setFormError(null);
    requestAnimationFrame(() => summaryRef.current?.focus());
    return false;
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const publish = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "publish";
    if (!validate()) return;
    const input = toInput(values);
    try {
      if (props.mode === "create") {
        const created = await create.mutateAsync({ ...input, publish });
        await done(created.slug, publish ? "Published. It's in the library now." : "Saved as a draft. Only you can see it.");
      } else {
        const saved = await update.mutateAsync({ ...input, id: props.resource.id, version: props.resource.version });
        await done(saved.slug, "Changes saved.");
      }
    } catch (error) {
      showServerError(error);
    }
  }

  const busy = create.isPending || update.isPending;
  const needsUrl = KINDS_WITH_URL.includes(values.kind);

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <FormErrorSummary ref={summaryRef} errors={errors} formError={formError} fieldIds={FIELD_IDS} />

      <Field id={FIELD_IDS.title} label="Title" error={errors.title}>
        {(p) => <Input {...p} value={values.title} maxLength={200} onChange={(e) => set("title", e.currentTarget.value)} />}
      </Field>
      <Field id={FIELD_IDS.summary} label="Summary" hint="One or two sentences: what it offers and who it suits." error={errors.summary}>
        {(p) => <Textarea {...p} rows={3} value={values.summary} maxLength={600} onChange={(e) => set("summary", e.currentTarget.value)} />}
      </Field>
      <div className="grid gap-6 sm:grid-cols-2">
        <Field id={FIELD_IDS.kind} label="Kind" error={errors.kind}>
          {(p) => (
            <Select {...p} value={values.kind} onChange={(e) => set("kind", e.currentTarget.value as ResourceKindName)}>
              {RESOURCE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field id={FIELD_IDS.audience} label="Written for" error={errors.audience}>
          {(p) => (
            <Select {...p} value={values.audience} onChange={(e) => set("audience", e.currentTarget.value as AudienceName)}>
              {AUDIENCES.map((a) => (
                <option key={a} value={a}>
                  {AUDIENCE_LABELS[a]}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </div>
      {needsUrl ? (
        <Field id={FIELD_IDS.url} label="Web address" hint="Starts with https:// (or http://)." error={errors.url}>
          {(p) => <Input {...p} type="url" inputMode="url" value={values.url} maxLength={2000} onChange={(e) => set("url", e.currentTarget.value)} />}
        </Field>
      ) : null}
      <TagPicker id={FIELD_IDS.tags} value={values.tags} onChange={(tags) => set("tags", tags)} known={props.knownTags} error={errors.tags} />

      <fieldset className="flex flex-col gap-4 rounded-xl border border-border-subtle p-4">
        <legend className="px-1 font-medium">Content note</legend>
        <Field
          id={FIELD_IDS.contentNote}
          label="What might be hard to read?"
          optional
          hint="Clients see this before the reading opens and can choose to read now, later, or skip."
          error={errors.contentNote}
        >
          {(p) => <Textarea {...p} rows={2} value={values.contentNote} maxLength={500} onChange={(e) => set("contentNote", e.currentTarget.value)} />}
        </Field>
        <Field id={FIELD_IDS.contentIntensity} label="How intense is it?" error={errors.contentIntensity}>
          {(p) => (
            <Select {...p} value={values.contentIntensity} onChange={(e) => set("contentIntensity", e.currentTarget.value as IntensityName | "")}>
              <option value="">No content note</option>
              {INTENSITIES.map((i) => (
                <option key={i} value={i}>
                  {i.charAt(0) + i.slice(1).toLowerCase()}
                </option>
              ))}
            </Select>
          )}
        </Field>
      </fieldset>

      <MarkdownEditor id={FIELD_IDS.body} value={values.body} onChange={(body) => set("body", body)} error={errors.body} />

      <RadioGroup
        legend="Who can see it"
        name="visibility"
        value={values.visibility}
        onValueChange={(v) => set("visibility", v as ResourceFormValues["visibility"])}
        error={errors.visibility}
        options={[
          { value: "PRIVATE", label: "Only me (private)", hint: "No other therapist can find or open it." },
          { value: "SHARED", label: "Every therapist in this Haven (shared)", hint: "Colleagues see it once it is published." },
        ]}
      />

      <div className="flex flex-wrap gap-3 border-t border-border-subtle pt-4">
        {props.mode === "create" ? (
          <>
            <Button type="submit" name="intent" value="publish" loading={busy}>
              Publish
            </Button>
            <Button type="submit" name="intent" value="draft" variant="secondary" disabled={busy}>
              Save as draft
            </Button>
          </>
        ) : (
          <Button type="submit" loading={busy}>
            Save changes
          </Button>
        )}
      </div>
    </form>
  );
}
