import crypto from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createPrismaClient } from "../../server/db/client";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations } from "../../server/db/migrations";
import { setDbForTests } from "../../server/db";

// Every test file gets a database of its own, so files can run in parallel and never see each other's rows.
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.APP_URL ??= "http://localhost:3000";
process.env.OUTBOX_DIR ??= `.data/test-outbox-${process.pid}`;

const template = inject("templateDatabaseUrl");
let cleanup: () => Promise<void>;

if (template) {
  const name = `haven_test_${crypto.randomBytes(4).toString("hex")}_${process.ppid}`;
  const serverUrl = new URL(template);
  const templateName = serverUrl.pathname.slice(1);
  serverUrl.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: serverUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateName}`);
  const url = new URL(template);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  };
} else {
  const embedded = await startEmbeddedPostgres({ dataDir: null, maxConnections: 8 });
  await deployMigrations(embedded.url);
  process.env.DATABASE_URL = embedded.url;
  cleanup = embedded.stop;
}

export const testDb = createPrismaClient(process.env.DATABASE_URL as string, { poolSize: 4 });
setDbForTests(testDb);

afterAll(async () => {
  await testDb.$disconnect();
  await cleanup();
});
