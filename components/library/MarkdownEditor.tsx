"use client";

import { useDeferredValue } from "react";
import { MarkdownBody } from "@/components/content/MarkdownBody";
import { Field } from "@/components/ui/Field";
import { Textarea } from "@/components/ui/Textarea";
import { readingMinutes } from "@/server/schemas/library-text";

/** The body in Markdown beside a live preview rendered by the same sanitizer readers get. */
export function MarkdownEditor({ id, value, onChange, error }: { id: string; value: string; onChange: (body: string) => void; error?: string }) {
  // The preview may lag a keystroke behind on long texts; typing never waits for it.
  const preview = useDeferredValue(value);
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Field
        id={id}
        label="Body"
        hint="Markdown: ## for headings, - for lists, [words](https://…) for links, > for quotes, and tables. HTML is never shown to readers."
        error={error}
      >
        {(p) => (
          <Textarea {...p} rows={18} value={value} maxLength={100_000} className="font-mono text-sm" onChange={(e) => onChange(e.currentTarget.value)} />
        )}
      </Field>
      <section aria-labelledby={`${id}-preview-heading`} className="flex min-w-0 flex-col gap-2">
        <div className="flex items-baseline justify-between gap-2">
          <h2 id={`${id}-preview-heading`} className="font-medium">
            Preview
          </h2>
          <span className="text-sm text-muted">About {readingMinutes(preview)} min read</span>
        </div>
        {/* A scrollable region must be reachable by keyboard (WCAG 2.1.1). */}
        {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex */}
        <div tabIndex={0} role="region" aria-labelledby={`${id}-preview-heading`} className="max-h-[36rem] min-h-48 overflow-y-auto rounded-xl border border-border-subtle bg-surface p-4">
          {preview.trim() ? <MarkdownBody source={preview} /> : <p className="text-muted">The preview appears here as you write.</p>}
        </div>
      </section>
    </div>
  );
}
