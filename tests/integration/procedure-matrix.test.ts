// Role × procedure matrix (issue 9, "prove the class"): every procedure of appRouter, called as
// anonymous, client, therapist and admin with a valid input. Who may call what is declared once,
// in tests/support/procedure-access.ts; a procedure without a declaration fails this file.
import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { appRouter } from "../../server/routers/_app";
import { createClientOf, createTherapist } from "../support/factories";
import { ACTORS, buildWorld, callProcedure, PROCEDURE_ACCESS, stateFingerprint } from "../support/procedure-access";

const procedures = Object.keys(appRouter._def.procedures).sort();

describe("role × procedure matrix", () => {
  it("declares who may call every procedure, and nothing that no longer exists", () => {
    expect(procedures.filter((path) => !(path in PROCEDURE_ACCESS))).toEqual([]);
    expect(Object.keys(PROCEDURE_ACCESS).filter((path) => !procedures.includes(path))).toEqual([]);
    expect(procedures.length).toBeGreaterThanOrEqual(65);
  });

  it.each(procedures)("%s: refuses the roles not declared, changing nothing, and serves the ones declared", async (path) => {
    const entry = PROCEDURE_ACCESS[path];
    if (!entry) throw new Error(`${path} has no entry in tests/support/procedure-access.ts`);
    const world = await buildWorld();

    // An input valid for an allowed role (building it may set rows up); refusals must change nothing after that.
    const refusedInput = entry.input ? await entry.input(world, entry.allow[0]!) : undefined;
    for (const actor of ACTORS.filter((a) => !entry.allow.includes(a))) {
      const input = refusedInput;
      const before = await stateFingerprint();
      const outcome = await callProcedure(path, world.as(actor), input).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      );
      expect("data" in outcome ? `${path} as ${actor} returned data` : null).toBeNull();
      const error = (outcome as { error: unknown }).error;
      expect(error, `${path} as ${actor}`).toBeInstanceOf(TRPCError);
      const expected = actor === "ANONYMOUS" ? "UNAUTHORIZED" : "FORBIDDEN";
      expect((error as TRPCError).code, `${path} as ${actor}`).toBe(expected);
      expect(await stateFingerprint(), `${path} as ${actor} changed something`).toBe(before);
    }

    for (const actor of entry.allow) {
      const input = entry.input ? await entry.input(world, actor) : undefined;
      const outcome = await callProcedure(path, world.as(actor), input).then(
        () => "served",
        (error: unknown) => `${path} as ${actor} was refused: ${error instanceof TRPCError ? error.code : String(error)}`,
      );
      expect(outcome).toBe("served");
    }
  });

  // Ownership: the same valid input from someone of an allowed role who is not part of it (another
  // practice's therapist or client) is NOT_FOUND or FORBIDDEN, changes nothing, and never returns
  // the practice's private rows.
  const owned = procedures.filter((path) => {
    const allow = PROCEDURE_ACCESS[path]?.allow ?? [];
    return PROCEDURE_ACCESS[path]?.input && !allow.includes("ANONYMOUS") && (allow.includes("THERAPIST") || allow.includes("CLIENT"));
  });

  it.each(owned)("%s: a stranger of an allowed role gets none of this practice's rows", async (path) => {
    const entry = PROCEDURE_ACCESS[path]!;
    const world = await buildWorld();
    const strangerTherapist = await createTherapist();
    const strangers = { THERAPIST: strangerTherapist, CLIENT: await createClientOf(strangerTherapist) } as const;
    const secrets = [world.client.email, world.client.name, world.assignmentId, world.ownResourceId, world.collectionId];
    for (const actor of (["THERAPIST", "CLIENT"] as const).filter((a) => entry.allow.includes(a))) {
      const input = await entry.input!(world, actor);
      const before = await stateFingerprint();
      const outcome = await callProcedure(path, strangers[actor], input).then(
        (data) => ({ data }),
        (error: unknown) => ({ error }),
      );
      if ("error" in outcome) {
        expect(outcome.error, `${path} as a stranger ${actor}`).toBeInstanceOf(TRPCError);
        expect(["NOT_FOUND", "FORBIDDEN", "BAD_REQUEST"], `${path} as a stranger ${actor}`).toContain((outcome.error as TRPCError).code);
        expect(await stateFingerprint(), `${path} as a stranger ${actor} changed something`).toBe(before);
      } else {
        const shown = JSON.stringify(outcome.data ?? null);
        for (const secret of secrets) expect(shown.includes(secret), `${path} as a stranger ${actor} showed ${secret}`).toBe(false);
      }
    }
  });
});
