"use client";

import { FormErrorSummary } from "../FormErrorSummary";
import { MarkdownEditor } from "../MarkdownEditor";
import { TagPicker } from "../TagPicker";
import { ContentNoteFields, ResourceBasicsFields, ResourceFormActions, VisibilityField } from "./ResourceFormParts";
import { FIELD_IDS, useResourceForm, type ResourceFormProps } from "./use-resource-form";

/** Create or edit a resource: field-level messages, a summary of problems, and a live preview. */
export function ResourceForm(props: ResourceFormProps) {
  const { values, set, errors, formError, summaryRef, submit, busy } = useResourceForm(props);
  const parts = { values, set, errors };

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      <FormErrorSummary ref={summaryRef} errors={errors} formError={formError} fieldIds={FIELD_IDS} />
      <ResourceBasicsFields {...parts} />
      <TagPicker id={FIELD_IDS.tags} value={values.tags} onChange={(tags) => set("tags", tags)} known={props.knownTags} error={errors.tags} />
      <ContentNoteFields {...parts} />
      <MarkdownEditor id={FIELD_IDS.body} value={values.body} onChange={(body) => set("body", body)} error={errors.body} />
      <VisibilityField {...parts} />
      <ResourceFormActions mode={props.mode} busy={busy} />
    </form>
  );
}
