import { afterAll, describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { GET as READY } from "../../app/api/ready/route";
import { createPrismaClient } from "../../server/db/client";
import { freePort, startEmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations } from "../../server/db/migrations";
import { getDb, setDbForTests, type Db } from "../../server/db";
import { processLifecycle } from "../../server/ops/request-context";

const clients: Db[] = [];
afterAll(async () => {
  for (const client of clients) await client.$disconnect().catch(() => {});
});

async function withDb<T>(db: Db, work: () => Promise<T>): Promise<T> {
  const real = getDb();
  setDbForTests(db);
  try {
    return await work();
  } finally {
    setDbForTests(real);
  }
}

/** A database server that is not there: nothing listens on this port. */
async function unreachableDb(): Promise<Db> {
  const db = createPrismaClient(`postgresql://haven:secret@127.0.0.1:${await freePort()}/haven`, { poolSize: 1 });
  clients.push(db);
  return db;
}

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", database: "up" });
  });

  it("answers 503 naming the database when it does not, without hosts, ports or error text", async () => {
    const response = await withDb(await unreachableDb(), () => GET());
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: "unavailable", database: "down" });
    expect(text).not.toMatch(/127\.0\.0\.1|5432|ECONNREFUSED|haven:/);
  });
});

describe("GET /api/ready", () => {
  it("is 503 while migrations have not run, 200 once they have, 503 when the database is down or the process is stopping", async () => {
    const scratch = await startEmbeddedPostgres({ dataDir: null, maxConnections: 2 });
    const fresh = createPrismaClient(scratch.url, { poolSize: 1 });
    clients.push(fresh);
    try {
      const before = await withDb(fresh, () => READY());
      expect(before.status).toBe(503);
      expect(await before.json()).toEqual({ status: "starting", database: "up", migrations: "pending" });

      await deployMigrations(scratch.url);
      const after = await withDb(fresh, () => READY());
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual({ status: "ready", database: "up", migrations: "applied" });
    } finally {
      await fresh.$disconnect();
      await scratch.stop();
    }

    const down = await withDb(await unreachableDb(), () => READY());
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", database: "down", migrations: "applied" });

    processLifecycle().stopping = true;
    try {
      const stopping = await READY();
      expect(stopping.status).toBe(503);
      expect((await stopping.json()).status).toBe("stopping");
    } finally {
      processLifecycle().stopping = false;
    }
    expect((await READY()).status).toBe(200);
  });
});
