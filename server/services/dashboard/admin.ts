import type { PrismaClient } from "../../generated/prisma/client";
import type { Overview } from "../../schemas/admin";

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** System counts for the admin overview. Counts only: no names, no client data. */
export async function systemOverview(db: PrismaClient, now = new Date()): Promise<Overview> {
  const since = new Date(now.getTime() - WEEK_MS);
  const [users, resources, activeAssignments, opensLast7Days, completionsLast7Days] = await Promise.all([
    db.user.groupBy({ by: ["role", "status"], _count: { _all: true }, orderBy: [{ role: "asc" }, { status: "asc" }] }),
    db.resource.groupBy({ by: ["status", "visibility", "ownerId"], _count: { _all: true } }),
    db.assignment.count({ where: { active: true } }),
    db.readingEvent.count({ where: { type: { in: ["OPENED", "REOPENED"] }, at: { gte: since } } }),
    db.readingEvent.count({ where: { type: "COMPLETED", at: { gte: since } } }),
  ]);
  // "Shared" = the practice's library: owned by nobody, or shared by a therapist.
  const resourceCounts = new Map<string, Overview["resources"][number]>();
  for (const row of resources) {
    const shared = row.ownerId === null || row.visibility === "SHARED";
    const key = `${row.status}:${shared}`;
    const entry = resourceCounts.get(key) ?? { status: row.status, shared, count: 0 };
    entry.count += row._count._all;
    resourceCounts.set(key, entry);
  }
  return {
    users: users.map((row) => ({ role: row.role, status: row.status, count: row._count._all })),
    resources: [...resourceCounts.values()],
    activeAssignments,
    opensLast7Days,
    completionsLast7Days,
  };
}
