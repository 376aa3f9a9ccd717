import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { SessionUser } from "../../auth";
import type { PrismaClient } from "../../generated/prisma/client";
import { isSameOriginRequest, jsonError, readBodyCapped } from "../../http";
import { entityId, idempotencyKey } from "../../schemas/assignment";
import { reportProgress } from "./events";

// The browser's progress reports (every few seconds and on page hide, via fetch keepalive or
// sendBeacon) arrive here rather than through tRPC: a beacon is a bare POST that must still
// be same-origin, signed in, small and well-formed.

export const MAX_PROGRESS_BODY_BYTES = 1024;

const progressBody = z.object({
  assignmentId: entityId,
  progress: z.number().int().min(0).max(100),
  key: idempotencyKey,
});

export async function handleProgressReport(request: Request, user: SessionUser | null, db: PrismaClient): Promise<Response> {
  if (!isSameOriginRequest(request)) return jsonError(403, "FORBIDDEN", "This request didn't come from Haven.");
  if (!user) return jsonError(401, "UNAUTHORIZED", "Please sign in to continue.");
  if (user.role !== "CLIENT") return jsonError(403, "FORBIDDEN", "This part of Haven isn't available to your account.");
  // A page closing mid-report can abort the body; nothing to record then.
  const raw = await readBodyCapped(request, MAX_PROGRESS_BODY_BYTES).catch(() => undefined);
  if (raw === undefined) return jsonError(400, "BAD_REQUEST", "That report didn't arrive whole.");
  if (raw === null) return jsonError(413, "PAYLOAD_TOO_LARGE", "That report is too large.");
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return jsonError(400, "BAD_REQUEST", "That report isn't valid JSON.");
  }
  const parsed = progressBody.safeParse(json);
  if (!parsed.success) return jsonError(400, "BAD_REQUEST", "That report is missing something.");
  try {
    const { summary, recorded } = await reportProgress(db, {
      assignmentId: parsed.data.assignmentId,
      clientId: user.id,
      progress: parsed.data.progress,
      key: parsed.data.key,
    });
    return Response.json({ recorded, progress: summary.progress }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") return jsonError(404, "NOT_FOUND", error.message);
    throw error;
  }
}
