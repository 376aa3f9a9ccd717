// npm run bench — speed figures for the paths that must stay fast, reported as ratios measured in
// one run (these machines are shared and noisy: absolute times vary, ratios much less).
// Database: an in-memory PGlite by default; BENCH_DATABASE_URL=postgresql://… (a server) for real figures.
//   BENCH_AUDIT_ROWS (default 200000; 1000000 for the "million rows" check)
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "../../server/db/client";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations } from "../../server/db/migrations";
import { librarySearchInput } from "../../server/schemas/library";
import { pageAuditEvents } from "../../server/services/audit-log";
import { encodeCursor } from "../../server/services/keyset";
import { importLibraryFolder } from "../../server/services/library-import";
import { searchLibrary } from "../../server/services/library-search";
import { hashPassword } from "../../server/services/passwords";
import { reportProgress } from "../../server/services/tracking";

const AUDIT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 200_000);
const REPEATS = 7;

async function median(run: () => Promise<unknown>, repeats = REPEATS): Promise<number> {
  await run(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

async function database(): Promise<{ url: string; stop: () => Promise<void>; label: string }> {
  const server = process.env.BENCH_DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres({ dataDir: null });
    return { url: embedded.url, stop: embedded.stop, label: "embedded PGlite (in memory)" };
  }
  const name = `haven_bench_${crypto.randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    label: `PostgreSQL server (${url.host})`,
    stop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const target = await database();
console.log(`Haven benchmarks on ${target.label}\n`);
await deployMigrations(target.url);
const db = createPrismaClient(target.url, { poolSize: 4 });

try {
  // --- Library search --------------------------------------------------------------------------
  await importLibraryFolder(db, path.resolve(import.meta.dirname, "../../prisma/library"));
  const passwordHash = await hashPassword("bench password");
  const therapist = await db.user.create({ data: { email: "bench-therapist@example.test", name: "Bench", role: "THERAPIST", passwordHash } });
  const client = await db.user.create({ data: { email: "bench-client@example.test", name: "Client", role: "CLIENT", passwordHash } });
  await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });
  const viewer = { id: therapist.id, role: "THERAPIST" as const };
  const search = (q: string) => searchLibrary(db, viewer, librarySearchInput.parse({ q }));
  const browse = await median(() => search(""));
  const exact = await median(() => search("anxious attachment"));
  const prefix = await median(() => search("self-compass"));
  const typo = await median(() => search("avoidnt"));
  console.log("Library search (32 resources), median of 7:");
  console.log(`  browse, no query        ${fmt(browse)}`);
  console.log(`  "anxious attachment"    ${fmt(exact)}  (${ratio(exact, browse)} browse)`);
  console.log(`  "self-compass" (prefix) ${fmt(prefix)}  (${ratio(prefix, browse)} browse)`);
  console.log(`  "avoidnt" (typo)        ${fmt(typo)}  (${ratio(typo, browse)} browse)\n`);

  // --- Tracking write path ---------------------------------------------------------------------
  const resource = await db.resource.findFirstOrThrow({ select: { id: true } });
  const assignment = await db.assignment.create({ data: { therapistId: therapist.id, clientId: client.id, resourceId: resource.id } });
  const REPORTS = 200;
  const trackingStart = performance.now();
  for (let i = 0; i < REPORTS; i++) {
    await reportProgress(db, { assignmentId: assignment.id, clientId: client.id, progress: (i % 100) + 1, key: crypto.randomUUID() });
  }
  const trackingMs = (performance.now() - trackingStart) / REPORTS;
  const plainStart = performance.now();
  for (let i = 0; i < REPORTS; i++) {
    await db.assignment.update({ where: { id: assignment.id }, data: { lastActivityAt: new Date() }, select: { id: true } });
  }
  const plainMs = (performance.now() - plainStart) / REPORTS;
  console.log(`Tracking: ${REPORTS} progress reports (lock + idempotent event + monotonic summary, one transaction):`);
  console.log(`  per report ${fmt(trackingMs)}; a bare single-row UPDATE ${fmt(plainMs)}; ratio ${ratio(trackingMs, plainMs)}\n`);

  // --- Audit keyset pagination -----------------------------------------------------------------
  const fill = performance.now();
  await db.$executeRawUnsafe(`
    INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorRole", "action", "targetType", "targetId")
    SELECT 'bench' || lpad(g::text, 8, '0'),
           now() - (g || ' seconds')::interval,
           CASE WHEN g % 50 = 0 THEN '${therapist.id}' ELSE NULL END,
           CASE WHEN g % 50 = 0 THEN 'THERAPIST'::"Role" ELSE NULL END,
           (ARRAY['auth.sign_in','client_data.viewed','assignment.created','resource.edited'])[1 + g % 4],
           'User', 'target' || (g % 997)
    FROM generate_series(1, ${AUDIT_ROWS}) g`);
  await db.$executeRawUnsafe(`ANALYZE "AuditEvent"`);
  console.log(`Audit trail: ${AUDIT_ROWS.toLocaleString("en")} rows inserted in ${(performance.now() - fill) / 1000 | 0} s`);
  const deepRow = await db.auditEvent.findFirstOrThrow({ orderBy: [{ at: "desc" }, { id: "desc" }], skip: Math.floor(AUDIT_ROWS * 0.9), select: { at: true, id: true } });
  const deepCursor = encodeCursor(deepRow);
  const first = await median(() => pageAuditEvents(db, {}, { limit: 50 }));
  const deep = await median(() => pageAuditEvents(db, {}, { cursor: deepCursor, limit: 50 }));
  const offset = await median(
    () => db.auditEvent.findMany({ orderBy: [{ at: "desc" }, { id: "desc" }], skip: Math.floor(AUDIT_ROWS * 0.9), take: 50, select: { id: true } }),
    3,
  );
  const byActor = await median(() => pageAuditEvents(db, { actorId: therapist.id }, { limit: 50 }));
  // Rows are one second apart, so this is the older half of the log.
  const midpoint = new Date(Date.now() - (AUDIT_ROWS / 2) * 1000);
  const byActorOld = await median(() => pageAuditEvents(db, { actorId: therapist.id, at: { lt: midpoint } }, { limit: 50 }));
  console.log("  page of 50, median:");
  console.log(`  newest page                 ${fmt(first)}`);
  console.log(`  page at 90% depth (keyset)  ${fmt(deep)}  (${ratio(deep, first)} the newest page)`);
  console.log(`  same depth with OFFSET      ${fmt(offset)}  (${ratio(offset, deep)} keyset) — why Haven never uses OFFSET`);
  console.log(`  filtered by one actor       ${fmt(byActor)}`);
  console.log(`  one actor, older half only  ${fmt(byActorOld)}`);
} finally {
  await db.$disconnect();
  await target.stop();
}
process.exit(0);
