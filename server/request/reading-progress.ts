import { z } from "zod";
import { AppError } from "../app-error";
import type { SessionUser } from "../auth";
import type { PrismaClient } from "../generated/prisma/client";
import { readBodyCapped } from "./guards";
import { runRoute } from "./route-handler";
import { entityId, idempotencyKey } from "../schemas/assignment";
import { reportProgress } from "../services/tracking/events";

// POST /api/reading/progress. The browser's progress reports (every few seconds and on page hide, via fetch keepalive or
// sendBeacon) arrive here rather than through tRPC: a beacon is a bare POST that must still
// be same-origin, signed in, small and well-formed.

export const MAX_PROGRESS_BODY_BYTES = 1024;

const progressBody = z.object({
  assignmentId: entityId,
  progress: z.number().int().min(0).max(100),
  key: idempotencyKey,
});

export const PROGRESS_ROUTE = { auth: "CLIENT", origin: "same-origin" } as const;

/**
 * The route's work once the guard (server/route-handler.ts: same origin, signed in as a client)
 * has passed. Errors are thrown as AppErrors; the guard turns them into JSON with a request id.
 */
export async function recordProgressReport(request: Request, user: SessionUser, db: PrismaClient): Promise<Response> {
  // A page closing mid-report can abort the body; nothing to record then.
  const raw = await readBodyCapped(request, MAX_PROGRESS_BODY_BYTES).catch(() => undefined);
  if (raw === undefined) throw new AppError("BAD_REQUEST", "That report didn't arrive whole.");
  if (raw === null) throw new AppError("PAYLOAD_TOO_LARGE", "That report is too large.");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new AppError("BAD_REQUEST", "That report isn't valid JSON.");
  }
  const parsed = progressBody.safeParse(json);
  if (!parsed.success) throw new AppError("BAD_REQUEST", "That report is missing something.");
  const { summary, recorded } = await reportProgress(db, {
    assignmentId: parsed.data.assignmentId,
    clientId: user.id,
    progress: parsed.data.progress,
    key: parsed.data.key,
  });
  return Response.json({ recorded, progress: summary.progress }, { headers: { "cache-control": "no-store" } });
}

/** The whole route with a user already resolved (null = signed out). */
export function handleProgressReport(request: Request, user: SessionUser | null, db: PrismaClient): Promise<Response> {
  return runRoute(request, PROGRESS_ROUTE, (context) => recordProgressReport(request, context.user, context.db), async () => user, db);
}
