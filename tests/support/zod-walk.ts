// Walks a zod 4 input schema the way a caller's value flows through it (the input side of
// pipes and transforms), so tests can find every string a caller can send and build values.
import type { z } from "zod";

type Def = { type: string; [key: string]: unknown };
type AnySchema = z.ZodType & { _zod: { def: Def } };

export const defOf = (schema: unknown): Def => (schema as AnySchema)._zod.def;

export type Visit = { path: (string | number)[]; schema: AnySchema; def: Def };

/** Calls `visit` for every schema node a caller's value meets (not the output side of pipes). */
export function walkInput(schema: unknown, visit: (node: Visit) => void, path: (string | number)[] = [], seen = new Set<unknown>()): void {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = defOf(schema);
  visit({ path, schema: schema as AnySchema, def });
  const next = (child: unknown, p = path) => walkInput(child, visit, p, seen);
  switch (def.type) {
    case "object":
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) next(child, [...path, key]);
      if (def.catchall && defOf(def.catchall).type !== "never" && defOf(def.catchall).type !== "unknown") next(def.catchall, [...path, "*"]);
      break;
    case "array":
      next(def.element, [...path, 0]);
      break;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
    case "nonoptional":
      next(def.innerType);
      break;
    case "pipe":
      // z.preprocess(fn, schema) is pipe(transform, schema): the value reaches `out` as sent.
      if (defOf(def.in).type === "transform") next(def.out);
      else next(def.in);
      break;
    case "union":
      for (const option of def.options as unknown[]) next(option);
      break;
    case "intersection":
      next(def.left);
      next(def.right);
      break;
    case "record":
      next(def.keyType, [...path, "<key>"]);
      next(def.valueType, [...path, "<value>"]);
      break;
    case "tuple":
      (def.items as unknown[]).forEach((item, index) => next(item, [...path, index]));
      if (def.rest) next(def.rest, [...path, "..."]);
      break;
    case "lazy":
      next((def.getter as () => unknown)());
      break;
    default:
      break;
  }
}
