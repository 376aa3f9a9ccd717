"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useRef, useState, type FormEvent } from "react";
import { useTRPC } from "@/server/trpc/react";
import { useToast } from "@/components/ui/ToastProvider";
import { fieldErrorsOf } from "@/components/forms/field-errors";
import { KINDS_WITH_URL, resourceFormSchema, type AudienceName, type IntensityName, type ResourceKindName } from "@/server/schemas/library";
import type { FieldErrors } from "../FormErrorSummary";

/** What the editor holds while someone types (strings, "" for "none"). */
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

export type ResourceFormProps =
  | { mode: "create"; knownTags: string[] }
  | { mode: "edit"; knownTags: string[]; resource: ResourceFormValues & { id: string; version: number; slug: string } };

/** Sets one field of the form. */
export type SetField = <K extends keyof ResourceFormValues>(key: K, value: ResourceFormValues[K]) => void;

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

/** The editor's state, its checks (the same schema as the server's) and saving. */
export function useResourceForm(props: ResourceFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const toast = useToast();
  const [values, setValues] = useState<ResourceFormValues>(props.mode === "edit" ? props.resource : EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const set: SetField = (key, value) => setValues((v) => ({ ...v, [key]: value }));

  const create = useMutation(trpc.library.create.mutationOptions());
  const update = useMutation(trpc.library.update.mutationOptions());

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const done = async (slug: string, message: string) => {
    await queryClient.invalidateQueries(trpc.library.pathFilter());
    toast.show(message, { tone: "success" });
    router.push(`/therapist/library/${slug}`);
    router.refresh();
  };

  function showServerError(error: unknown) {
    const mapped = fieldErrorsOf(error);
    setErrors(mapped);
    setFormError(Object.keys(mapped).length ? null : (error as Error).message);
    focusSummary();
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
    focusSummary();
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

  return { values, set, errors, formError, summaryRef, submit, busy: create.isPending || update.isPending };
}
