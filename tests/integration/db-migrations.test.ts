import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations, readMigrations } from "../../server/db/migrations";
import { diffDatamodels } from "../../server/db/schema-engine";
import { readSchema, readSnapshot } from "../../server/db/schema-files";

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The shape of a database as Prisma models it (objects named haven_* are hand-written extras). */
async function catalog(url: string) {
  return withClient(url, async (client) => {
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length
      FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name <> '_prisma_migrations' AND table_name NOT LIKE 'haven\\_%'
      ORDER BY table_name, column_name`);
    const indexes = await client.query(`
      SELECT tablename, indexname, indexdef FROM pg_indexes
      WHERE schemaname = 'public' AND indexname NOT LIKE 'haven\\_%' AND tablename <> '_prisma_migrations'
      ORDER BY indexname`);
    const constraints = await client.query(`
      SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS definition
      FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND contype IN ('p', 'f', 'u', 'c') AND conname NOT LIKE 'haven\\_%'
        AND conrelid::regclass::text <> '"_prisma_migrations"' AND conrelid::regclass::text <> '_prisma_migrations'
      ORDER BY table_name, conname`);
    const enums = await client.query(`
      SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      ORDER BY t.typname, e.enumsortorder`);
    return { columns: columns.rows, indexes: indexes.rows, constraints: constraints.rows, enums: enums.rows };
  });
}

describe("migrations and schema agree (drift check)", () => {
  it("schema.prisma has no change that the migrations lack", async () => {
    const pending = await diffDatamodels(readSnapshot(), readSchema());
    expect(pending, "schema.prisma changed without a migration: run npm run db:migrate -- --name <what>").toBe("");
  });

  it("applying the migrations builds exactly the database schema.prisma describes", async () => {
    const fromMigrations = await startEmbeddedPostgres({ dataDir: null });
    const fromSchema = await startEmbeddedPostgres({ dataDir: null });
    try {
      await deployMigrations(fromMigrations.url);
      const script = await diffDatamodels(null, readSchema());
      await withClient(fromSchema.url, (client) => client.query(script));
      const [a, b] = await Promise.all([catalog(fromMigrations.url), catalog(fromSchema.url)]);
      expect(a.columns.length).toBeGreaterThan(50);
      expect(a).toEqual(b);
    } finally {
      await fromMigrations.stop();
      await fromSchema.stop();
    }
  }, 120_000);
});

describe("db:deploy", () => {
  let db: EmbeddedPostgres;
  beforeAll(async () => {
    db = await startEmbeddedPostgres({ dataDir: null });
  });
  afterAll(async () => {
    await db.stop();
  });

  it("applies every migration to an empty database, then nothing on the second run", async () => {
    const total = readMigrations().length;
    const first = await deployMigrations(db.url);
    expect(first.applied).toHaveLength(total);
    const second = await deployMigrations(db.url);
    expect(second.applied).toHaveLength(0);
    expect(second.alreadyApplied).toBe(total);
    const rows = await withClient(db.url, (c) => c.query(`SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`));
    expect(rows.rows).toHaveLength(total);
    for (const [i, migration] of readMigrations().entries()) {
      expect(rows.rows[i].migration_name).toBe(migration.name);
      // Prisma's own checksum (sha256 of the file), so `prisma migrate deploy` agrees later.
      expect(rows.rows[i].checksum).toBe(crypto.createHash("sha256").update(migration.sql).digest("hex"));
      expect(rows.rows[i].finished_at).not.toBeNull();
    }
  });

  it("rolls a failing migration back completely and records nothing for it", async () => {
    const scratch = await startEmbeddedPostgres({ dataDir: null });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-migrations-"));
    try {
      fs.mkdirSync(path.join(dir, "001_good"));
      fs.writeFileSync(path.join(dir, "001_good", "migration.sql"), "CREATE TABLE good (id int);");
      fs.mkdirSync(path.join(dir, "002_bad"));
      fs.writeFileSync(path.join(dir, "002_bad", "migration.sql"), "CREATE TABLE half (id int);\nSELECT no_such_function();");
      await expect(deployMigrations(scratch.url, { dir })).rejects.toThrow(/002_bad failed and was rolled back/);
      const tables = await withClient(scratch.url, (c) =>
        c.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`),
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(["_prisma_migrations", "good"]);
      const recorded = await withClient(scratch.url, (c) => c.query(`SELECT migration_name FROM "_prisma_migrations"`));
      expect(recorded.rows.map((r) => r.migration_name)).toEqual(["001_good"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await scratch.stop();
    }
  });
});
