// In-process figures: Haven's own tRPC procedures through createCaller (no HTTP), warm, on the
// seeded database of one size. Percentiles over ≥ 200 iterations per case.
import "../harness/server-only-shim";
import crypto from "node:crypto";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { percentile } from "../harness/stats";
import { BENCH_EMAIL, HEAVY_THERAPIST_ID } from "./seed";

export type CaseResult = { name: string; iterations: number; p50: number; p95: number; p99: number; mean: number };

type Caller = Awaited<ReturnType<typeof callerFactory>>;
async function callerFactory(db: PrismaClient, user: { id: string; email: string; name: string; role: "ADMIN" | "THERAPIST" | "CLIENT" }) {
  const { createCaller } = await import("../../server/routers/_app");
  const { createInnerContext } = await import("../../server/trpc/init");
  return createCaller(createInnerContext({ user, db }));
}

async function measure(name: string, iterations: number, run: (i: number) => Promise<unknown>): Promise<CaseResult> {
  for (let i = 0; i < Math.min(20, iterations); i++) await run(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    await run(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, iterations, p50: percentile(times, 50), p95: percentile(times, 95), p99: percentile(times, 99), mean: times.reduce((a, b) => a + b, 0) / times.length };
}

/** A plausible typo: one letter of a frequent word dropped. */
function typo(word: string) {
  const at = Math.floor(word.length / 2);
  return word.slice(0, at) + word.slice(at + 1);
}

export async function runInProcess(
  db: PrismaClient,
  vocabulary: string[],
  iterations: number,
  log: (line: string) => void,
  only: (caseName: string) => boolean = () => true,
): Promise<CaseResult[]> {
  const therapist: Caller = await callerFactory(db, { id: HEAVY_THERAPIST_ID, email: BENCH_EMAIL("therapist", 1), name: "Therapist 1", role: "THERAPIST" });
  const admin = await db.user.findFirstOrThrow({ where: { role: "ADMIN" }, select: { id: true, email: true, name: true } });
  const adminCaller: Caller = await callerFactory(db, { ...admin, role: "ADMIN" });
  const client: Caller = await callerFactory(db, { id: "bc1", email: BENCH_EMAIL("client", 1), name: "Client 1", role: "CLIENT" });
  const common = vocabulary.slice(0, 40).filter((w) => w.length >= 6);
  const word = (i: number) => common[i % common.length] as string;
  const slugs = (await db.resource.findMany({ where: { id: { startsWith: "br" }, status: "PUBLISHED", ownerId: null }, select: { slug: true }, take: 500 })).map((r) => r.slug);
  const myClients = (await db.careRelationship.findMany({ where: { therapistId: HEAVY_THERAPIST_ID, active: true }, select: { clientId: true }, take: 200 })).map((c) => c.clientId);

  // Progress reports: one recorded write each (a higher value on an assignment of its own).
  const pool = await db.assignment.findMany({
    where: { id: { startsWith: "ba" }, active: true, progress: { lt: 50 } },
    select: { id: true, clientId: true },
    take: iterations + 20,
  });
  const callers = new Map<string, Caller>();
  for (const a of pool) {
    if (!callers.has(a.clientId)) callers.set(a.clientId, await callerFactory(db, { id: a.clientId, email: "x@bench.test", name: "Client", role: "CLIENT" }));
  }

  // Deep page: the cursor after ten pages of a one-word search sorted newest first.
  let deepCursor: string | null = null;
  for (let page = 0; page < 10; page++) {
    const result = await therapist.library.search({ q: word(0), sort: "newest", cursor: deepCursor, limit: 20 });
    if (!result.nextCursor) break;
    deepCursor = result.nextCursor;
  }
  let reportCount = 0;
  const since = new Date(Date.now() - 7 * 86_400_000);

  const cases: [string, (i: number) => Promise<unknown>][] = [
    ["search: one word", (i) => therapist.library.search({ q: word(i) })],
    ["search: two words", (i) => therapist.library.search({ q: `${word(i)} ${word(i + 7)}` })],
    ["search: typo", (i) => therapist.library.search({ q: typo(word(i)) })],
    ["search: with filters", (i) => therapist.library.search({ q: word(i), kinds: ["ARTICLE", "EXERCISE"], audiences: ["CLIENT", "ANYONE"], length: "medium", contentNote: "without" })],
    ["search: deep page", () => therapist.library.search({ q: word(0), sort: "newest", cursor: deepCursor, limit: 20 })],
    ["resource by slug", (i) => therapist.library.bySlug({ slug: slugs[i % slugs.length] as string })],
    ["therapist home", () => therapist.dashboard.therapist({ since })],
    ["client list with engagement", () => therapist.client.list()],
    ["one client's detail", (i) => therapist.client.byId({ id: myClients[i % myClients.length] as string })],
    ["client: my readings", () => client.reading.list()],
    [
      "progress report",
      () => {
        // Warm-up and measured calls each take the next assignment, so every call records.
        const n = reportCount++;
        const a = pool[n % pool.length] as { id: string; clientId: string };
        return (callers.get(a.clientId) as Caller).reading.progress({ id: a.id, progress: 51 + Math.floor(n / pool.length), key: crypto.randomUUID() });
      },
    ],
    ["audit page with filters", (i) => adminCaller.audit.list({ filter: { action: "client_data.viewed", actor: i % 2 ? `bt${1 + (i % 5)}` : undefined }, limit: 50 })],
  ];
  const results: CaseResult[] = [];
  for (const [name, run] of cases) {
    if (!only(name)) continue;
    const result = await measure(name, iterations, run);
    results.push(result);
    log(`    ${name.padEnd(30)} p50 ${result.p50.toFixed(1).padStart(7)} ms   p95 ${result.p95.toFixed(1).padStart(7)} ms   p99 ${result.p99.toFixed(1).padStart(7)} ms`);
  }
  return results;
}
