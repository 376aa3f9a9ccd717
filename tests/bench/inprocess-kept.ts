// npx tsx tests/bench/inprocess-kept.ts <database> [iterations] [case,case…]: the bench's in-process
// cases (tests/bench/inprocess.ts) on a database kept by seed-keep.ts — e.g. size L, seeded once
// (≈ 10 minutes) and measured again after each change. Cases by name part: "search", "home", ….
// The progress case records real reports (it moves bench assignments forward).
import "../harness/server-only-shim";
import { libraryVocabulary } from "./seed";
import { createPrismaClient } from "../../server/db/client";

const name = process.argv[2] ?? "";
if (!/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error("Usage: inprocess-kept.ts <database> [iterations] [case,case…]");
const server = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://haven:haven@127.0.0.1:5432/postgres");
server.pathname = `/${name}`;
const iterations = Math.max(1, Number(process.argv[3] ?? 200));
const parts = process.argv[4]?.split(",").map((p) => p.trim().toLowerCase()).filter(Boolean);
process.env.DATABASE_URL ??= server.toString();
// Loaded after the shim has run: these reach `server-only`.
const { runInProcess } = await import("./inprocess");
const db = createPrismaClient(server.toString(), { poolSize: 4 });
console.log(`In-process cases on ${name}, ${iterations} iterations each (warm):`);
await runInProcess(db, libraryVocabulary(), iterations, console.log, (caseName) => !parts || parts.some((p) => caseName.toLowerCase().includes(p)));
await db.$disconnect();
process.exit(0);
