import { z } from "zod";

// The one rule for every string that reaches the database: no NUL byte (PostgreSQL refuses it
// with 22021, which would otherwise surface as a 500) and no lone UTF-16 surrogate (not valid
// UTF-8, so it cannot be stored faithfully). Every input schema builds its strings with `text()`
// (or `id()`); output schemas use `outputText()`. ESLint forbids a bare `z.string()` in
// server/schemas, server/routers and server/services, and
// tests/unit/storable-text.test.ts fails when any procedure's input has a string without this check.

export const UNSTORABLE_TEXT_MESSAGE = "This contains characters Haven can't store. Please remove them and try again.";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store `value` exactly as given. */
export function isStorableText(value: string): boolean {
  return !value.includes("\u0000") && !LONE_SURROGATE.test(value);
}

/** The shared check; tests find it by identity in a schema's checks. */
export const storableText = z.refine<string>(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE, abort: true });

/** `z.string(params)` that refuses NUL bytes and lone surrogates. Chain `.trim().min().max()` as usual. */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).check(storableText);
}

/** A database id (cuid/uuid) from a caller: bounded, storable. */
export function id() {
  return text().min(1).max(40);
}

/**
 * Output schemas only (what Haven sends, never what it accepts): a plain string, so a computed
 * value (a highlight, a label) can never turn a good answer into a 500. The storable-text test
 * fails if one of these ends up in a procedure's input.
 */
export function outputText(params?: Parameters<typeof z.string>[0]) {
  return z.string(params);
}
