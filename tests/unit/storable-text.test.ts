// Issue 9 item 4: every string any procedure accepts refuses NUL bytes and lone surrogates at the
// schema layer. This fails the day someone adds an input string without text()/id().
import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/routers/_app";
import { signInInput } from "../../server/schemas/account";
import { isStorableText, storableText, text, UNSTORABLE_TEXT_MESSAGE } from "../../server/schemas/text";
import { walkInput } from "../support/zod-walk";

type Procedure = { _def: { inputs: unknown[] } };
const procedures = appRouter._def.procedures as unknown as Record<string, Procedure>;

function unguardedStrings(schema: unknown): string[] {
  const found: string[] = [];
  walkInput(schema, ({ path, def }) => {
    if (def.type !== "string") return;
    const checks = (def.checks as unknown[] | undefined) ?? [];
    if (!checks.includes(storableText)) found.push(path.join(".") || "(root)");
  });
  return found;
}

describe("storable text", () => {
  it("refuses NUL and lone surrogates, keeps everything else (emoji included)", () => {
    expect(isStorableText("a\u0000b")).toBe(false);
    expect(isStorableText("\uD800")).toBe(false);
    expect(isStorableText("x\uDC00y")).toBe(false);
    expect(isStorableText("\uDC00\uD800")).toBe(false);
    expect(isStorableText("calm 🌿 words — ü, 日本")).toBe(true);
    expect(isStorableText("")).toBe(true);
    const schema = text().trim().max(10);
    expect(schema.safeParse("a\u0000").error?.issues[0]?.message).toBe(UNSTORABLE_TEXT_MESSAGE);
    expect(schema.parse(" ok ")).toBe("ok");
  });

  it("every string in every procedure's input is built with text()", () => {
    const missing: string[] = [];
    for (const [path, procedure] of Object.entries(procedures)) {
      for (const input of procedure._def.inputs) for (const field of unguardedStrings(input)) missing.push(`${path}: ${field}`);
    }
    expect(missing).toEqual([]);
    expect(Object.keys(procedures).length).toBeGreaterThan(60);
  });

  it("the sign-in form's fields too", () => {
    expect(unguardedStrings(signInInput)).toEqual([]);
  });

  it("the walker does notice a bare string", async () => {
    const { z } = await import("zod");
    expect(unguardedStrings(z.object({ a: text(), b: z.array(z.string()).optional() }))).toEqual(["b.0"]);
  });
});
