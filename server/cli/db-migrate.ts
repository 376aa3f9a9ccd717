// npm run db:migrate -- --name add_thing [--create-only] [--empty]
// Writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that turns the schema
// of the last migration (prisma/migrations/schema.snapshot.prisma) into prisma/schema.prisma,
// then applies it to the development database. --empty creates a file for hand-written SQL.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { withDatabaseUrl } from "../db/embedded";
import { deployMigrations, MIGRATIONS_DIR } from "../db/migrations";
import { diffDatamodels } from "../db/schema-engine";
import { SCHEMA_PATH, SNAPSHOT_PATH, readSchema, readSnapshot } from "../db/schema-files";

const { values } = parseArgs({
  options: {
    name: { type: "string" },
    "create-only": { type: "boolean", default: false },
    empty: { type: "boolean", default: false },
  },
});

const name = (values.name ?? "").trim().toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Name the migration: npm run db:migrate -- --name what_changed");
  process.exit(2);
}

const schema = readSchema();
const sql = values.empty ? "-- Hand-written migration: objects Prisma does not model use the haven_ prefix.\n" : await diffDatamodels(readSnapshot(), schema);
if (!sql) {
  console.log(`No changes between ${path.relative(process.cwd(), SCHEMA_PATH)} and the last migration: nothing to create.`);
  process.exit(0);
}

const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
fs.mkdirSync(folder, { recursive: true });
fs.writeFileSync(path.join(folder, "migration.sql"), sql);
fs.writeFileSync(SNAPSHOT_PATH, schema.content);
console.log(`Created ${path.relative(process.cwd(), folder)}/migration.sql`);

if (!values["create-only"]) {
  const result = await withDatabaseUrl((url) => deployMigrations(url, { log: console.log }), { holder: "db:migrate", log: (line) => console.error(line) });
  console.log(`Applied ${result.applied.length} migration(s).`);
}
process.exit(0);
