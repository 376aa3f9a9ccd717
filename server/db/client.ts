import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client";

/** A Prisma client over the pg driver adapter: the same code path for PGlite and real PostgreSQL. */
export function createPrismaClient(connectionString: string, options: { poolSize?: number; logQueries?: boolean } = {}) {
  const adapter = new PrismaPg({ connectionString, max: options.poolSize ?? 10 });
  return new PrismaClient({ adapter, log: ["error"] });
}
