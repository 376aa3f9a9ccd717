import { AppError, isAppError } from "./app-error";
import { Prisma } from "./generated/prisma/client";

/**
 * The one table that turns database errors into AppErrors (server/app-error.ts says what each
 * code looks like to a caller). P2002 unique violation → CONFLICT; record not found → NOT_FOUND;
 * an unreachable database → SERVICE_UNAVAILABLE. Anything else is left to the generic handler.
 */
export function mapDatabaseError(error: unknown): AppError | null {
  if (isDatabaseUnavailable(error)) return new AppError("SERVICE_UNAVAILABLE", undefined, { cause: error });
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    switch (error.code) {
      case "P2002":
        return new AppError("CONFLICT", "That already exists.", { cause: error });
      case "P2025":
      case "P2001":
      case "P2015":
      case "P2018":
        return new AppError("NOT_FOUND", "We couldn't find that.", { cause: error });
      case "P2003":
        return new AppError("BAD_REQUEST", "That refers to something that doesn't exist.", { cause: error });
      case "P2034":
        return new AppError("CONFLICT", "Something else changed this at the same moment. Please try again.", { cause: error });
      default:
        return null;
    }
  }
  return null;
}

/** Any error as an AppError: itself, a mapped database error, or INTERNAL (whose detail stays in the log). */
export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return mapDatabaseError(error) ?? new AppError("INTERNAL", undefined, { cause: error });
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// Prisma: can't reach (P1001), timed out (P1002, P1008), connection closed (P1017), pool timeout (P2024).
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
// @prisma/adapter-pg's driver error kinds for the same situations.
const UNAVAILABLE_DRIVER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
// Node sockets and PostgreSQL SQLSTATEs: shutting down (57P01–57P03), connection exceptions
// (class 08), too many connections (53300).
const UNAVAILABLE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "57P01", "57P02", "57P03", "53300"]);
// What pg, pg-pool and PGlite say when the connection is gone (plain Errors without a code).
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Connection terminated due to connection timeout|PGlite is closed|Can't reach database server|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * True when the error means "the database could not be asked" rather than "the database said
 * no": the caller should see 503 SERVICE_UNAVAILABLE and try again, never a sign-in prompt.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const value = current as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: unknown };
    if (isAppError(current)) return current.code === "SERVICE_UNAVAILABLE";
    if (current instanceof Prisma.PrismaClientInitializationError) return true;
    if (typeof value.code === "string") {
      if (current instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(value.code)) return true;
      if (UNAVAILABLE_CODES.has(value.code) || /^08/.test(value.code)) return true;
    }
    if (typeof value.kind === "string" && UNAVAILABLE_DRIVER_KINDS.has(value.kind)) return true;
    if (typeof value.message === "string" && UNAVAILABLE_MESSAGE.test(value.message)) return true;
    queue.push(value.cause);
    const meta = value.meta as { driverAdapterError?: unknown } | undefined;
    if (meta && typeof meta === "object") queue.push(meta.driverAdapterError);
  }
  return false;
}
