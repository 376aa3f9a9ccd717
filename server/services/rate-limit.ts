import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient as Db } from "../generated/prisma/client";

// rate-limiter-flexible keeps its counters in the "RateLimit" table (created by a migration),
// queried through Prisma so every app instance shares them and no second pool is opened.
function storeFor(db: Db) {
  return {
    query: async (query: string | { text: string; values?: unknown[] }, values: unknown[] = []) => {
      const text = typeof query === "string" ? query : query.text;
      const params = typeof query === "string" ? values : (query.values ?? values);
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(text, ...params);
      // pg hands bigint columns back as strings; Prisma as BigInt. The library expects numbers.
      return {
        rowCount: rows.length,
        rows: rows.map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "bigint" ? Number(v) : v]))),
      };
    },
  };
}

export type Limiter = {
  /** Counts one attempt; refuses once the window's points are spent. */
  consume: (key: string) => Promise<{ allowed: boolean; retryAfterSeconds: number }>;
  /** Whether the window's points are already spent, without counting anything. */
  isExhausted: (key: string) => Promise<boolean>;
  reset: (key: string) => Promise<void>;
};

export function createLimiter(db: Db, options: { keyPrefix: string; points: number; durationSeconds: number }): Limiter {
  const limiter = new RateLimiterPostgres({
    storeClient: storeFor(db),
    storeType: "pool",
    tableName: "RateLimit",
    tableCreated: true,
    keyPrefix: options.keyPrefix,
    points: options.points,
    duration: options.durationSeconds,
    clearExpiredByTimeout: false,
  });
  return {
    consume: async (key) => {
      try {
        await limiter.consume(key);
        return { allowed: true, retryAfterSeconds: 0 };
      } catch (result) {
        if (result instanceof RateLimiterRes) {
          return { allowed: false, retryAfterSeconds: Math.ceil(result.msBeforeNext / 1000) };
        }
        throw result;
      }
    },
    isExhausted: async (key) => {
      const state = await limiter.get(key);
      return Boolean(state && state.consumedPoints >= options.points);
    },
    reset: async (key) => {
      await limiter.delete(key);
    },
  };
}
