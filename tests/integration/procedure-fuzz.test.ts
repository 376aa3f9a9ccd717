// Hostile inputs for every procedure (issue 9 item 4, "prove the class"): values derived from each
// procedure's zod input schema — NUL bytes, lone surrogates, 100 kB strings, wrong types, deep
// nesting, huge arrays, negative/huge/non-finite numbers, extra keys — sent by a role that may call
// it. None may end in INTERNAL_SERVER_ERROR, and a refused call writes nothing.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/routers/_app";
import { buildWorld, callProcedure, contentHash, PROCEDURE_ACCESS } from "../support/procedure-access";
import { walkInput } from "../support/zod-walk";

type Path = (string | number)[];
type Procedure = { _def: { inputs: unknown[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;
const withInput = Object.keys(procedures)
  .filter((path) => procedures[path]!._def.inputs.length > 0)
  .sort();

function deep(depth: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

const HOSTILE_STRINGS = ["\u0000", "a\u0000b", "\uD800", "x\uDC00", "x".repeat(100_000), "👍".repeat(30_000)];
const HOSTILE_ANY: unknown[] = [null, 12345, -1, 1e308, -1e308, Number.NaN, Number.POSITIVE_INFINITY, 1.5, 2 ** 53 + 1, true, {}, [], "", deep(2000), new Date(Number.NaN)];
const HUGE_ARRAY = Array.from({ length: 100_000 }, (_, i) => `item-${i}`);

/** Every place a value can sit: the valid input's own keys and the schema's (optional ones too). */
function pathsOf(schema: unknown, valid: unknown): Path[] {
  const found = new Map<string, Path>();
  const add = (path: Path) => found.set(JSON.stringify(path), path);
  const visitValue = (value: unknown, path: Path) => {
    add(path);
    if (Array.isArray(value)) value.forEach((item, index) => visitValue(item, [...path, index]));
    else if (value && typeof value === "object") for (const [key, item] of Object.entries(value)) visitValue(item, [...path, key]);
  };
  visitValue(valid, []);
  walkInput(schema, ({ path }) => {
    if (path.every((part) => typeof part === "number" || !["*", "<key>", "<value>", "..."].includes(part))) add(path);
  });
  return [...found.values()];
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root ?? (typeof path[0] === "number" ? [] : {})) as Record<string | number, unknown>;
  let node = copy;
  path.forEach((part, index) => {
    if (index === path.length - 1) {
      node[part] = value;
      return;
    }
    const next = node[part];
    node[part] = next && typeof next === "object" ? next : typeof path[index + 1] === "number" ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  });
  return copy;
}

function hostileInputs(schema: unknown, valid: unknown): { label: string; input: unknown }[] {
  const cases: { label: string; input: unknown }[] = [];
  for (const path of pathsOf(schema, valid)) {
    const at = path.join(".") || "(root)";
    for (const value of [...HOSTILE_STRINGS, ...HOSTILE_ANY]) {
      cases.push({ label: `${at} = ${JSON.stringify(value)?.slice(0, 20) ?? String(value)}`, input: setAt(valid, path, value) });
    }
    cases.push({ label: `${at} = 100 000-item array`, input: setAt(valid, path, HUGE_ARRAY) });
  }
  if (valid && typeof valid === "object" && !Array.isArray(valid)) {
    cases.push({ label: "extra keys", input: { ...valid, extra: "x", role: "ADMIN", ownerId: "someone", __proto__: { polluted: true } } });
    const rest = JSON.stringify(valid).slice(1);
    const json = `{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}}${rest === "}" ? "" : ","}${rest}`;
    cases.push({ label: "constructor/prototype keys", input: JSON.parse(json) as unknown });
  }
  cases.push({ label: "undefined", input: undefined });
  return cases;
}

describe("hostile inputs for every procedure", () => {
  it("covers every procedure that takes input", () => {
    expect(withInput.length).toBeGreaterThan(50);
  });

  it.each(withInput)("%s: no INTERNAL_SERVER_ERROR, and a refused call writes nothing", { timeout: 240_000 }, async (path) => {
    const entry = PROCEDURE_ACCESS[path];
    if (!entry?.input) throw new Error(`${path} needs an entry with a valid input in tests/support/procedure-access.ts`);
    const world = await buildWorld();
    const actor = entry.allow.find((a) => a !== "ANONYMOUS") ?? entry.allow[0]!;
    const user = world.as(actor);
    const schema = procedures[path]!._def.inputs[0];
    const valid = await entry.input(world, actor);
    const failures: string[] = [];
    let state = await contentHash();
    for (const { label, input } of hostileInputs(schema, valid)) {
      const outcome = await callProcedure(path, user, input).then(
        () => null,
        (error: unknown) => error,
      );
      const after = await contentHash();
      if (outcome === null) {
        // Accepted (the value was odd but valid): it may write; carry on from the new state.
        state = after;
        continue;
      }
      if (!(outcome instanceof TRPCError)) failures.push(`${label}: threw ${String(outcome)}`);
      else if (outcome.code === "INTERNAL_SERVER_ERROR") failures.push(`${label}: INTERNAL_SERVER_ERROR (${String(outcome.cause ?? outcome.message).slice(0, 160)})`);
      else if (after !== state) failures.push(`${label}: refused with ${outcome.code} but wrote something`);
      state = after;
    }
    expect(failures).toEqual([]);
  });
});
