import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { AccountDetail, AccountRow, CaseloadItem, ClientHistoryItem, StaffInvitation } from "../../schemas/admin";
import { recordAudit, type AuditActor } from "../audit/record";
import { afterCursor, decodeCursor, pageOf } from "../keyset";

const accountRowSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  status: true,
  lastLoginAt: true,
  createdAt: true,
} satisfies Prisma.UserSelect;

/** Accounts, newest first, filtered by role, status and a name/email search; keyset-paginated. */
export async function listAccounts(
  db: PrismaClient,
  input: { role?: AccountRow["role"]; status?: AccountRow["status"]; search?: string; cursor?: string | null; limit: number },
): Promise<{ items: AccountRow[]; nextCursor: string | null }> {
  const filters: Prisma.UserWhereInput = {
    ...(input.role ? { role: input.role } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.search
      ? {
          OR: [
            { name: { contains: input.search, mode: "insensitive" } },
            { email: { contains: input.search.toLowerCase() } },
          ],
        }
      : {}),
  };
  const rows = await db.user.findMany({
    where: { AND: [filters, afterCursor("createdAt", decodeCursor(input.cursor))] },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    select: accountRowSelect,
  });
  return pageOf(rows, input.limit, (row) => ({ at: row.createdAt, id: row.id }));
}

export async function accountDetail(db: PrismaClient, userId: string): Promise<AccountDetail | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { ...accountRowSelect, lockedUntil: true, updatedAt: true },
  });
  if (!user) return null;
  const [activeClientCount, sharedResourceCount, activeAdminCount] = await Promise.all([
    db.careRelationship.count({ where: { therapistId: userId, active: true } }),
    db.resource.count({ where: { ownerId: userId, visibility: "SHARED" } }),
    db.user.count({ where: { role: "ADMIN", status: "ACTIVE" } }),
  ]);
  return { ...user, activeClientCount, sharedResourceCount, activeAdminCount };
}

/** Pending therapist and admin invitations (clients are invited by their therapists). */
export async function listStaffInvitations(db: PrismaClient): Promise<StaffInvitation[]> {
  const rows = await db.invitation.findMany({
    where: { role: { in: ["THERAPIST", "ADMIN"] }, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
    select: { id: true, email: true, name: true, role: true, createdAt: true, expiresAt: true, invitedBy: { select: { name: true } } },
  });
  return rows.map(({ invitedBy, ...row }) => ({ ...row, invitedByName: invitedBy.name }));
}

/**
 * A client's reading history across every therapist they have had, for an admin. Reading it is a
 * read of client data, so it is audited (client_data.viewed) before anything is returned.
 */
export async function clientHistoryForAdmin(db: PrismaClient, actor: AuditActor, clientId: string): Promise<ClientHistoryItem[] | null> {
  const client = await db.user.findFirst({ where: { id: clientId, role: "CLIENT" }, select: { id: true } });
  if (!client) return null;
  const rows = await db.$transaction(async (tx) => {
    const history = await tx.assignment.findMany({
      where: { clientId },
      orderBy: [{ assignedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: {
        id: true,
        assignedAt: true,
        withdrawnAt: true,
        firstOpenedAt: true,
        lastOpenedAt: true,
        openCount: true,
        progress: true,
        completedAt: true,
        resource: { select: { title: true } },
        therapist: { select: { name: true } },
      },
    });
    // An empty history showed no client data: nothing to audit.
    if (history.length > 0) {
      await recordAudit(tx, actor, { action: "client_data.viewed", targetType: "User", targetId: clientId, detail: { view: "reading_history" } });
    }
    return history;
  });
  return rows.map(({ resource, therapist, ...row }) => ({ ...row, resourceTitle: resource.title, therapistName: therapist.name }));
}

/** A therapist's clients, past and present (names are client data: audited). */
export async function caseloadForAdmin(db: PrismaClient, actor: AuditActor, therapistId: string): Promise<CaseloadItem[] | null> {
  const therapist = await db.user.findFirst({ where: { id: therapistId, role: "THERAPIST" }, select: { id: true } });
  if (!therapist) return null;
  const rows = await db.$transaction(async (tx) => {
    const relationships = await tx.careRelationship.findMany({
      where: { therapistId },
      orderBy: [{ startedAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, status: true, startedAt: true, endedAt: true, client: { select: { id: true, name: true, status: true } } },
    });
    // A caseload with nobody in it showed no client data: nothing to audit.
    if (relationships.length > 0) await recordAudit(tx, actor, {
      action: "client_data.viewed",
      targetType: "User",
      targetId: therapistId,
      detail: { view: "caseload", clients: relationships.length },
    });
    return relationships;
  });
  const counts = await db.assignment.groupBy({
    by: ["clientId"],
    where: { therapistId, clientId: { in: rows.map((row) => row.client.id) } },
    _count: { _all: true },
  });
  const countByClient = new Map(counts.map((row) => [row.clientId, row._count._all]));
  return rows.map((row) => ({
    relationshipId: row.id,
    clientId: row.client.id,
    clientName: row.client.name,
    clientStatus: row.client.status,
    careStatus: row.status,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    assignmentCount: countByClient.get(row.client.id) ?? 0,
  }));
}

/** The signed-in person's own account, for "who am I?"; null if it no longer exists. */
export function ownAccount(db: PrismaClient, userId: string) {
  return db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true } });
}
