import fs from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "./migrations";
import { projectPath } from "../project-root";

export const SCHEMA_PATH = projectPath("prisma", "schema.prisma");
/** schema.prisma as of the newest migration: what the next migration is diffed against. */
export const SNAPSHOT_PATH = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");

export function readSchema() {
  return { path: "schema.prisma", content: fs.readFileSync(SCHEMA_PATH, "utf8") };
}

export function readSnapshot() {
  return fs.existsSync(SNAPSHOT_PATH)
    ? { path: "schema.prisma", content: fs.readFileSync(SNAPSHOT_PATH, "utf8") }
    : null;
}
