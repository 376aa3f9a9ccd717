// npm run dev | npm start — starts Haven. Without DATABASE_URL it first locks and starts the
// embedded PostgreSQL (PGlite, data in .data/pglite), applies pending migrations, seeds the demo
// data when the database is empty, then runs Next.js with DATABASE_URL pointing at it.
//   dev    `next dev`, then prints the URL and the demo accounts once Haven answers
//   start  the production server (server/serve.ts: Next's handler, JSON request logs, graceful
//          shutdown). `npm run build` compiles this file and serve.ts to plain JavaScript, so
//          production runs without a TypeScript loader; with DATABASE_URL the server runs in this
//          very process, with the embedded database in a child process beside PGlite.
//   db     only the embedded database (for tools and tests), until stopped
import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import pg from "pg";
import { describeHolder, lockFileFor, pidIsAlive, readLockState } from "../db/data-dir-lock";
import { DataDirBusyError, embeddedDataDir, startEmbeddedPostgres, type EmbeddedPostgres } from "../db/embedded";
import { deployMigrations } from "../db/migrations";
import { seedIfEmpty } from "../services/seed/run";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../services/seed/accounts";

// The server renders a page per request and makes short-lived garbage fast: a larger young
// generation (V8's default semi-space is 16 MB) cuts garbage-collection work by ≈ 10–14 % of a
// page's CPU (README "Performance"). `npm start` passes the same flag to an in-process server.
const SERVER_V8_FLAGS = ["--max-semi-space-size=64"];
const mode = process.argv[2] === "start" ? "start" : process.argv[2] === "db" ? "db" : "dev";
const extraArgs = process.argv.slice(3);
const env: NodeJS.ProcessEnv = { NEXT_TELEMETRY_DISABLED: "1", ...process.env };
const say = (line: string) => console.log(`Haven: ${line}`);

function argValue(names: string[]): string | undefined {
  for (const [i, arg] of extraArgs.entries()) {
    for (const name of names) {
      if (arg === name) return extraArgs[i + 1];
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

const appPort = Number(argValue(["--port", "-p"]) ?? env.PORT ?? 3000);
const appHost = argValue(["--hostname", "-H"]);
const appUrl = `http://localhost:${appPort}`;
const dataDir = embeddedDataDir();

function fail(sentence: string): never {
  console.error(sentence);
  process.exit(1);
}

function persistentDevSecret(): string {
  const file = path.join(path.dirname(dataDir), "dev-secret");
  fs.mkdirSync(path.dirname(file), { recursive: true });
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString("base64url"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

/** Resolves when something already listens on the app's port (any interface). */
async function portIsBusy(port: number, host?: string): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => resolve(error.code === "EADDRINUSE" || error.code === "EACCES"));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve(false)));
  });
}

/** Linux: the pid and command listening on `port`, from /proc (null when unknown or not ours to see). */
function listenerOf(port: number): { pid: number; command: string } | null {
  try {
    const hex = port.toString(16).toUpperCase().padStart(4, "0");
    const inodes = new Set<string>();
    for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
      if (!fs.existsSync(table)) continue;
      for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
        const cols = line.trim().split(/\s+/);
        if (cols[1]?.endsWith(`:${hex}`) && cols[3] === "0A") inodes.add(cols[9] as string);
      }
    }
    if (!inodes.size) return null;
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      let fds: string[];
      try {
        fds = fs.readdirSync(`/proc/${entry}/fd`);
      } catch {
        continue;
      }
      for (const fd of fds) {
        let target = "";
        try {
          target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
        } catch {
          continue;
        }
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) {
          const command = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 120);
          return { pid: Number(entry), command };
        }
      }
    }
  } catch {
    // not Linux, or not allowed to look: say less
  }
  return null;
}

function busyPortSentence(port: number): string {
  const holder = readLockState(lockFileFor(dataDir));
  const listener = listenerOf(port);
  const by =
    holder && pidIsAlive(holder.pid) && holder.appUrl?.endsWith(`:${port}`)
      ? ` by Haven (process ${holder.pid}, ${holder.appUrl})`
      : listener
        ? ` by process ${listener.pid} (${listener.command})`
        : "";
  return `Port ${port} is already in use${by}; stop that process or choose another port: npm run ${mode} -- --port ${port + 1}`;
}

// 1. Refuse before touching anything when another launcher (or a CLI) holds the data directory.
if (!env.DATABASE_URL) {
  const holder = readLockState(lockFileFor(dataDir));
  if (holder && holder.pid !== process.pid && pidIsAlive(holder.pid)) fail(describeHolder(holder));
}
// 2. A busy port would make Next fail after the database was opened: say so now, plainly.
if (mode !== "db" && (await portIsBusy(appPort, appHost))) fail(busyPortSentence(appPort));

let embedded: EmbeddedPostgres | null = null;
if (!env.DATABASE_URL) {
  const port = env.EMBEDDED_DB_PORT ? Number(env.EMBEDDED_DB_PORT) : undefined;
  try {
    embedded = await startEmbeddedPostgres({ dataDir, port, holder: `launcher ${mode}`, appUrl: mode === "db" ? undefined : appUrl });
  } catch (error) {
    if (error instanceof DataDirBusyError) fail(error.message);
    throw error;
  }
  env.DATABASE_URL = embedded.url;
  // PGlite runs one query at a time; a small pool avoids queueing behind idle connections.
  env.DATABASE_POOL_SIZE ??= "4";
  say(`embedded PostgreSQL ready on port ${embedded.port} (data in ${dataDir.startsWith(process.cwd()) ? path.relative(process.cwd(), dataDir) : dataDir})`);
  if (!env.NEXTAUTH_SECRET) {
    env.NEXTAUTH_SECRET = persistentDevSecret();
    if (mode === "start") console.warn(`Haven: using the generated demo secret in ${path.relative(process.cwd(), path.join(path.dirname(dataDir), "dev-secret"))}; set NEXTAUTH_SECRET for real use.`);
  }
}

let stopping = false;
let child: ChildProcess | null = null;

/** Stops the child (it finishes its in-flight requests), then PGlite, then releases the lock. */
async function shutdown(code: number, signal: NodeJS.Signals = "SIGTERM") {
  if (stopping) return;
  stopping = true;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill(signal);
    const timer = setTimeout(() => child?.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  }
  await embedded?.stop().catch((error: Error) => console.error(`Haven: stopping the embedded database failed: ${error.message}`));
  process.exit(code);
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0, signal));
}

try {
  // In production the app's role may lack DDL rights: migrate with MIGRATION_DATABASE_URL (an owner
  // role), or not at all with MIGRATE_ON_START=false (then run `npm run db:deploy` before starting).
  if (env.MIGRATE_ON_START !== "false") {
    const migrationUrl = embedded ? (env.DATABASE_URL as string) : (env.MIGRATION_DATABASE_URL ?? (env.DATABASE_URL as string));
    const result = await deployMigrations(migrationUrl, { log: say });
    say(`database schema up to date (${result.applied.length} migration(s) applied now).`);
  }
  if (embedded) await seedIfEmpty(env.DATABASE_URL as string, say);
} catch (error) {
  console.error(`Haven could not prepare the database: ${(error as Error).message}`);
  await embedded?.stop();
  process.exit(1);
}

if (mode === "db") {
  say(`serving only the embedded database: ${env.DATABASE_URL} (Ctrl-C stops it)`);
} else if (mode === "dev") {
  const require = createRequire(import.meta.url);
  child = spawn(process.execPath, [require.resolve("next/dist/bin/next"), "dev", ...extraArgs], { stdio: "inherit", env });
  child.on("exit", (code) => void shutdown(code ?? 0));
  void announceWhenReady();
} else {
  // The compiled server sits beside the compiled launcher (.next-haven/bin/); from source, next to it.
  const here = path.dirname(fileURLToPath(import.meta.url));
  const serverFile = [path.join(here, "serve.mjs"), path.resolve(here, "../serve.ts")].find((file) => fs.existsSync(file)) as string;
  if (embedded) {
    // PGlite is busy CPU work: it keeps this process, the app gets its own.
    const loader = serverFile.endsWith(".ts") ? ["--import", "tsx"] : [];
    child = spawn(process.execPath, [...loader, ...SERVER_V8_FLAGS, serverFile, ...extraArgs], { stdio: "inherit", env });
    child.on("exit", (code) => void shutdown(code ?? 0));
  } else {
    // Nothing else to keep: the server runs in this process (its own SIGTERM handling takes over).
    for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);
    Object.assign(process.env, env);
    await import(pathToFileURL(serverFile).href);
  }
}

/** dev: once Haven answers, its URL and (when the database has them) the demo accounts. */
async function announceWhenReady() {
  const deadline = Date.now() + 10 * 60_000;
  while (!stopping && Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${appPort}/api/health`, { signal: AbortSignal.timeout(60_000) });
      if (response.status < 500) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (stopping || Date.now() >= deadline) return;
  const lines = [`Haven is ready: ${appUrl}`];
  const client = new pg.Client({ connectionString: env.DATABASE_URL });
  try {
    await client.connect();
    const { rows } = await client.query<{ email: string }>(`SELECT email FROM "User" WHERE email = ANY($1::text[])`, [DEMO_ACCOUNTS.map((a) => a.email)]);
    const present = new Set(rows.map((row) => row.email));
    const accounts = DEMO_ACCOUNTS.filter((account) => present.has(account.email));
    if (accounts.length) {
      lines.push(`Demo accounts (password: ${DEMO_PASSWORD}):`);
      for (const account of accounts) {
        const clients = accounts.filter((other) => other.therapist === account.email).map((other) => other.email);
        const note = clients.length ? `, cares for ${clients.join(", ")}` : "";
        lines.push(`  ${account.email.padEnd(24)}${account.role.toLowerCase()}${note}`);
      }
    }
  } catch {
    // the accounts are a courtesy; the URL is what matters
  } finally {
    await client.end().catch(() => {});
  }
  console.log(`\n${lines.join("\n")}\n`);
}
