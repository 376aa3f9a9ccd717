import { z } from "zod";
import { AppError } from "../app-error";
import { sessionUserFromClaims, unverifiedSessionClaims, type SessionUser } from "../auth";
import { noteRequestUser } from "../ops/request-context";
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
  const report = await parseReport(request);
  return progressAnswer(await reportProgress(db, { ...report, clientId: user.id }));
}

function progressAnswer({ recorded, summary }: Awaited<ReturnType<typeof reportProgress>>): Response {
  return Response.json({ recorded, progress: summary.progress }, { headers: { "cache-control": "no-store" } });
}

async function parseReport(request: Request): Promise<{ assignmentId: string; progress: number; key: string }> {
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
  return parsed.data;
}

/**
 * The route. Its fast path (a client's ordinary session cookie): the account check — active, a
 * client, sessions not revoked — runs inside the report's own statement, one database round trip
 * instead of two; the answers are the guard's (403 cross-site, 401 signed out or revoked, 400, 404,
 * 413, 503). Anything else (no cookie, another role, a chunked cookie) takes the guard's usual path.
 */
export async function progressRoute(request: Request): Promise<Response> {
  const claims = await unverifiedSessionClaims(request.headers);
  if (!claims || claims === "other" || claims.role !== "CLIENT") {
    return runRoute(request, PROGRESS_ROUTE, ({ user, db }) => recordProgressReport(request, user, db));
  }
  return runRoute(request, { auth: "none", origin: "same-origin" }, async ({ db }) => {
    let report: Awaited<ReturnType<typeof parseReport>>;
    try {
      report = await parseReport(request);
    } catch (error) {
      // A bad report from a revoked session is still "signed out" first, as on the guard's path.
      if (!(await sessionUserFromClaims(claims))) throw new AppError("UNAUTHORIZED");
      throw error;
    }
    // A revoked or deactivated session: the statement records nothing and throws UNAUTHORIZED.
    const answer = progressAnswer(await reportProgress(db, { ...report, clientId: claims.id, session: claims }));
    noteRequestUser(claims.id);
    return answer;
  });
}

/** The whole route with a user already resolved (null = signed out). */
export function handleProgressReport(request: Request, user: SessionUser | null, db: PrismaClient): Promise<Response> {
  return runRoute(request, PROGRESS_ROUTE, (context) => recordProgressReport(request, context.user, context.db), async () => user, db);
}
