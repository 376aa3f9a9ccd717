import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations, readMigrations } from "../../server/db/migrations";

// Issue 2: "Stopping and starting again keeps the data" — the embedded database on a data directory.
const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), "haven-embedded-"));
const dataDir = path.join(dataRoot, "pglite");

afterAll(() => {
  fs.rmSync(dataRoot, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded database on a data directory", () => {
  it("keeps rows and applied migrations across a stop and a start", async () => {
    const first = await startEmbeddedPostgres({ dataDir });
    try {
      const deployed = await deployMigrations(first.url);
      expect(deployed.applied).toHaveLength(readMigrations().length);
      await query(first.url, `INSERT INTO "Tag" (id, slug, name) VALUES ($1, $2, $3)`, ["tag-kept", "kept-across-restarts", "Kept across restarts"]);
      // The launcher's state file tells CLIs where the running database listens.
      expect(JSON.parse(fs.readFileSync(path.join(dataRoot, "embedded.json"), "utf8"))).toMatchObject({ pid: process.pid, port: first.port, databaseUrl: first.url });
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(dataRoot, "embedded.json"))).toBe(false);

    const second = await startEmbeddedPostgres({ dataDir });
    try {
      expect(await query(second.url, `SELECT id, slug, name FROM "Tag"`)).toEqual([
        { id: "tag-kept", slug: "kept-across-restarts", name: "Kept across restarts" },
      ]);
      const again = await deployMigrations(second.url);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBe(readMigrations().length);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
