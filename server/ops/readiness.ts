import "server-only";
import fs from "node:fs";
import path from "node:path";
import { getDb } from "../db";
import { processLifecycle } from "./request-context";

const TIMEOUT_MS = 3_000;
let migrated = false; // once every migration has run it stays so for this process

export type Readiness = {
  ready: boolean;
  body: { status: "ready" | "starting" | "stopping" | "unavailable"; database: "up" | "down"; migrations: "applied" | "pending" | "unknown" };
};

/** The migrations this build expects (folders of prisma/migrations). */
function expectedMigrations(): string[] {
  const dir = path.join(process.cwd(), "prisma", "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
}

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS).unref())]);
}

export async function readiness(): Promise<Readiness> {
  if (processLifecycle().stopping) return { ready: false, body: { status: "stopping", database: "up", migrations: migrated ? "applied" : "unknown" } };
  const db = getDb();
  try {
    if (migrated) {
      await withTimeout(db.$queryRaw`SELECT 1`);
    } else {
      const rows = await withTimeout(
        db.$queryRaw<{ migration_name: string }[]>`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      );
      const done = new Set(rows.map((row) => row.migration_name));
      if (!expectedMigrations().every((name) => done.has(name))) {
        return { ready: false, body: { status: "starting", database: "up", migrations: "pending" } };
      }
      migrated = true;
    }
    return { ready: true, body: { status: "ready", database: "up", migrations: "applied" } };
  } catch (error) {
    // No migrations table yet: the database answers, nothing has run.
    if ((error as { code?: string; meta?: { code?: string } })?.meta?.code === "42P01" || /_prisma_migrations/.test(String((error as Error)?.message))) {
      return { ready: false, body: { status: "starting", database: "up", migrations: "pending" } };
    }
    return { ready: false, body: { status: "unavailable", database: "down", migrations: migrated ? "applied" : "unknown" } };
  }
}
