import "server-only";
import { getDb } from "../db";
import { recordOpen } from "../services/tracking/events";

/**
 * The reading page's server-side open, on the app's database: pages never hold a Prisma client
 * themselves, and services stay free of the per-process client (CLIs and tests pass their own).
 */
export function recordPageOpen(input: { assignmentId: string; clientId: string }) {
  return recordOpen(getDb(), input);
}
