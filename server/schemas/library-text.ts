// Pure text helpers for the library, shared by the server (importer, routers) and the browser
// (editor preview, search highlighting). No I/O here.

/** Words people read: letters and digits, with inner apostrophes ("don't") counted once. */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Counts the words a reader meets in Markdown: link targets and syntax are not words. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/```[^\n]*\n/g, " ")
    .replace(/\]\([^)]*\)/g, "] ")
    .replace(/<https?:[^>]+>/g, " ");
  return text.match(WORD)?.length ?? 0;
}

export const WORDS_PER_MINUTE = 200;

/** Reading time at about 200 words a minute, never less than one minute. */
export function readingMinutes(markdown: string): number {
  return Math.max(1, Math.round(countWords(markdown) / WORDS_PER_MINUTE));
}

export const SLUG_MAX = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Slugs that would collide with library pages (/therapist/library/new). */
export const RESERVED_SLUGS: readonly string[] = ["new"];

/** "Self-compassion & you!" → "self-compassion-you". Never empty: falls back to `fallback`. */
export function slugify(text: string, fallback = "resource"): string {
  const base = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (!base) return fallback;
  if (base.length <= SLUG_MAX) return base;
  // Cut at a word boundary so a slug never ends mid-word when it can be helped.
  const cut = base.slice(0, SLUG_MAX);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > SLUG_MAX / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/g, "");
}

/** The n-th candidate for a slug: "title", "title-2", "title-3"… kept within SLUG_MAX. */
export function slugCandidate(base: string, n: number): string {
  if (n <= 1) return base;
  const suffix = `-${n}`;
  return `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/g, "")}${suffix}`;
}

export type TextPart = { text: string; match: boolean };

/**
 * Splits text into plain and matched parts for highlighting: a word matches when it starts with
 * one of the stems (e.g. stem "compass" marks "compassionate" and "Self-compassion"'s second half).
 * Returns plain strings only; the caller renders them as React text, never as HTML.
 */
export function splitForHighlight(text: string, stems: readonly string[]): TextPart[] {
  const usable = stems.map((s) => s.toLowerCase()).filter((s) => s.length >= 2);
  if (usable.length === 0 || !text) return [{ text, match: false }];
  const parts: TextPart[] = [];
  const push = (value: string, match: boolean) => {
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += value;
    else parts.push({ text: value, match });
  };
  let index = 0;
  for (const found of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const start = found.index ?? 0;
    if (start > index) push(text.slice(index, start), false);
    const word = found[0];
    push(word, usable.some((stem) => word.toLowerCase().startsWith(stem)));
    index = start + word.length;
  }
  if (index < text.length) push(text.slice(index), false);
  return parts;
}
