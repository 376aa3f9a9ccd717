"use client";
import { useId, useState, useSyncExternalStore } from "react";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { Textarea } from "@/components/ui/Textarea";
import { hintClasses } from "@/components/ui/field-styles";
import { answerText, parsePrompt, PROMPT_LIMITS, type AnswerValue, type Prompt } from "@/server/schemas/worksheet-prompts";
import { useWorksheet, type SaveStatus } from "./worksheet-context";

const noSubscribe = () => () => {};
/** false on the server and during hydration, true once scripts run: fields only where they work. */
function useScriptsRunning(): boolean {
  return useSyncExternalStore(noSubscribe, () => true, () => false);
}

const STATUS_TEXT: Record<SaveStatus, string> = {
  idle: "",
  unsaved: "Not saved yet",
  saving: "Saving…",
  saved: "Saved",
  retrying: "Not saved yet — trying again",
  failed: "",
};

/**
 * One ```prompt block. Plain text for print and before scripts run; accessible form fields
 * otherwise. In a reading the answers autosave (WorksheetContext); elsewhere (library, editor
 * preview) the fields work but nothing is kept.
 */
export function PromptField({ source }: { source: string }) {
  const parsed = parsePrompt(source);
  const worksheet = useWorksheet();
  const running = useScriptsRunning();
  if (!parsed.ok) {
    // Only authors see why (the editor preview and the library); readers see nothing.
    if (worksheet) return null;
    return (
      <div role="note" className="not-prose my-4 rounded-lg border border-warning bg-surface-muted p-3 text-sm">
        <p className="font-medium">This question can&rsquo;t be shown yet:</p>
        <ul className="list-disc pl-5">
          {parsed.errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      </div>
    );
  }
  const { prompt } = parsed;
  const stored = worksheet?.value(prompt.id);
  if (!running) return <PlainPrompt prompt={prompt} value={stored ?? null} />;
  return (
    <>
      <div className="not-prose my-6 print:hidden" data-prompt={prompt.id}>
        <PromptControls prompt={prompt} />
      </div>
      <div className="hidden print:block">
        <PlainPrompt prompt={prompt} value={stored ?? null} />
      </div>
    </>
  );
}

/** The question as text (and the answer, if any): print, and readers without JavaScript. */
function PlainPrompt({ prompt, value }: { prompt: Prompt; value: AnswerValue }) {
  const answer = value === null ? "" : answerText(prompt, value);
  return (
    <div className="my-4 border-l-4 border-border-subtle pl-3" data-prompt-text={prompt.id}>
      <p className="font-medium">{prompt.label}</p>
      {prompt.hint ? <p className="text-sm text-muted">{prompt.hint}</p> : null}
      {prompt.type === "single" || prompt.type === "multiple" ? (
        <ul>
          {prompt.options.map((option) => (
            <li key={option}>{option}</li>
          ))}
        </ul>
      ) : null}
      {prompt.type === "scale" ? (
        <p className="text-sm">
          From {prompt.min}
          {prompt.minLabel ? ` (${prompt.minLabel})` : ""} to {prompt.max}
          {prompt.maxLabel ? ` (${prompt.maxLabel})` : ""}.
        </p>
      ) : null}
      {answer ? <p className="whitespace-pre-line">Your answer: {answer}</p> : <p className="text-sm text-muted">Space for your answer.</p>}
    </div>
  );
}

export function PromptControls({ prompt }: { prompt: Prompt }) {
  const worksheet = useWorksheet();
  // Outside a reading the fields keep their value only while the page is open.
  const [local, setLocal] = useState<AnswerValue>(null);
  const value = worksheet ? (worksheet.value(prompt.id) ?? null) : local;
  const change = (next: AnswerValue) => (worksheet ? worksheet.change(prompt, next) : setLocal(next));
  const flush = () => worksheet?.flush(prompt.id);
  const status = worksheet?.status(prompt.id);
  const answeredWith = worksheet?.answeredWith(prompt.id);
  const statusId = useId();
  const changedSince = answeredWith && answeredWith.label !== prompt.label ? answeredWith.label : null;

  const hint = [prompt.hint, prompt.type === "scale" ? scaleHint(prompt) : null].filter(Boolean).join(" ");
  const control = (() => {
    switch (prompt.type) {
      case "text":
        return (
          <Field label={prompt.label} hint={hint || undefined} optional>
            {(p) => (
              <Textarea
                {...p}
                rows={prompt.rows}
                maxLength={PROMPT_LIMITS.text}
                value={typeof value === "string" ? value : ""}
                onChange={(e) => change(e.currentTarget.value)}
                onBlur={flush}
              />
            )}
          </Field>
        );
      case "scale": {
        const options = [];
        for (let n = prompt.min; n <= prompt.max; n++) options.push({ value: String(n), label: String(n) });
        return (
          <div className="flex flex-col gap-1">
            <RadioGroup
              legend={prompt.label}
              hint={hint || undefined}
              name={`prompt-${prompt.id}`}
              options={options}
              value={typeof value === "number" ? String(value) : ""}
              onValueChange={(next) => change(Number(next))}
              layout="row"
              className="[&>div]:flex-row [&>div]:flex-wrap [&>div]:gap-x-4"
            />
            <p className="text-sm" aria-live="polite">
              {typeof value === "number" ? `You chose ${value} of ${prompt.max}.` : "Nothing chosen yet."}
            </p>
          </div>
        );
      }
      case "single":
        return (
          <RadioGroup
            legend={prompt.label}
            hint={hint || undefined}
            name={`prompt-${prompt.id}`}
            options={prompt.options.map((option) => ({ value: option, label: option }))}
            value={typeof value === "string" ? value : ""}
            onValueChange={change}
          />
        );
      case "multiple": {
        const chosen = Array.isArray(value) ? value : [];
        return (
          <fieldset className="flex flex-col gap-1">
            <legend className="mb-1.5 font-medium text-ink">{prompt.label}</legend>
            {hint ? <span className={hintClasses}>{hint} </span> : null}
            {prompt.options.map((option) => (
              <Checkbox
                key={option}
                label={option}
                checked={chosen.includes(option)}
                onChange={(e) => {
                  const checked = e.currentTarget.checked;
                  change(prompt.options.filter((o) => (o === option ? checked : chosen.includes(o))));
                }}
              />
            ))}
          </fieldset>
        );
      }
      case "list": {
        const lines = Array.isArray(value) ? value : [];
        return (
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1.5 font-medium text-ink">{prompt.label}</legend>
            {hint ? <span className={hintClasses}>{hint}</span> : null}
            <ol className="flex list-decimal flex-col gap-2 pl-6">
              {Array.from({ length: prompt.items }, (_, index) => (
                <li key={index}>
                  <Input
                    aria-label={`${prompt.label} — ${index + 1} of ${prompt.items}`}
                    maxLength={PROMPT_LIMITS.listItem}
                    value={lines[index] ?? ""}
                    onChange={(e) => {
                      const next = Array.from({ length: prompt.items }, (_, i) => (i === index ? e.currentTarget.value : (lines[i] ?? "")));
                      // Trailing empty lines are not kept.
                      while (next.length && !next[next.length - 1]) next.pop();
                      change(next.length ? next : null);
                    }}
                    onBlur={flush}
                  />
                </li>
              ))}
            </ol>
          </fieldset>
        );
      }
    }
  })();

  return (
    <div className="flex flex-col gap-2 rounded-xl border border-border-subtle bg-surface p-4">
      {control}
      {changedSince ? (
        <p className="text-sm text-muted">
          When you answered, this question read: &ldquo;{changedSince}&rdquo;.
        </p>
      ) : null}
      {status ? (
        <p id={statusId} className="min-h-5 text-sm text-muted" aria-live="polite" data-save-status={status.state}>
          {status.state === "failed" ? status.message : STATUS_TEXT[status.state]}
        </p>
      ) : (
        <p className="text-sm text-muted">A preview: answers here are not saved.</p>
      )}
    </div>
  );
}

function scaleHint(prompt: Extract<Prompt, { type: "scale" }>): string {
  const ends = [prompt.minLabel ? `${prompt.min} means ${prompt.minLabel}` : null, prompt.maxLabel ? `${prompt.max} means ${prompt.maxLabel}` : null].filter(Boolean);
  return ends.length ? `${ends.join(", ")}.` : "";
}
