"use client";

import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { Select } from "@/components/ui/Select";
import { Textarea } from "@/components/ui/Textarea";
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  INTENSITIES,
  KIND_LABELS,
  KINDS_WITH_URL,
  RESOURCE_KINDS,
  type AudienceName,
  type IntensityName,
  type ResourceKindName,
} from "@/server/schemas/library";
import type { FieldErrors } from "../FormErrorSummary";
import { FIELD_IDS, type ResourceFormValues, type SetField } from "./use-resource-form";

interface PartProps {
  values: ResourceFormValues;
  set: SetField;
  errors: FieldErrors;
}

/** Title, summary, kind, audience, and the web address for kinds that link out. */
export function ResourceBasicsFields({ values, set, errors }: PartProps) {
  return (
    <>
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
      {KINDS_WITH_URL.includes(values.kind) ? (
        <Field id={FIELD_IDS.url} label="Web address" hint="Starts with https:// (or http://)." error={errors.url}>
          {(p) => <Input {...p} type="url" inputMode="url" value={values.url} maxLength={2000} onChange={(e) => set("url", e.currentTarget.value)} />}
        </Field>
      ) : null}
    </>
  );
}

/** What might be hard to read, and how intense it is. */
export function ContentNoteFields({ values, set, errors }: PartProps) {
  return (
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
  );
}

/** Private to its author, or shared with every therapist. */
export function VisibilityField({ values, set, errors }: PartProps) {
  return (
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
  );
}

/** Publish or save a draft (new resources); save changes (existing ones). */
export function ResourceFormActions({ mode, busy }: { mode: "create" | "edit"; busy: boolean }) {
  return (
    <div className="flex flex-wrap gap-3 border-t border-border-subtle pt-4">
      {mode === "create" ? (
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
  );
}
