import { AppError } from "../app-error";
import type { PrismaClient } from "../generated/prisma/client";

// "Keep my readings on this device": a client's opt-in (off by default) and the list of pages the
// service worker (public/sw.js) keeps for reading offline. Only the client's own, non-withdrawn
// assignments, and nothing at all while the option is off.

/** Enough for every reading a client is likely to open offline, bounded so the device copy stays small. */
export const MAX_OFFLINE_READINGS = 60;

export async function offlineReadingState(db: PrismaClient, clientId: string): Promise<{ enabled: boolean }> {
  const row = await db.user.findUnique({ where: { id: clientId }, select: { offlineReading: true } });
  return { enabled: row?.offlineReading ?? false };
}

export async function setOfflineReading(db: PrismaClient, clientId: string, enabled: boolean): Promise<{ enabled: boolean }> {
  const { count } = await db.user.updateMany({ where: { id: clientId }, data: { offlineReading: enabled } });
  if (count !== 1) throw new AppError("NOT_FOUND", "We couldn't find your account. Please sign in again.");
  return { enabled };
}

/** The pages to keep: "My readings" and each assigned reading (past its content note too). Newest first. */
export async function offlinePages(db: PrismaClient, clientId: string): Promise<{ urls: string[] }> {
  const { enabled } = await offlineReadingState(db, clientId);
  if (!enabled) return { urls: [] };
  const rows = await db.assignment.findMany({
    where: { clientId, active: true },
    orderBy: { assignedAt: "desc" },
    take: MAX_OFFLINE_READINGS,
    select: { id: true, resource: { select: { contentNote: true } } },
  });
  const urls = ["/client"];
  for (const row of rows) {
    urls.push(`/client/readings/${row.id}`);
    if (row.resource.contentNote) urls.push(`/client/readings/${row.id}?ready=1`);
  }
  return { urls };
}
