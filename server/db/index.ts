import "server-only";
import type { PrismaClient } from "../generated/prisma/client";
import { createPrismaClient } from "./client";
import { env } from "../env";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { havenPrisma?: PrismaClient };

/** One client per process (kept across hot reloads in development). */
export function getDb(): PrismaClient {
  if (!globalForPrisma.havenPrisma) {
    const config = env();
    globalForPrisma.havenPrisma = createPrismaClient(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE, keepIdleConnections: true });
  }
  return globalForPrisma.havenPrisma;
}

/**
 * Called once at server start (instrumentation.ts), outside any request. Node's async context
 * (AsyncLocalStorage, which Next.js and Haven use per request) sticks to whatever is created while
 * a request runs: a module loaded lazily by the first query (Prisma's query compiler, pg) or a pool
 * connection opened then keeps that request's context alive for the life of the process — and
 * through Next.js's per-request abort errors and Node's immediate queue, each kept request keeps
 * others: the heap grew by ≈ 130 KB per page view without bound (README "Performance"). So the
 * query compiler is loaded and the pool's connections are opened here, and the pool keeps them.
 */
export async function warmUpDatabase(): Promise<void> {
  const db = getDb();
  const size = env().DATABASE_POOL_SIZE;
  await Promise.all(Array.from({ length: size }, () => db.$queryRaw`SELECT 1`));
}

/** Tests hand in a client for their own database. */
export function setDbForTests(client: PrismaClient) {
  globalForPrisma.havenPrisma = client;
}
