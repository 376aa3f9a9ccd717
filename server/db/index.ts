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
    globalForPrisma.havenPrisma = createPrismaClient(config.DATABASE_URL, { poolSize: config.DATABASE_POOL_SIZE });
  }
  return globalForPrisma.havenPrisma;
}

/** Tests hand in a client for their own database. */
export function setDbForTests(client: PrismaClient) {
  globalForPrisma.havenPrisma = client;
}
