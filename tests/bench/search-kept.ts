// npx tsx tests/bench/search-kept.ts <database> [iterations]: the bench's five in-process search cases
// (tests/bench/inprocess.ts, same words, same therapist bt1) on a database kept by seed-keep.ts.
import "../harness/server-only-shim";
import { percentile } from "../harness/stats";
import { libraryVocabulary } from "./seed";
import { createPrismaClient } from "../../server/db/client";
const url = `postgresql://haven:haven@127.0.0.1:5432/${process.argv[2] ?? ""}`;
const iterations = Number(process.argv[3] ?? 100);
process.env.DATABASE_URL ??= url;
const { createCaller } = await import("../../server/routers/_app");
const { createInnerContext } = await import("../../server/trpc/init");
const db = createPrismaClient(url, { poolSize: 4 });
const therapist = createCaller(createInnerContext({ user: { id: "bt1", email: "bench-therapist-1@bench.test", name: "Therapist 1", role: "THERAPIST" }, db } as never));
const common = libraryVocabulary().slice(0, 40).filter((w) => w.length >= 6);
const word = (i: number) => common[i % common.length] as string;
const typo = (w: string) => w.slice(0, Math.floor(w.length / 2)) + w.slice(Math.floor(w.length / 2) + 1);
let deepCursor: string | null = null;
for (let page = 0; page < 10; page++) {
  const result = await therapist.library.search({ q: word(0), sort: "newest", cursor: deepCursor, limit: 20 });
  if (!result.nextCursor) break;
  deepCursor = result.nextCursor;
}
const cases: [string, (i: number) => Promise<unknown>][] = [
  ["search: one word", (i) => therapist.library.search({ q: word(i) })],
  ["search: two words", (i) => therapist.library.search({ q: `${word(i)} ${word(i + 7)}` })],
  ["search: typo", (i) => therapist.library.search({ q: typo(word(i)) })],
  ["search: with filters", (i) => therapist.library.search({ q: word(i), kinds: ["ARTICLE", "EXERCISE"], audiences: ["CLIENT", "ANYONE"], length: "medium", contentNote: "without" })],
  ["search: deep page", () => therapist.library.search({ q: word(0), sort: "newest", cursor: deepCursor, limit: 20 })],
];
for (const [name, run] of cases) {
  for (let i = 0; i < 10; i++) await run(i);
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) { const t = performance.now(); await run(i); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(`${name.padEnd(24)} p50 ${percentile(times, 50).toFixed(1).padStart(7)}  p95 ${percentile(times, 95).toFixed(1).padStart(7)}`);
}
await db.$disconnect();
process.exit(0);
