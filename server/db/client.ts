import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

/** A Prisma client over the pg driver adapter: the same code path for PGlite and real PostgreSQL. */
export function createPrismaClient(connectionString: string, options: { poolSize?: number; keepIdleConnections?: boolean } = {}) {
  // keepIdleConnections: the app's own pool keeps the connections it opened (see warmUpDatabase).
  const adapter = new PrismaPg({ connectionString, max: options.poolSize ?? 10, ...(options.keepIdleConnections ? { idleTimeoutMillis: 0 } : {}) });
  // The embedded database runs one statement at a time, so under load a transaction can wait a
  // while for its turn; Prisma's 2 s default would fail it. Generous on a real server too.
  // Errors are not logged here: expected ones (a unique clash retried) are handled, unexpected ones
  // are logged once with the request id by the tRPC error middleware.
  return new PrismaClient({ adapter, log: ["warn"], transactionOptions: { maxWait: 10_000, timeout: 20_000 } });
}
