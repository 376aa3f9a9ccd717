// A practice larger than the client list shows (CLIENT_LIST_LIMIT, by name): the list stops there
// with the right counts, and search still finds everyone beyond it.
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { CLIENT_LIST_LIMIT } from "../../server/schemas/client";
import { createResource } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist } from "../support/factories";

describe("client list beyond its limit", () => {
  it("lists the first clients by name with their counts, and search reaches the rest", async () => {
    const therapist = await createTherapist();
    const db = getDb();
    const total = CLIENT_LIST_LIMIT + 3;
    // Many clients at once (no password hashing): names sort as their numbers.
    await db.$executeRaw`
      INSERT INTO "User" ("id", "email", "name", "role", "status", "updatedAt")
      SELECT 'lim-' || ${therapist.id} || '-' || n, 'lim' || n || '-' || ${therapist.id} || '@example.test', 'Client ' || lpad(n::text, 4, '0'), 'CLIENT', 'ACTIVE', now()
      FROM generate_series(1, ${total}::int) AS n`;
    await db.$executeRaw`
      INSERT INTO "CareRelationship" ("id", "therapistId", "clientId")
      SELECT 'limcare-' || ${therapist.id} || '-' || n, ${therapist.id}, 'lim-' || ${therapist.id} || '-' || n
      FROM generate_series(1, ${total}::int) AS n`;
    // One real client with readings, early in the alphabet, so counts are checked in the big list.
    const ana = await createClientOf(therapist, { name: "Aaron Able" });
    const caller = callerFor(therapist);
    const resource = await createResource({ title: "One" });
    await caller.assignment.create({ resourceId: resource.id, clientIds: [ana.id] });

    const list = await caller.client.list();
    expect(list).toHaveLength(CLIENT_LIST_LIMIT);
    expect(list[0]).toMatchObject({ id: ana.id, assigned: 1, opened: 0, finished: 0 });
    expect(list[1]).toMatchObject({ name: "Client 0001", assigned: 0, lastActivityAt: null });
    expect(list.map((c) => c.name)).toEqual([...list.map((c) => c.name)].sort((a, b) => a.localeCompare(b)));
    const last = `Client ${String(total).padStart(4, "0")}`;
    expect(list.some((c) => c.name === last)).toBe(false);
    expect((await caller.client.list({ q: last })).map((c) => c.name)).toEqual([last]);
  });
});
