import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { AuditEventView, AuditFilter } from "../../schemas/audit";
import { afterCursor, decodeCursor, pageOf } from "../keyset";

const DAY_MS = 24 * 60 * 60 * 1000;

const auditEventSelect = {
  id: true,
  at: true,
  actorId: true,
  actorRole: true,
  action: true,
  targetType: true,
  targetId: true,
  requestId: true,
  ip: true,
  detail: true,
  actor: { select: { name: true, email: true } },
} satisfies Prisma.AuditEventSelect;

/** An email or an id, as typed into a filter, to the account id it names (null: nobody). */
async function resolveAccountRef(db: PrismaClient, ref: string): Promise<string | null> {
  if (!ref.includes("@")) return ref;
  const user = await db.user.findUnique({ where: { email: ref.toLowerCase() }, select: { id: true } });
  return user?.id ?? null;
}

/**
 * Turns the screen's filters into a Prisma `where`. Each shape matches an index:
 * (actorId, at), (action, at), (targetType, targetId, at), or (at, id) alone.
 * Returns null when a filter names an account that does not exist (the answer is "no rows").
 */
export async function auditWhere(db: PrismaClient, filter: AuditFilter): Promise<Prisma.AuditEventWhereInput | null> {
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.actor) {
    const actorId = await resolveAccountRef(db, filter.actor);
    if (!actorId) return null;
    where.actorId = actorId;
  }
  if (filter.action) where.action = filter.action;
  if (filter.targetType) where.targetType = filter.targetType;
  if (filter.targetId) {
    const targetId = filter.targetType === "User" || !filter.targetType ? await resolveAccountRef(db, filter.targetId) : filter.targetId;
    if (!targetId) return null;
    where.targetId = targetId;
  }
  if (filter.from || filter.to) {
    where.at = {
      ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00.000Z`) } : {}),
      // `to` is a whole day, included: everything before the next midnight (UTC).
      ...(filter.to ? { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY_MS) } : {}),
    };
  }
  return where;
}

type AuditRow = Prisma.AuditEventGetPayload<{ select: typeof auditEventSelect }>;

/** Adds readable names for account targets, in one query per page. */
async function toViews(db: PrismaClient, rows: AuditRow[]): Promise<AuditEventView[]> {
  const userIds = [...new Set(rows.filter((r) => r.targetType === "User" && r.targetId).map((r) => r.targetId as string))];
  const users = userIds.length
    ? await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
    : [];
  const labelById = new Map(users.map((u) => [u.id, `${u.name} (${u.email})`]));
  return rows.map(({ actor, detail, ...row }) => ({
    ...row,
    actorName: actor?.name ?? null,
    actorEmail: actor?.email ?? null,
    targetLabel: row.targetType === "User" && row.targetId ? (labelById.get(row.targetId) ?? null) : null,
    detail: detail && typeof detail === "object" && !Array.isArray(detail) ? (detail as Record<string, unknown>) : null,
  }));
}

/** One page of audit events, newest first, after `cursor` (keyset on (at, id); never OFFSET). */
export async function pageAuditEvents(
  db: PrismaClient,
  where: Prisma.AuditEventWhereInput | null,
  page: { cursor?: string | null; limit: number },
): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  if (!where) return { items: [], nextCursor: null };
  const rows = await db.auditEvent.findMany({
    where: { AND: [where, afterCursor("at", decodeCursor(page.cursor))] },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    select: auditEventSelect,
  });
  const { items, nextCursor } = pageOf(rows, page.limit, (row) => ({ at: row.at, id: row.id }));
  return { items: await toViews(db, items), nextCursor };
}

/** Events done by or done to one account, newest first (two index-backed queries merged). */
export async function eventsAboutAccount(db: PrismaClient, userId: string, limit = 20): Promise<AuditEventView[]> {
  const [by, about] = await Promise.all([
    db.auditEvent.findMany({ where: { actorId: userId }, orderBy: [{ at: "desc" }, { id: "desc" }], take: limit, select: auditEventSelect }),
    db.auditEvent.findMany({
      where: { targetType: "User", targetId: userId },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: limit,
      select: auditEventSelect,
    }),
  ]);
  const merged = new Map([...by, ...about].map((row) => [row.id, row]));
  const newest = [...merged.values()]
    .sort((a, b) => b.at.getTime() - a.at.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, limit);
  return toViews(db, newest);
}
