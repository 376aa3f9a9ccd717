// npm run loadtest [-- --short] [-- --only load,crash,db-restart,two-instances] — Haven's fault
// and load harness (issue 9). Against a production build (`npm run build`, then `npm start`) on
// a real PostgreSQL 15: by default a throwaway cluster of its own (initdb in a temp directory,
// port 4410), so the database-restart scenario never touches the shared server. Loopback only;
// every loop is bounded; everything started here is killed on exit, failure or Ctrl-C.
//
//   LOADTEST_SHORT=1 / --short    small N and durations (CI: the whole run ≤ 3 minutes)
//   LOADTEST_CLIENTS=200          simulated clients in the load scenario
//   LOADTEST_SKIP_BUILD=1         reuse the current .next build
//   LOADTEST_DATABASE_URL=…       use this database instead of a throwaway cluster; the restart
//   LOADTEST_PG_CTL=<data dir>    scenario then needs the cluster's data directory (pg_ctl -D), else SKIP
//   LOADTEST_PORT=4401            first app port (the second instance uses the next one)
import "../harness/server-only-shim";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { buildApp, ROOT, startApp, type AppInstance } from "../harness/app";
import { Browser } from "../harness/http";
import { clusterToolsAvailable, createCluster, externalCluster, type Cluster } from "../harness/pg-cluster";
import { latencyText, mapLimit, sleep } from "../harness/stats";
import { hashToken, generateToken } from "../../server/services/tokens";
import { addCohort, LOADTEST_PASSWORD, prepareDatabase } from "./seed";
import { SimClient, Tally, therapistLoop, type SentReport } from "./sim";
import { verifyReports, type Verdict } from "./verify";

const args = process.argv.slice(2);
const SHORT = args.includes("--short") || process.env.LOADTEST_SHORT === "1";
const onlyArg = args.find((a) => a.startsWith("--only"));
const ONLY = onlyArg ? (onlyArg.includes("=") ? onlyArg.split("=")[1] : args[args.indexOf(onlyArg) + 1])?.split(",") : null;
const N = Number(process.env.LOADTEST_CLIENTS ?? (SHORT ? 20 : 200));
const SECONDS = SHORT ? { load: 12, crash: 16, db: 20, outage: 5 } : { load: 60, crash: 45, db: 60, outage: 15 };
const GRACE_MS = 30_000;
const PORT = Number(process.env.LOADTEST_PORT ?? 4401);
const CLUSTER_PORT = Number(process.env.LOADTEST_PG_PORT ?? 4410);
const LOG_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "haven-loadtest-"));
const secret = crypto.randomBytes(32).toString("base64url");

const results: { status: "PASS" | "FAIL" | "SKIP"; line: string }[] = [];
function report(status: "PASS" | "FAIL" | "SKIP", scenario: string, text: string, details: string[] = []) {
  const line = `${status} ${scenario}: ${text}`;
  results.push({ status, line });
  console.log(line);
  for (const detail of details) console.log(`    ${detail}`);
}

function verdictText(v: Verdict, tally: Tally) {
  const s = tally.recorder.summary();
  return `acknowledged ${v.acknowledged}, stored ${v.stored}, lost ${v.lost}, doubled ${v.doubled}, errors ${tally.otherErrors + tally.signedOut + tally.unavailable}, ${s.rps.toFixed(1)} req/s, ${latencyText(s)}`;
}

const wanted = (name: string) => !ONLY || ONLY.includes(name);

// --- Database -------------------------------------------------------------------------------
let cluster: Cluster | null = null;
let databaseUrl: string;
if (process.env.LOADTEST_DATABASE_URL) {
  databaseUrl = process.env.LOADTEST_DATABASE_URL;
  if (process.env.LOADTEST_PG_CTL) cluster = externalCluster(databaseUrl, process.env.LOADTEST_PG_CTL);
  console.log(`Database: ${new URL(databaseUrl).host}${new URL(databaseUrl).pathname} (given by LOADTEST_DATABASE_URL)`);
} else {
  if (!clusterToolsAvailable()) {
    console.error("PostgreSQL 15's initdb/pg_ctl were not found (set PG_BIN, or LOADTEST_DATABASE_URL); nothing was run.");
    process.exit(2);
  }
  cluster = createCluster(CLUSTER_PORT);
  cluster.start();
  const admin = new pg.Client({ connectionString: cluster.adminUrl });
  await admin.connect();
  await admin.query("CREATE DATABASE d_loadtest");
  await admin.end();
  databaseUrl = cluster.adminUrl.replace(/\/postgres$/, "/d_loadtest");
  console.log(`Database: throwaway PostgreSQL 15 cluster on 127.0.0.1:${CLUSTER_PORT} (logs and data under ${os.tmpdir()})`);
}
console.log(`Mode: ${SHORT ? "short" : "full"}; ${N} simulated clients; logs in ${LOG_DIR}`);

const db = await prepareDatabase(databaseUrl);
if (process.env.LOADTEST_SKIP_BUILD !== "1") buildApp(path.join(LOG_DIR, "build.log"));
else if (!fs.existsSync(path.join(ROOT, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"))) throw new Error("LOADTEST_SKIP_BUILD=1 but there is no .next build; run npm run build first.");

let instance = 0;
const start = (port: number) => startApp({ port, databaseUrl, secret, logFile: path.join(LOG_DIR, `app-${port}-${++instance}.log`) });
let appA: AppInstance = await start(PORT);
console.log(`Haven is up on ${appA.url}.\n`);

async function signInAll(clients: SimClient[]) {
  const signedIn = await mapLimit(clients, 8, (c) => c.signIn());
  const failed = signedIn.filter((ok) => !ok).length;
  if (failed) throw new Error(`${failed} simulated client(s) could not sign in; see ${LOG_DIR}`);
}

function cohortClients(accounts: Awaited<ReturnType<typeof addCohort>>["clients"], tally: Tally, bases: string[], seconds: number) {
  const softDeadline = Date.now() + seconds * 1000;
  return accounts.map((a) => new SimClient(a, { bases, tally, softDeadline, hardDeadline: softDeadline + GRACE_MS }));
}

function resetDeadlines(clients: SimClient[], seconds: number) {
  const softDeadline = Date.now() + seconds * 1000;
  for (const c of clients) c.setDeadlines(softDeadline, softDeadline + GRACE_MS);
}

const allReports = (clients: SimClient[]): SentReport[] => clients.flatMap((c) => c.reports);

try {
  // --- 1. Load -------------------------------------------------------------------------------
  if (wanted("load")) {
    const cohort = await addCohort(db, "load", N, 3);
    const tally = new Tally();
    const clients = cohortClients(cohort.clients, tally, [appA.url], SECONDS.load);
    await signInAll(clients);
    resetDeadlines(clients, SECONDS.load);
    const softDeadline = Date.now() + SECONDS.load * 1000;
    const therapists = cohort.therapists.map((t) => therapistLoop(t, { bases: [appA.url], tally, softDeadline, hardDeadline: softDeadline }));
    await Promise.all([...clients.map((c) => c.run()), ...therapists]);
    tally.recorder.stop();
    const v = await verifyReports(databaseUrl, allReports(clients));
    const pass = v.lost === 0 && v.doubled === 0 && v.progressMismatches === 0 && tally.otherErrors + tally.signedOut + tally.unavailable === 0;
    report(pass ? "PASS" : "FAIL", "load", verdictText(v, tally), [
      `${N} clients, ${cohort.therapists.length} therapists, ${SECONDS.load} s; ${tally.recorder.summary().count} requests; 503 ${tally.unavailable}, signed out ${tally.signedOut}, other errors ${tally.otherErrors}; progress mismatches ${v.progressMismatches}; server RSS ${(appA.rss() / 1048576).toFixed(0)} MB`,
      ...tally.samples,
      ...v.notes,
    ]);
  }

  // --- 2. Crash (kill -9 mid-run) ---------------------------------------------------------------
  if (wanted("crash")) {
    const n = Math.max(10, Math.round(N / 2));
    const cohort = await addCohort(db, "crash", n, 3);
    const tally = new Tally();
    const clients = cohortClients(cohort.clients, tally, [appA.url], SECONDS.crash);
    await signInAll(clients);
    resetDeadlines(clients, SECONDS.crash);
    const running = Promise.all(clients.map((c) => c.run()));
    await sleep((SECONDS.crash * 1000) / 3);
    await appA.crash();
    const downAt = Date.now();
    appA = await start(PORT);
    const downFor = (Date.now() - downAt) / 1000;
    await running;
    tally.recorder.stop();
    const v = await verifyReports(databaseUrl, allReports(clients));
    const pass = v.lost === 0 && v.doubled === 0 && v.progressMismatches === 0 && tally.signedOut === 0 && v.acknowledged > 0;
    report(pass ? "PASS" : "FAIL", "crash", verdictText(v, tally), [
      `${n} clients; kill -9 of the whole server tree after ${(SECONDS.crash / 3).toFixed(0)} s, back after ${downFor.toFixed(1)} s; connection failures while down ${tally.network} (retried with the same keys); signed out ${tally.signedOut}; progress mismatches ${v.progressMismatches}`,
      ...tally.samples,
      ...v.notes,
    ]);
  }

  // --- 3. Database restart ------------------------------------------------------------------------
  if (wanted("db-restart")) {
    if (!cluster) {
      report("SKIP", "db-restart", "LOADTEST_DATABASE_URL was given without LOADTEST_PG_CTL (the data directory for pg_ctl), so the database cannot be restarted here.");
    } else {
      const n = Math.max(10, Math.round(N / 2));
      const cohort = await addCohort(db, "dbrestart", n, 3);
      const tally = new Tally();
      const clients = cohortClients(cohort.clients, tally, [appA.url], SECONDS.db);
      await signInAll(clients);
      resetDeadlines(clients, SECONDS.db);
      const running = Promise.all(clients.map((c) => c.run()));
      await sleep((SECONDS.db * 1000) / 3);
      const before = { ok: tally.ok, unavailable: tally.unavailable, signedOut: tally.signedOut, other: tally.otherErrors };
      cluster.stop("fast");
      const stoppedAt = Date.now();
      await sleep(SECONDS.outage * 1000);
      cluster.start();
      const outage = (Date.now() - stoppedAt) / 1000;
      const during = { unavailable: tally.unavailable - before.unavailable, signedOut: tally.signedOut - before.signedOut, other: tally.otherErrors - before.other };
      // Pools reconnect on their next use; allow a few seconds before failures count as "after".
      tally.recoveredAt = Date.now() + 5_000;
      await running;
      tally.recorder.stop();
      const stillIn = await mapLimit(clients, 8, (c) => c.stillSignedIn());
      const signedOutAfter = stillIn.filter((ok) => !ok).length;
      const v = await verifyReports(databaseUrl, allReports(clients));
      const pass =
        v.lost === 0 && v.doubled === 0 && v.progressMismatches === 0 && tally.signedOut === 0 && during.other === 0 && tally.afterRecoveryFailures === 0 && signedOutAfter === 0 && v.acknowledged > 0;
      report(pass ? "PASS" : "FAIL", "db-restart", verdictText(v, tally), [
        `${n} clients; database stopped for ${outage.toFixed(1)} s after ${(SECONDS.db / 3).toFixed(0)} s; during the outage: 503 ${during.unavailable}, signed-out answers (401 / redirect to sign-in) ${during.signedOut}, other failures ${during.other}`,
        `signed-out answers over the whole run ${tally.signedOut}; failures after recovery ${tally.afterRecoveryFailures}; clients whose cookie no longer works afterwards ${signedOutAfter} of ${n}`,
        ...tally.samples,
        ...v.notes,
      ]);
    }
  }

  // --- 4. Two instances on one database ------------------------------------------------------------
  if (wanted("two-instances")) {
    const appB = await start(PORT + 1);
    try {
      const bases = [appA.url, appB.url];
      const notes: string[] = [];
      let ok = true;
      const check = (passed: boolean, text: string) => {
        notes.push(`${passed ? "ok  " : "FAIL"} ${text}`);
        if (!passed) ok = false;
      };

      // Sessions: signed in on one instance, valid on the other.
      const cohort = await addCohort(db, "two", Math.max(10, Math.round(N / 4)), 3);
      const victim = cohort.clients.pop() as (typeof cohort.clients)[number];
      const tally = new Tally();
      const clients = cohortClients(cohort.clients, tally, bases, SECONDS.load);
      const crossed = await mapLimit(cohort.clients.slice(0, 6), 3, async (account, i) => {
        const b = new Browser(bases[i % 2] as string);
        if (!(await b.signIn(account.email, LOADTEST_PASSWORD)).ok) return false;
        const other = bases[(i + 1) % 2] as string;
        const page = await b.request("/client", { base: other });
        const list = await b.trpcQuery("reading.list", undefined, other);
        return page.ok && list.ok;
      });
      check(crossed.every(Boolean), `sessions: a sign-in on one instance is valid on the other (${crossed.filter(Boolean).length}/${crossed.length})`);

      // Sign-in throttling: failures on both instances count together toward the lock-out.
      for (let i = 0; i < 5; i++) await new Browser(bases[i % 2] as string).signIn(victim.email, "wrong password, attempt " + i);
      const lockedRow = await db.user.findUnique({ where: { id: victim.id }, select: { lockedUntil: true } });
      const rightOnA = await new Browser(appA.url).signIn(victim.email, LOADTEST_PASSWORD);
      const rightOnB = await new Browser(appB.url).signIn(victim.email, LOADTEST_PASSWORD);
      check(Boolean(lockedRow?.lockedUntil) && !rightOnA.ok && !rightOnB.ok, `throttling: 5 failed sign-ins alternating A/B lock the account on both (locked ${Boolean(lockedRow?.lockedUntil)}, correct password refused on A ${!rightOnA.ok}, on B ${!rightOnB.ok})`);

      // Invitation accepted once only when raced across both.
      const therapist = cohort.therapists[0] as (typeof cohort.therapists)[number];
      const token = generateToken();
      const email = `two-invite-${crypto.randomBytes(3).toString("hex")}@loadtest.test`;
      await db.invitation.create({
        data: { tokenHash: hashToken(token), email, name: "Raced Invite", role: "CLIENT", invitedById: therapist.id, therapistId: therapist.id, expiresAt: new Date(Date.now() + 86_400_000) },
      });
      const invitePassword = "a raced invitation passphrase";
      const races = await Promise.all(Array.from({ length: 8 }, (_, i) => new Browser(bases[i % 2] as string).trpcMutation("invite.accept", { token, password: invitePassword })));
      const winners = races.filter((r) => r.ok).length;
      const newUsers = await db.user.findMany({ where: { email }, select: { failedLoginCount: true, lockedUntil: true } });
      const accepted = await db.invitation.findFirst({ where: { email }, select: { acceptedAt: true } });
      const afterA = await new Browser(appA.url).signIn(email, invitePassword);
      const afterB = await new Browser(appB.url).signIn(email, invitePassword);
      const newUser = newUsers[0];
      check(
        winners === 1 && newUsers.length === 1 && Boolean(accepted?.acceptedAt) && newUser?.failedLoginCount === 0 && !newUser?.lockedUntil && afterA.ok && afterB.ok,
        `invitation: 8 parallel accepts across A/B → ${winners} accepted (want 1), ${newUsers.length} account(s), failed sign-ins counted ${newUser?.failedLoginCount ?? "–"}, locked ${Boolean(newUser?.lockedUntil)}, new password works on A ${afterA.ok} / B ${afterB.ok}; losers answered ${[...new Set(races.filter((r) => !r.ok).map((r) => r.status))].join(",") || "–"}`,
      );

      // Idempotency: the same report sent 10 times at once to both instances is stored once.
      const sender = clients[0] as SimClient;
      await signInAll(clients);
      const burstKey = crypto.randomUUID();
      const burstAssignment = sender.account.assignments[sender.account.assignments.length - 1] as string;
      const burst = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          sender.browser.request("/api/reading/progress", {
            base: bases[i % 2],
            method: "POST",
            body: JSON.stringify({ assignmentId: burstAssignment, progress: 55, key: burstKey }),
            headers: { "content-type": "application/json" },
          }),
        ),
      );
      const burstStored = await db.readingEvent.count({ where: { assignmentId: burstAssignment, idempotencyKey: burstKey } });
      const recordedTrue = burst.filter((r) => r.ok && (JSON.parse(r.body) as { recorded?: boolean }).recorded).length;
      check(burst.every((r) => r.ok) && burstStored === 1 && recordedTrue === 1, `idempotency: one report ×10 in parallel across A/B → ${burst.filter((r) => r.ok).length}/10 acknowledged, recorded ${recordedTrue}, stored ${burstStored}`);
      sender.account.assignments.pop();

      // And a short mixed load with every request alternating between the two.
      resetDeadlines(clients, SECONDS.load / 2);
      await Promise.all(clients.map((c) => c.run()));
      tally.recorder.stop();
      const v = await verifyReports(databaseUrl, allReports(clients));
      check(v.lost === 0 && v.doubled === 0 && v.progressMismatches === 0 && tally.signedOut + tally.otherErrors === 0, `alternating load: ${clients.length} clients, every request to the other instance than the last`);
      report(ok ? "PASS" : "FAIL", "two-instances", verdictText(v, tally), [...notes, ...tally.samples, ...v.notes]);
    } finally {
      await appB.stop();
    }
  }
} finally {
  await appA.stop();
  await db.$disconnect();
  cluster?.destroy();
}

console.log("");
for (const r of results) console.log(r.line);
const failed = results.filter((r) => r.status === "FAIL").length;
console.log(failed ? `\n${failed} scenario(s) failed.` : "\nAll scenarios passed.");
process.exit(failed ? 1 : 0);
