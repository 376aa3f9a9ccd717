import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { DEFAULT_PREFERENCES } from "../../server/schemas/preferences";
import { readDisplayPreferences } from "../../server/services/preferences";
import { callerFor, createAdmin, createClientOf, createTherapist } from "../support/factories";

describe("preferences router", () => {
  it("refuses signed-out callers", async () => {
    await expect(callerFor(null).preferences.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(callerFor(null).preferences.update({ textSize: "l" })).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("gives a new client safe defaults: quick exit and discreet mode on", async () => {
    const client = await createClientOf(await createTherapist());
    expect(await callerFor(client).preferences.get()).toEqual(DEFAULT_PREFERENCES);
  });

  it("saves a change, keeps the other fields and returns the whole set", async () => {
    const client = await createClientOf(await createTherapist());
    await callerFor(client).preferences.update({ textSize: "xl", quickExit: false });
    const after = await callerFor(client).preferences.update({ theme: "dark" });
    expect(after).toEqual({ ...DEFAULT_PREFERENCES, textSize: "xl", quickExit: false, theme: "dark" });
    expect(await callerFor(client).preferences.get()).toEqual(after);
  });

  it("lets therapists and admins set their own (e.g. the theme) too", async () => {
    for (const user of [await createTherapist(), await createAdmin()]) {
      expect((await callerFor(user).preferences.update({ theme: "light" })).theme).toBe("light");
    }
  });

  it("changes only the caller's own preferences", async () => {
    const therapist = await createTherapist();
    const [a, b] = [await createClientOf(therapist), await createClientOf(therapist)];
    await callerFor(a).preferences.update({ lineSpacing: "loose" });
    expect((await callerFor(b).preferences.get()).lineSpacing).toBe("normal");
  });

  it("refuses unknown keys and values outside the choices, storing nothing", async () => {
    const client = await createClientOf(await createTherapist());
    const caller = callerFor(client);
    // @ts-expect-error: deliberately outside the schema
    await expect(caller.preferences.update({ fontFamily: "x".repeat(10_000) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // @ts-expect-error: deliberately outside the schema
    await expect(caller.preferences.update({ textSize: "xxl" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.preferences.update({})).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const row = await getDb().user.findUniqueOrThrow({ where: { id: client.id }, select: { preferences: true } });
    expect(row.preferences).toEqual({});
  });

  it("does not lose either of two changes made at the same moment", async () => {
    const client = await createClientOf(await createTherapist());
    const caller = callerFor(client);
    await Promise.all([
      caller.preferences.update({ textSize: "l" }),
      caller.preferences.update({ reduceMotion: true }),
      caller.preferences.update({ discreet: false }),
    ]);
    expect(await caller.preferences.get()).toMatchObject({ textSize: "l", reduceMotion: true, discreet: false });
  });

  it("repairs a stored value that is not an object on the next change", async () => {
    const client = await createClientOf(await createTherapist());
    await getDb().user.update({ where: { id: client.id }, data: { preferences: ["odd"] } });
    expect(await callerFor(client).preferences.get()).toEqual(DEFAULT_PREFERENCES);
    expect(await callerFor(client).preferences.update({ textSize: "s" })).toEqual({ ...DEFAULT_PREFERENCES, textSize: "s" });
  });
});

describe("display preferences for the root layout", () => {
  it("uses the device's cookie theme until the person picks one in their account", async () => {
    const client = await createClientOf(await createTherapist());
    expect((await readDisplayPreferences(getDb(), client.id, "dark")).theme).toBe("dark");
    expect((await readDisplayPreferences(getDb(), client.id, "nonsense")).theme).toBe("system");
    await callerFor(client).preferences.update({ theme: "light" });
    expect((await readDisplayPreferences(getDb(), client.id, "dark")).theme).toBe("light");
  });
});
