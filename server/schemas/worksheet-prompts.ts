// Worksheet prompts: the one parser shared by the reading view, the editor preview, the library
// importer, the editor's save and the answer service. Pure (no Node, no React): runs anywhere.
//
// A prompt is a fenced code block whose info string is `prompt`, at the start of a line:
//
//   ```prompt
//   id: needs-as-a-child
//   type: text
//   label: What did I need as a child that I didn't always get?
//   hint: A few words are enough.
//   ```
//
// Keys (one per line, `key: value`): id, type, label, hint, and by type
//   text      – free text (optional `rows: 2-12`)
//   scale     – a whole number; `min` and `max` between 0 and 10 (default 0 and 10),
//               optional `minLabel` and `maxLabel`
//   single    – one choice; `options:` followed by 2-12 lines `- an option`
//   multiple  – any number of choices; `options:` as for single
//   list      – a short list; `items: 1-10` (default 5) lines of up to 300 characters
// The documented syntax: README.md, "Worksheet prompts (syntax)".

import { z } from "zod";
import { text } from "./text";

export const PROMPT_TYPES = ["text", "scale", "single", "multiple", "list"] as const;
export type PromptType = (typeof PROMPT_TYPES)[number];

export const PROMPT_LIMITS = {
  id: 40,
  label: 300,
  hint: 300,
  option: 120,
  minOptions: 2,
  maxOptions: 12,
  scaleLabel: 60,
  maxListItems: 10,
  listItem: 300,
  text: 4000,
  promptsPerResource: 40,
  blockChars: 4000,
} as const;

const ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const KEYS = new Set(["id", "type", "label", "hint", "rows", "min", "max", "minLabel", "maxLabel", "options", "items"]);

export type Prompt =
  | { id: string; type: "text"; label: string; hint: string | null; rows: number }
  | { id: string; type: "scale"; label: string; hint: string | null; min: number; max: number; minLabel: string | null; maxLabel: string | null }
  | { id: string; type: "single" | "multiple"; label: string; hint: string | null; options: string[] }
  | { id: string; type: "list"; label: string; hint: string | null; items: number };

export type PromptParse = { ok: true; prompt: Prompt } | { ok: false; id: string | null; errors: string[] };

const intInRange = (raw: string | undefined, fallback: number, min: number, max: number, name: string, errors: string[]): number => {
  if (raw === undefined || raw === "") return fallback;
  if (!/^-?\d+$/.test(raw)) {
    errors.push(`${name} must be a whole number`);
    return fallback;
  }
  const value = Number(raw);
  if (value < min || value > max) errors.push(`${name} must be between ${min} and ${max}`);
  return value;
};

/** Parses the text inside one ```prompt block. Never throws. */
export function parsePrompt(source: string): PromptParse {
  const errors: string[] = [];
  const fields = new Map<string, string>();
  const options: string[] = [];
  let inOptions = false;
  if (source.length > PROMPT_LIMITS.blockChars) return { ok: false, id: null, errors: [`is too long (over ${PROMPT_LIMITS.blockChars} characters)`] };
  for (const rawLine of source.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith("#")) continue;
    const item = /^-\s*(.*)$/.exec(line);
    if (item) {
      if (!inOptions) {
        errors.push(`"${truncate(line)}" is a list line outside options:`);
        continue;
      }
      const option = (item[1] ?? "").trim();
      if (!option) errors.push("an option is empty");
      else if (option.length > PROMPT_LIMITS.option) errors.push(`option "${truncate(option)}" is longer than ${PROMPT_LIMITS.option} characters`);
      else options.push(option);
      continue;
    }
    const pair = /^([A-Za-z]+)\s*:\s*(.*)$/.exec(line);
    if (!pair) {
      errors.push(`"${truncate(line)}" is not a "key: value" line`);
      continue;
    }
    const key = pair[1] ?? "";
    const value = pair[2] ?? "";
    if (!KEYS.has(key)) {
      errors.push(`unknown key "${truncate(key)}"`);
      continue;
    }
    if (fields.has(key)) errors.push(`${key} is given twice`);
    fields.set(key, value.trim());
    inOptions = key === "options";
    if (inOptions && value.trim()) errors.push("options: put each option on its own line starting with -");
  }

  const id = fields.get("id") ?? "";
  if (!id) errors.push("id is missing");
  else if (!ID_PATTERN.test(id)) errors.push(`id "${truncate(id)}" must be 1-${PROMPT_LIMITS.id} lower-case letters, digits or dashes`);
  const label = fields.get("label") ?? "";
  if (!label) errors.push("label is missing");
  else if (label.length > PROMPT_LIMITS.label) errors.push(`label is longer than ${PROMPT_LIMITS.label} characters`);
  const hint = fields.get("hint") || null;
  if (hint && hint.length > PROMPT_LIMITS.hint) errors.push(`hint is longer than ${PROMPT_LIMITS.hint} characters`);
  const type = fields.get("type") ?? "";
  const reportId = id && ID_PATTERN.test(id) ? id : null;
  if (!type) errors.push(`type is missing (one of ${PROMPT_TYPES.join(", ")})`);
  else if (!(PROMPT_TYPES as readonly string[]).includes(type)) errors.push(`unknown type "${truncate(type)}" (use ${PROMPT_TYPES.join(", ")})`);

  const notFor = (keys: string[]) => {
    for (const key of keys) if (fields.has(key)) errors.push(`${key} does not apply to type ${type}`);
  };
  const base = { id, label, hint };
  let prompt: Prompt | null = null;
  switch (type as PromptType) {
    case "text": {
      notFor(["min", "max", "minLabel", "maxLabel", "options", "items"]);
      prompt = { ...base, type: "text", rows: intInRange(fields.get("rows"), 4, 2, 12, "rows", errors) };
      break;
    }
    case "scale": {
      notFor(["rows", "options", "items"]);
      const min = intInRange(fields.get("min"), 0, 0, 10, "min", errors);
      const max = intInRange(fields.get("max"), 10, 0, 10, "max", errors);
      if (min >= max) errors.push("min must be smaller than max");
      const minLabel = fields.get("minLabel") || null;
      const maxLabel = fields.get("maxLabel") || null;
      for (const [name, value] of [["minLabel", minLabel], ["maxLabel", maxLabel]] as const) {
        if (value && value.length > PROMPT_LIMITS.scaleLabel) errors.push(`${name} is longer than ${PROMPT_LIMITS.scaleLabel} characters`);
      }
      prompt = { ...base, type: "scale", min, max, minLabel, maxLabel };
      break;
    }
    case "single":
    case "multiple": {
      notFor(["rows", "min", "max", "minLabel", "maxLabel", "items"]);
      if (!fields.has("options")) errors.push("options are missing (options: then one - option per line)");
      else if (options.length < PROMPT_LIMITS.minOptions || options.length > PROMPT_LIMITS.maxOptions) {
        errors.push(`needs ${PROMPT_LIMITS.minOptions} to ${PROMPT_LIMITS.maxOptions} options (has ${options.length})`);
      }
      const seen = new Set<string>();
      for (const option of options) {
        if (seen.has(option.toLowerCase())) errors.push(`option "${truncate(option)}" is listed twice`);
        seen.add(option.toLowerCase());
      }
      prompt = { ...base, type: type as "single" | "multiple", options };
      break;
    }
    case "list": {
      notFor(["rows", "min", "max", "minLabel", "maxLabel", "options"]);
      prompt = { ...base, type: "list", items: intInRange(fields.get("items"), 5, 1, PROMPT_LIMITS.maxListItems, "items", errors) };
      break;
    }
  }
  if (errors.length || !prompt) return { ok: false, id: reportId, errors };
  return { ok: true, prompt };
}

function truncate(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

export type PromptBlock = { source: string; line: number };

/**
 * The ```prompt (or ~~~prompt) blocks of a Markdown body, in order. Follows CommonMark fences at
 * the start of a line (up to three spaces): other code blocks are skipped whole, so a prompt
 * shown inside a ```markdown example is not a prompt.
 */
export function findPromptBlocks(markdown: string): PromptBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: PromptBlock[] = [];
  let open: { char: string; length: number; prompt: boolean; start: number; body: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (!open) {
      const fence = /^ {0,3}(`{3,}|~{3,})(.*)$/.exec(line);
      // A backtick fence's info string may not contain a backtick (then it is inline code).
      const marker = fence?.[1] ?? "";
      const rest = fence?.[2] ?? "";
      if (!fence || (marker.startsWith("`") && rest.includes("`"))) continue;
      const info = (rest.trim().split(/\s+/)[0] ?? "").toLowerCase();
      open = { char: marker.charAt(0), length: marker.length, prompt: info === "prompt", start: i + 1, body: [] };
      continue;
    }
    const close = new RegExp(`^ {0,3}\\${open.char}{${open.length},}\\s*$`).exec(line);
    if (close) {
      if (open.prompt) blocks.push({ source: open.body.join("\n"), line: open.start });
      open = null;
    } else {
      open.body.push(line);
    }
  }
  // An unclosed fence runs to the end of the document (CommonMark).
  if (open?.prompt) blocks.push({ source: open.body.join("\n"), line: open.start });
  return blocks;
}

export type PromptError = { id: string | null; line: number; message: string };

/** Every prompt of a body, and every problem as "prompt <id>: message" material. */
export function extractPrompts(markdown: string): { prompts: Prompt[]; errors: PromptError[] } {
  const prompts: Prompt[] = [];
  const errors: PromptError[] = [];
  const seen = new Set<string>();
  const blocks = findPromptBlocks(markdown);
  if (blocks.length > PROMPT_LIMITS.promptsPerResource) {
    errors.push({ id: null, line: blocks[PROMPT_LIMITS.promptsPerResource]?.line ?? 0, message: `at most ${PROMPT_LIMITS.promptsPerResource} prompts per resource` });
  }
  for (const block of blocks.slice(0, PROMPT_LIMITS.promptsPerResource)) {
    const parsed = parsePrompt(block.source);
    if (!parsed.ok) {
      for (const message of parsed.errors) errors.push({ id: parsed.id, line: block.line, message });
      continue;
    }
    if (seen.has(parsed.prompt.id)) {
      errors.push({ id: parsed.prompt.id, line: block.line, message: "this id is used by another prompt; give each prompt its own id" });
      continue;
    }
    seen.add(parsed.prompt.id);
    prompts.push(parsed.prompt);
  }
  return { prompts, errors };
}

/** "prompt feelings: label is missing" / "prompt at line 12: id is missing". */
export function describePromptError(error: PromptError): string {
  return `prompt ${error.id ?? `at line ${error.line}`}: ${error.message}`;
}

// ---- Answers ---------------------------------------------------------------------------------

/** The shape any answer may take on the wire, bounded before a prompt is even looked up. */
export const answerValue = z.union([
  text().max(PROMPT_LIMITS.text, `Keep an answer under ${PROMPT_LIMITS.text} characters`),
  z.number().int().min(0).max(10),
  z.array(text().max(PROMPT_LIMITS.listItem, `Keep each line under ${PROMPT_LIMITS.listItem} characters`)).max(PROMPT_LIMITS.maxOptions),
  z.null(),
]);
export type AnswerValue = z.infer<typeof answerValue>;

/**
 * Checks an answer against its prompt and normalises it (trimmed, empty → null). Returns the
 * value to store or an error message. null means "no answer" (cleared).
 */
export function validateAnswer(prompt: Prompt, value: AnswerValue): { ok: true; value: AnswerValue } | { ok: false; message: string } {
  if (value === null) return { ok: true, value: null };
  switch (prompt.type) {
    case "text": {
      if (typeof value !== "string") return { ok: false, message: "This answer should be text." };
      const text = value.replace(/\r\n/g, "\n");
      return { ok: true, value: text.trim() ? text : null };
    }
    case "scale": {
      if (typeof value !== "number" || !Number.isInteger(value)) return { ok: false, message: "Choose a number on the scale." };
      if (value < prompt.min || value > prompt.max) return { ok: false, message: `Choose a number from ${prompt.min} to ${prompt.max}.` };
      return { ok: true, value };
    }
    case "single": {
      if (typeof value !== "string") return { ok: false, message: "Choose one of the options." };
      if (!value) return { ok: true, value: null };
      if (!prompt.options.includes(value)) return { ok: false, message: "Choose one of the options shown." };
      return { ok: true, value };
    }
    case "multiple": {
      if (!Array.isArray(value)) return { ok: false, message: "Choose from the options." };
      if (new Set(value).size !== value.length || value.some((option) => !prompt.options.includes(option))) {
        return { ok: false, message: "Choose from the options shown." };
      }
      // Stored in the prompt's own order, so the same choice is always the same value.
      const chosen = prompt.options.filter((option) => value.includes(option));
      return { ok: true, value: chosen.length ? chosen : null };
    }
    case "list": {
      if (!Array.isArray(value)) return { ok: false, message: "This answer should be a list." };
      if (value.length > prompt.items) return { ok: false, message: `Up to ${prompt.items} lines.` };
      const lines = value.map((line) => line.replace(/\s+/g, " ").trim());
      return { ok: true, value: lines.some(Boolean) ? lines : null };
    }
  }
}

/** An answer as plain text (print, CSV, the therapist's view). */
export function answerText(prompt: Prompt, value: AnswerValue): string {
  if (value === null) return "";
  if (prompt.type === "scale" && typeof value === "number") return `${value} (from ${prompt.min} to ${prompt.max})`;
  if (Array.isArray(value)) return value.filter(Boolean).join("; ");
  return String(value);
}

/** The stored definition read back (older rows, hand edits): null if it no longer parses. */
export const storedPrompt = z.custom<Prompt>((raw) => {
  if (!raw || typeof raw !== "object") return false;
  const candidate = raw as { id?: unknown; type?: unknown; label?: unknown };
  return typeof candidate.id === "string" && typeof candidate.label === "string" && (PROMPT_TYPES as readonly unknown[]).includes(candidate.type);
});

/** A canonical string of a prompt (stable key order): the same wording always gives the same text. */
export function canonicalPrompt(prompt: Prompt): string {
  const entries = Object.entries(prompt).sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(Object.fromEntries(entries));
}
