"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/Button";
import { Input } from "@/components/ui/Input";
import { Field } from "@/components/ui/Field";

type Props = {
  id: string;
  value: string[];
  onChange: (tags: string[]) => void;
  /** Existing tag names, offered as suggestions. */
  known: string[];
  error?: string;
};

/** Pick an existing tag (suggestions) or type a new one; chosen tags can be removed one by one. */
export function TagPicker({ id, value, onChange, known, error }: Props) {
  const [draft, setDraft] = useState("");
  const listId = `${useId()}-tags`;

  function add() {
    const name = draft.trim().replace(/\s+/g, " ");
    if (!name) return;
    // Reuse the existing spelling of a known tag ("grounding" → "Grounding").
    const existing = known.find((k) => k.toLowerCase() === name.toLowerCase());
    const tag = existing ?? name;
    if (!value.some((v) => v.toLowerCase() === tag.toLowerCase())) onChange([...value, tag]);
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      event.preventDefault();
      add();
    }
  }

  return (
    <Field
      id={id}
      label="Tags"
      optional
      hint="Choose from the suggestions or type a new tag, then press Enter or “Add tag”. Up to 12."
      error={error}
    >
      {(control) => (
        <>
          <div className="flex gap-2">
            <Input
              {...control}
              list={listId}
              value={draft}
              maxLength={40}
              onChange={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={onKeyDown}
            />
            <Button variant="secondary" onClick={add}>
              Add tag
            </Button>
          </div>
          <datalist id={listId}>
            {known
              .filter((k) => !value.includes(k))
              .map((k) => (
                <option key={k} value={k} />
              ))}
          </datalist>
          {value.length ? (
            <ul aria-label="Chosen tags" className="flex flex-wrap gap-2 pt-1">
              {value.map((tag) => (
                <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-accent-tint py-0.5 pl-3 pr-1 text-sm text-ink">
                  {tag}
                  <button
                    type="button"
                    onClick={() => onChange(value.filter((v) => v !== tag))}
                    className="inline-flex min-h-7 min-w-7 items-center justify-center rounded-full hover:bg-surface-muted"
                    aria-label={`Remove tag ${tag}`}
                  >
                    <span aria-hidden="true">×</span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </>
      )}
    </Field>
  );
}
