import pg from "pg";
import type { TestProject } from "vitest/node";
import { deployMigrations } from "../../server/db/migrations";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabaseUrl: string | null;
  }
}

/**
 * With TEST_DATABASE_URL (a real PostgreSQL server), migrate one template database; each test
 * file then clones it. Without it, each test file starts its own in-memory PGlite (test-db.ts).
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    project.provide("templateDatabaseUrl", null);
    return;
  }
  const templateName = `haven_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
  await admin.query(`CREATE DATABASE ${templateName}`);
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${templateName}`;
  await deployMigrations(templateUrl.toString());
  project.provide("templateDatabaseUrl", templateUrl.toString());
  return async () => {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'haven_test_%' AND datname LIKE '%_${process.pid}%'`,
    );
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
    await admin.end();
  };
}
