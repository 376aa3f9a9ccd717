import type { Prisma, Role } from "../../generated/prisma/client";
import type { AuditAction } from "../../schemas/audit";

/** Who did it and from where; handed down from the tRPC context or the auth callbacks. */
export type AuditActor = {
  actorId: string | null;
  actorRole: Role | null;
  requestId: string | null;
  ip: string | null;
};

export type AuditEntry = {
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  /** Small and non-sensitive: never a password, token or reading content. */
  detail?: Prisma.InputJsonObject;
};

type AuditWriter = { auditEvent: { create: (args: { data: Prisma.AuditEventUncheckedCreateInput }) => Promise<unknown> } };

/** Writes one audit row. Call it with the transaction client of the action it records. */
export async function recordAudit(tx: AuditWriter, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actor.actorId,
      actorRole: actor.actorRole,
      requestId: actor.requestId,
      ip: actor.ip,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId ?? null,
      detail: entry.detail ?? undefined,
    },
  });
}
