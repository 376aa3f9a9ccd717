// npm run dev | npm start — starts Haven. Without DATABASE_URL it first starts the embedded
// PostgreSQL (PGlite, data in .data/pglite), applies pending migrations, seeds the demo data
// when the database is empty, then runs Next.js with DATABASE_URL pointing at it.
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { DEFAULT_DATA_DIR, startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded";
import { deployMigrations } from "../db/migrations";
import { seedIfEmpty } from "../services/seed/run";

const mode = process.argv[2] === "start" ? "start" : "dev";
const extraArgs = process.argv.slice(3);
const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };

function persistentDevSecret(): string {
  const file = path.join(path.dirname(DEFAULT_DATA_DIR), "dev-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

let embedded: EmbeddedPostgres | null = null;
if (!env.DATABASE_URL) {
  const port = env.EMBEDDED_DB_PORT ? Number(env.EMBEDDED_DB_PORT) : undefined;
  embedded = await startEmbeddedPostgres({ dataDir: env.EMBEDDED_DB_DIR ? path.resolve(env.EMBEDDED_DB_DIR) : DEFAULT_DATA_DIR, port });
  env.DATABASE_URL = embedded.url;
  // PGlite runs one query at a time; a small pool avoids queueing behind idle connections.
  env.DATABASE_POOL_SIZE ??= "4";
  console.log(`Haven: embedded PostgreSQL ready on port ${embedded.port} (data in ${path.relative(process.cwd(), env.EMBEDDED_DB_DIR ?? DEFAULT_DATA_DIR)})`);
  if (!env.NEXTAUTH_SECRET) {
    env.NEXTAUTH_SECRET = persistentDevSecret();
    if (mode === "start") console.warn("Haven: using the generated demo secret in .data/dev-secret; set NEXTAUTH_SECRET for real use.");
  }
}

try {
  // In production the app's role may lack DDL rights: migrate with MIGRATION_DATABASE_URL (an owner
  // role), or not at all with MIGRATE_ON_START=false (then run `npm run db:deploy` before starting).
  if (env.MIGRATE_ON_START !== "false") {
    const migrationUrl = embedded ? (env.DATABASE_URL as string) : (env.MIGRATION_DATABASE_URL ?? (env.DATABASE_URL as string));
    const result = await deployMigrations(migrationUrl, { log: (line) => console.log(`Haven: ${line}`) });
    console.log(`Haven: database schema up to date (${result.applied.length} migration(s) applied now).`);
  }
  if (embedded) await seedIfEmpty(env.DATABASE_URL as string, (line) => console.log(`Haven: ${line}`));
} catch (error) {
  console.error(`Haven could not prepare the database: ${(error as Error).message}`);
  await embedded?.stop();
  process.exit(1);
}

const require = createRequire(import.meta.url);
const nextBin = require.resolve("next/dist/bin/next");
const child = spawn(process.execPath, [nextBin, mode, ...extraArgs], { stdio: "inherit", env });

let stopping = false;
async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  if (child.exitCode === null) child.kill("SIGTERM");
  await embedded?.stop().catch(() => {});
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0));
}
child.on("exit", (code) => void shutdown(code ?? 0));
