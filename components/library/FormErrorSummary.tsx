import type { Ref } from "react";

export type FieldErrors = Partial<Record<string, string>>;

const LABELS: Record<string, string> = {
  title: "Title",
  summary: "Summary",
  kind: "Kind",
  url: "Web address",
  audience: "Written for",
  tags: "Tags",
  contentNote: "Content note",
  contentIntensity: "How intense is it?",
  body: "Body",
  visibility: "Who can see it",
};

/**
 * Shown above a form after a failed submit: a focusable alert listing each problem with a link to
 * its field, so keyboard and screen-reader users can go straight to what needs fixing.
 */
export function FormErrorSummary({ errors, formError, fieldIds, ref }: {
  errors: FieldErrors;
  formError: string | null;
  fieldIds: Record<string, string>;
  ref?: Ref<HTMLDivElement>;
}) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => Boolean(e[1]));
  if (!entries.length && !formError) return <div ref={ref} tabIndex={-1} />;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="flex flex-col gap-2 rounded-xl border-l-4 border-danger bg-danger-tint p-4 text-ink focus:outline-none">
      <p className="font-semibold">{entries.length ? "Some details need another look" : "That didn't save"}</p>
      {formError ? <p>{formError}</p> : null}
      {entries.length ? (
        <ul className="list-disc pl-5">
          {entries.map(([field, message]) => (
            <li key={field}>
              {fieldIds[field] ? (
                <a href={`#${fieldIds[field]}`} className="underline underline-offset-4">
                  {LABELS[field] ?? field}: {message}
                </a>
              ) : (
                <span>{message}</span>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
