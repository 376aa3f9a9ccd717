// npm run bench [-- --sizes S,M] [-- --iterations 200] [-- --http-seconds 10] [-- --no-http]
// Speed figures for the paths that must stay fast (issue 10), as ratios measured in one run: these
// machines are shared and noisy, so absolute times vary and ratios much less.
//
// Database: BENCH_DATABASE_URL (a PostgreSQL server URL; a throwaway database d_bench_<size>_<id>
// is created on it and dropped afterwards), default the local server postgresql://haven:haven@
// 127.0.0.1:5432/postgres; the embedded PGlite (in memory) when no server answers.
// Sizes: S (1k resources / 20 therapists / 500 clients / 10k events), M (10k / 100 / 5k / 200k),
// L (50k / 500 / 25k / 1M, one heavy therapist with 500 clients × 40 assignments). Default S,M:
// L takes several minutes to seed and ~1 GB of disk; ask for it with --sizes S,M,L.
// HTTP: once, at the first size (or --http-size X), against `npm run build && npm start` on
// BENCH_PORT (default 4420); BENCH_SKIP_BUILD=1 reuses the current build.
import "../harness/server-only-shim";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../../server/db/client";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations } from "../../server/db/migrations";
import { hashPassword } from "../../server/services/accounts/passwords";
import { buildApp, ROOT, startApp } from "../harness/app";
import { onExit } from "../harness/processes";
import { BENCH_PASSWORD, httpRound, prepareHttpUsers, type HttpRound } from "./http";
import { runInProcess, type CaseResult } from "./inprocess";
import { seedSynthetic, SIZES, type Size } from "./seed";

const args = process.argv.slice(2);
const arg = (name: string) => {
  const hit = args.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!hit) return undefined;
  return hit.includes("=") ? hit.split("=")[1] : args[args.indexOf(hit) + 1];
};
const sizes = (arg("sizes") ?? process.env.BENCH_SIZES ?? "S,M").split(",").map((s) => s.trim().toUpperCase()) as Size["name"][];
for (const s of sizes) if (!SIZES[s]) throw new Error(`Unknown size ${s}: use S, M or L.`);
const ITERATIONS = Math.max(200, Number(arg("iterations") ?? 200));
const HTTP = !args.includes("--no-http");
const HTTP_SIZE = (arg("http-size") ?? sizes[0]) as Size["name"];
const HTTP_SECONDS = Number(arg("http-seconds") ?? 10);
const CONNECTIONS = Number(arg("connections") ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 4420);
const LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "haven-bench-"));

async function serverReachable(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://haven:haven@127.0.0.1:5432/postgres";
const useServer = await serverReachable(serverUrl);
const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, load ${os.loadavg().map((l) => l.toFixed(1)).join(" ")} at start`;
console.log(`Haven bench — sizes ${sizes.join(",")}, ${ITERATIONS} in-process iterations per case${HTTP ? `, HTTP at ${HTTP_SIZE} (${CONNECTIONS} connections, ${HTTP_SECONDS} s per case, two rounds)` : ""}`);
console.log(`Machine: ${machine}`);
console.log(`Database: ${useServer ? `PostgreSQL at ${new URL(serverUrl).host} (throwaway databases d_bench_*)` : "embedded PGlite in memory (no server answered; figures are for development only)"}\n`);

async function openDatabase(size: Size["name"]): Promise<{ url: string; drop: () => Promise<void>; label: string }> {
  if (!useServer) {
    const embedded = await startEmbeddedPostgres({ dataDir: null });
    return { url: embedded.url, drop: embedded.stop, label: "PGlite" };
  }
  const name = `d_bench_${size.toLowerCase()}_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  };
  onExit(() => {
    if (!dropped) console.error(`(left behind: database ${name}; drop it with DROP DATABASE ${name})`);
  });
  return { url: url.toString(), drop, label: name };
}

type SizeResult = { size: Size["name"]; seedSeconds: number; inProcess: CaseResult[]; http?: HttpRound[] };
const results: SizeResult[] = [];
const passwordHash = await hashPassword(BENCH_PASSWORD);
// Reaches `server-only`: loaded after the shim has run (see tests/harness/server-only-shim.ts).
const { seedDemo } = await import("../../server/services/seed/demo");
let built = process.env.BENCH_SKIP_BUILD === "1";

for (const sizeName of sizes) {
  const size = SIZES[sizeName];
  const database = await openDatabase(sizeName);
  process.env.DATABASE_URL ??= database.url; // env() wants one; every query below uses its own client
  try {
    console.log(`Size ${sizeName}: seeding ${database.label} …`);
    await deployMigrations(database.url);
    const db = createPrismaClient(database.url, { poolSize: 4 });
    let seeded: Awaited<ReturnType<typeof seedSynthetic>>;
    try {
      await seedDemo(db);
      seeded = await seedSynthetic(database.url, size, passwordHash);
      console.log(`  seeded in ${seeded.seconds.toFixed(0)} s\n  in-process (${ITERATIONS} iterations, warm):`);
      const inProcess = await runInProcess(db, seeded.vocabulary, ITERATIONS, console.log);
      results.push({ size: sizeName, seedSeconds: seeded.seconds, inProcess });
    } finally {
      await db.$disconnect();
    }

    if (HTTP && sizeName === HTTP_SIZE) {
      if (!built) {
        buildApp(path.join(LOG_DIR, "build.log"));
        built = true;
      } else if (!fs.existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("BENCH_SKIP_BUILD=1 but there is no .next build.");
      const app = await startApp({ port: PORT, databaseUrl: database.url, secret: crypto.randomBytes(32).toString("base64url"), logFile: path.join(LOG_DIR, "app.log") });
      try {
        const startRss = app.rss() / 1048576;
        const users = await prepareHttpUsers(app, database.url, Math.min(CONNECTIONS, 50));
        const words = seeded.vocabulary.filter((w) => w.length >= 7);
        const searchWord = words[2] as string;
        const word = words[5] as string;
        const typoWord = word.slice(0, 3) + word.slice(4);
        const rounds: HttpRound[] = [];
        for (let round = 1; round <= 2; round++) {
          console.log(`  HTTP round ${round} (server RSS ${(app.rss() / 1048576).toFixed(0)} MB at start; after sign-ins; idle start ${startRss.toFixed(0)} MB):`);
          const r = await httpRound(app, database.url, users, { seconds: HTTP_SECONDS, connections: CONNECTIONS, searchWord, typoWord }, console.log);
          console.log(
            `    server RSS peak ${r.peakRssMb.toFixed(0)} MB, end ${r.endRssMb.toFixed(0)} MB; progress reports acknowledged as recorded ${r.progress.acknowledged}, stored once ${r.progress.stored}, lost ${r.progress.lost}, doubled ${r.progress.doubled}; answered "not further" ${r.progress.notFurther}`,
          );
          rounds.push(r);
        }
        (results.find((r) => r.size === sizeName) as SizeResult).http = rounds;
      } finally {
        await app.stop();
      }
    }
  } finally {
    await database.drop();
  }
  console.log("");
}

// --- Budgets (issue 10) -------------------------------------------------------------------------
type Budget = { budget: string; status: "OK" | "MISS" | "n/a"; figure: string };
const budgets: Budget[] = [];
const lastHttp = results.find((r) => r.http)?.http?.at(-1);
const httpCase = (name: string) => lastHttp?.cases.find((c) => c.name === name);
const ratioBudget = (label: string, name: string, min: number, extra?: (c: NonNullable<ReturnType<typeof httpCase>>) => boolean) => {
  const c = httpCase(name);
  if (!c || c.ratio === null) return budgets.push({ budget: label, status: "n/a", figure: "HTTP not measured" });
  const ok = c.ratio >= min && (extra ? extra(c) : true);
  budgets.push({ budget: label, status: ok ? "OK" : "MISS", figure: `${(c.ratio * 100).toFixed(0)} % (${c.rps.toFixed(0)} req/s, errors ${c.errors}, non-2xx ${c.non2xx})` });
};
ratioBudget("progress POST ≥ 50 % of bare POST, zero errors", "progress report POST", 0.5, (c) => c.errors === 0 && c.non2xx === 0);
if (lastHttp) {
  const p = lastHttp.progress;
  budgets.push({ budget: "every acknowledged progress report stored exactly once", status: p.lost === 0 && p.doubled === 0 && p.acknowledged > 0 ? "OK" : "MISS", figure: `acknowledged ${p.acknowledged}, stored ${p.stored}, lost ${p.lost}, doubled ${p.doubled} (plus ${p.notFurther} "not further", none stored)` });
}
ratioBudget("client reading page ≥ 20 % of bare GET", "client reading page", 0.2);
ratioBudget("library search page ≥ 15 % of bare GET", "library search page ?q=", 0.15);
ratioBudget("tRPC search ≥ 30 % of bare GET", "tRPC library.search (typo)", 0.3);
ratioBudget("therapist home ≥ 15 % of bare GET", "therapist home", 0.15);
const sizeS = results.find((r) => r.size === "S");
const sizeL = results.find((r) => r.size === "L");
if (sizeS && sizeL) {
  const worst = sizeL.inProcess.map((c) => ({ name: c.name, growth: c.p95 / ((sizeS.inProcess.find((s) => s.name === c.name) as CaseResult).p95 || 1) })).sort((a, b) => b.growth - a.growth);
  const top = worst[0] as { name: string; growth: number };
  budgets.push({ budget: "every in-process p95 at L ≤ 2× S", status: top.growth <= 2 ? "OK" : "MISS", figure: `worst ${top.name} ${top.growth.toFixed(2)}×` });
  const search = sizeL.inProcess.filter((c) => c.name.startsWith("search")).sort((a, b) => b.p95 - a.p95)[0] as CaseResult;
  const home = sizeL.inProcess.find((c) => c.name === "therapist home") as CaseResult;
  budgets.push({ budget: "search p95 ≤ 25 ms in-process at L", status: search.p95 <= 25 ? "OK" : "MISS", figure: `worst ${search.name} ${search.p95.toFixed(1)} ms` });
  budgets.push({ budget: "therapist home p95 ≤ 40 ms in-process at L", status: home.p95 <= 40 ? "OK" : "MISS", figure: `${home.p95.toFixed(1)} ms` });
} else {
  for (const b of ["every in-process p95 at L ≤ 2× S", "search p95 ≤ 25 ms in-process at L", "therapist home p95 ≤ 40 ms in-process at L"]) budgets.push({ budget: b, status: "n/a", figure: "needs --sizes S,…,L" });
}
const rounds = results.find((r) => r.http)?.http;
if (rounds && rounds.length === 2) {
  const [a, b] = rounds as [HttpRound, HttpRound];
  const change = (b.endRssMb - a.endRssMb) / a.endRssMb;
  budgets.push({ budget: "server RSS after two identical rounds differs ≤ 10 %", status: Math.abs(change) <= 0.1 ? "OK" : "MISS", figure: `${a.endRssMb.toFixed(0)} → ${b.endRssMb.toFixed(0)} MB (${(change * 100).toFixed(1)} %), peak ${Math.max(a.peakRssMb, b.peakRssMb).toFixed(0)} MB` });
}

console.log("In-process p95 (ms) by size:");
const names = results[0]?.inProcess.map((c) => c.name) ?? [];
console.log(`  ${"case".padEnd(30)} ${results.map((r) => `${r.size} p50`.padStart(9) + `${r.size} p95`.padStart(9) + `${r.size} p99`.padStart(9)).join("")}`);
for (const name of names) {
  const cells = results.map((r) => {
    const c = r.inProcess.find((x) => x.name === name) as CaseResult;
    return c.p50.toFixed(1).padStart(9) + c.p95.toFixed(1).padStart(9) + c.p99.toFixed(1).padStart(9);
  });
  console.log(`  ${name.padEnd(30)} ${cells.join("")}`);
}
console.log("\nBudgets (issue 10):");
for (const b of budgets) console.log(`  ${b.status.padEnd(4)} ${b.budget} — ${b.figure}`);

const out = path.join(ROOT, "bench-results.json");
fs.writeFileSync(out, `${JSON.stringify({ at: new Date().toISOString(), machine, database: useServer ? "PostgreSQL server" : "PGlite", iterations: ITERATIONS, connections: CONNECTIONS, httpSeconds: HTTP_SECONDS, results, budgets }, null, 2)}\n`);
console.log(`\nWrote ${path.relative(process.cwd(), out)}.`);
process.exit(0);
