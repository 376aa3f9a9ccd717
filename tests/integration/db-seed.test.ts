import { execFile } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../server/db/client";
import { getDb } from "../../server/db";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations } from "../../server/db/migrations";
import { verifyPassword } from "../../server/services/accounts/passwords";
import { seedDemo } from "../../server/services/seed/demo";

// Issue 2: `npm run db:seed` creates the five demo accounts (password haven-demo-password) with their
// care relationships, and refuses to run in production unless explicitly forced.

const EXPECTED = [
  { email: "admin@haven.test", role: "ADMIN" },
  { email: "client2@haven.test", role: "CLIENT" },
  { email: "client@haven.test", role: "CLIENT" },
  { email: "therapist2@haven.test", role: "THERAPIST" },
  { email: "therapist@haven.test", role: "THERAPIST" },
];

async function counts() {
  const db = getDb();
  return {
    users: await db.user.count(),
    care: await db.careRelationship.count(),
    resources: await db.resource.count(),
    tags: await db.tag.count(),
    assignments: await db.assignment.count(),
    events: await db.readingEvent.count(),
    reflections: await db.reflection.count(),
  };
}

describe("seedDemo", () => {
  it("creates exactly the five demo accounts, their care relationships and the library, and changes nothing when run again", async () => {
    await seedDemo(getDb());
    const users = await getDb().user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true, status: true, passwordHash: true } });
    expect(users.map(({ email, role }) => ({ email, role }))).toEqual(EXPECTED);
    expect(users.every((u) => u.status === "ACTIVE")).toBe(true);
    for (const user of users) expect(await verifyPassword(user.passwordHash!, "haven-demo-password"), user.email).toBe(true);

    const care = await getDb().careRelationship.findMany({ select: { therapist: { select: { email: true } }, client: { select: { email: true } }, status: true, active: true } });
    expect(care.map((c) => `${c.therapist.email} -> ${c.client.email} ${c.status} ${c.active}`).sort()).toEqual([
      "therapist2@haven.test -> client2@haven.test ACTIVE true",
      "therapist@haven.test -> client@haven.test ACTIVE true",
    ]);

    const first = await counts();
    expect(first.resources).toBeGreaterThanOrEqual(24);
    expect(first.assignments).toBeGreaterThan(0);
    await seedDemo(getDb());
    expect(await counts()).toEqual(first);
  }, 120_000);
});

describe("npm run db:seed in production", () => {
  let scratch: EmbeddedPostgres;
  beforeAll(async () => {
    scratch = await startEmbeddedPostgres({ dataDir: null });
    await deployMigrations(scratch.url);
  }, 60_000);
  afterAll(async () => {
    await scratch.stop();
  });

  /** Asynchronous on purpose: the scratch database is served by this process's event loop. */
  function seedCli(args: string[], env: Record<string, string>): Promise<{ status: number; stderr: string }> {
    const { HAVEN_ALLOW_PRODUCTION_SEED: _ignored, ...inherited } = process.env;
    return new Promise((resolve) => {
      execFile(
        "npx",
        ["tsx", "server/cli/db-seed.ts", ...args],
        { cwd: process.cwd(), env: { ...inherited, DATABASE_URL: scratch.url, ...env }, encoding: "utf8", timeout: 110_000 },
        (error, _stdout, stderr) => resolve({ status: error ? Number(error.code ?? -1) : 0, stderr }),
      );
    });
  }

  async function userCount() {
    const db = createPrismaClient(scratch.url, { poolSize: 1 });
    try {
      return await db.user.count();
    } finally {
      await db.$disconnect();
    }
  }

  it("refuses with NODE_ENV=production, names production, and writes nothing", async () => {
    const run = await seedCli([], { NODE_ENV: "production" });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/production/i);
    expect(await userCount()).toBe(0);
  }, 120_000);

  it("runs when explicitly forced", async () => {
    const run = await seedCli(["--force"], { NODE_ENV: "production" });
    expect(run.status, run.stderr).toBe(0);
    expect(await userCount()).toBe(5);
  }, 120_000);
});
