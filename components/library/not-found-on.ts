import { TRPCError } from "@trpc/server";
import { notFound } from "next/navigation";

/** A missing or invisible row (or a malformed id/slug in the URL) renders the 404 page. */
export function notFoundOnMissing(error: unknown): never {
  if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
  throw error;
}
