import { beforeAll, describe, expect, it } from "vitest";
import { createResource } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist, type TestUser } from "../support/factories";

// "Keep my readings on this device": the client's own opt-in, off by default, and the pages the
// service worker may keep — only the client's own, non-withdrawn readings, and none while off.

let therapist: TestUser, client: TestUser, other: TestUser;
let mine: string, withdrawn: string, theirs: string, noted: string;

beforeAll(async () => {
  therapist = await createTherapist();
  client = await createClientOf(therapist);
  other = await createClientOf(therapist);
  const plain = (await createResource()).id;
  const withNote = await createResource({ contentNote: "Mentions loss." });
  const t = callerFor(therapist);
  const assign = async (resourceId: string, clientId: string) => (await t.assignment.create({ resourceId, clientIds: [clientId] }))[0]!.assignmentId!;
  mine = await assign(plain, client.id);
  withdrawn = await assign((await createResource()).id, client.id);
  noted = await assign(withNote.id, client.id);
  theirs = await assign(plain, other.id);
  await t.assignment.withdraw({ id: withdrawn });
});

describe("offline reading", () => {
  it("is off by default and lists nothing while off", async () => {
    const c = callerFor(client);
    expect(await c.offline.get()).toEqual({ enabled: false });
    expect(await c.offline.pages()).toEqual({ urls: [] });
  });

  it("once on, lists the client's own active readings (past the content note too), nobody else's", async () => {
    const c = callerFor(client);
    expect(await c.offline.set({ enabled: true })).toEqual({ enabled: true });
    const { urls } = await c.offline.pages();
    expect(urls).toContain("/client");
    expect(urls).toContain(`/client/readings/${mine}`);
    expect(urls).toContain(`/client/readings/${noted}`);
    expect(urls).toContain(`/client/readings/${noted}?ready=1`);
    expect(urls).not.toContain(`/client/readings/${mine}?ready=1`);
    expect(urls.join(" ")).not.toContain(withdrawn);
    expect(urls.join(" ")).not.toContain(theirs);
    // The other client's setting is their own.
    expect(await callerFor(other).offline.get()).toEqual({ enabled: false });
    expect(await c.offline.set({ enabled: false })).toEqual({ enabled: false });
    expect(await c.offline.pages()).toEqual({ urls: [] });
  });

  it("is a client's setting only, and refuses odd input", async () => {
    await expect(callerFor(therapist).offline.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(therapist).offline.set({ enabled: true })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(callerFor(therapist).offline.pages()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const c = callerFor(client);
    await expect(c.offline.set({ enabled: "yes" } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.offline.set({ enabled: true, userId: other.id } as never)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await callerFor(other).offline.get()).toEqual({ enabled: false });
  });
});
