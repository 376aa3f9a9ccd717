import { TRPCError } from "@trpc/server";
import { Prisma } from "./generated/prisma/client";

/**
 * The one table that turns database errors into user-facing tRPC errors.
 * P2002 unique violation → CONFLICT; P2025/P2001 record not found → NOT_FOUND.
 */
export function mapDatabaseError(error: unknown): TRPCError | null {
  if (error instanceof Prisma.PrismaClientKnownRequestError) {
    switch (error.code) {
      case "P2002":
        return new TRPCError({ code: "CONFLICT", message: "That already exists.", cause: error });
      case "P2025":
      case "P2001":
      case "P2015":
      case "P2018":
        return new TRPCError({ code: "NOT_FOUND", message: "We couldn't find that.", cause: error });
      case "P2003":
        return new TRPCError({ code: "BAD_REQUEST", message: "That refers to something that doesn't exist.", cause: error });
      case "P2034":
        return new TRPCError({ code: "CONFLICT", message: "Something else changed this at the same moment. Please try again.", cause: error });
      default:
        return null;
    }
  }
  return null;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
