import { AppError } from "../../app-error";
import type { PrismaClient } from "../../generated/prisma/client";
import { recordAudit, type AuditActor } from "../audit/record";
import { CLIENT_NOT_FOUND } from "./scope";

/** Ends a therapist's active care of a client: from the next request they no longer see the client's data. History is kept. */
export async function endCare(db: PrismaClient, actor: AuditActor, therapistId: string, clientId: string): Promise<{ ok: true }> {
  await db.$transaction(async (tx) => {
    const ended = await tx.careRelationship.updateMany({
      where: { therapistId, clientId, active: true },
      data: { status: "ENDED", active: null, endedAt: new Date() },
    });
    if (ended.count !== 1) throw new AppError("NOT_FOUND", CLIENT_NOT_FOUND);
    await recordAudit(tx, actor, { action: "care.ended", targetType: "User", targetId: clientId });
  });
  return { ok: true as const };
}
