// npx tsx tests/bench/seed-keep.ts <S|M|L> <database>  — seeds the bench's synthetic data (demo seed
// plus seedSynthetic) into a database of that name on the local server (recreated; BENCH_DATABASE_URL
// for another server) and KEEPS it, for EXPLAIN (ANALYZE, BUFFERS) and repeated measurements.
// Drop it yourself afterwards. `npm run bench` seeds throwaway databases instead.
import "../harness/server-only-shim";
import pg from "pg";
import { seedSynthetic, SIZES, type Size } from "./seed";

const size = (process.argv[2] ?? "M").toUpperCase() as Size["name"];
const name = process.argv[3] ?? "";
if (!SIZES[size] || !/^[a-z][a-z0-9_]{0,40}$/.test(name)) throw new Error("Usage: seed-keep.ts <S|M|L> <database name, lower case>");
const server = new URL(process.env.BENCH_DATABASE_URL ?? "postgresql://haven:haven@127.0.0.1:5432/postgres");
const admin = new pg.Client({ connectionString: server.toString() });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
await admin.query(`CREATE DATABASE ${name}`);
await admin.end();
const url = new URL(server);
url.pathname = `/${name}`;
process.env.DATABASE_URL ??= url.toString();
// Loaded after the shim has run: these reach `server-only`.
const { deployMigrations } = await import("../../server/db/migrations");
const { createPrismaClient } = await import("../../server/db/client");
const { seedDemo } = await import("../../server/services/seed/demo");
const { hashPassword } = await import("../../server/services/accounts/passwords");
await deployMigrations(url.toString());
const db = createPrismaClient(url.toString(), { poolSize: 2 });
await seedDemo(db);
await db.$disconnect();
const seeded = await seedSynthetic(url.toString(), SIZES[size], await hashPassword("bench-kept-database"));
console.log(`Seeded ${name} (${size}) in ${seeded.seconds.toFixed(0)} s; kept. Drop it with DROP DATABASE ${name}.`);
process.exit(0);
