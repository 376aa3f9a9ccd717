// Database for the load harness: migrations, the project's own demo seed (npm run db:seed), then
// simulated client accounts, each in care with a therapist and holding a few assignments.
import "../harness/server-only-shim";
import crypto from "node:crypto";
import { createPrismaClient } from "../../server/db/client";
import { deployMigrations } from "../../server/db/migrations";
import type { PrismaClient } from "../../server/generated/prisma/client";
import { hashPassword } from "../../server/services/accounts/passwords";
import { seedDemo } from "../../server/services/seed/demo";

export const LOADTEST_PASSWORD = "loadtest-password-2026";

export type SimAccount = { id: string; email: string; assignments: string[] };
export type Cohort = { clients: SimAccount[]; therapists: SimAccount[] };

export async function prepareDatabase(url: string): Promise<PrismaClient> {
  await deployMigrations(url);
  const db = createPrismaClient(url, { poolSize: 4 });
  await seedDemo(db);
  return db;
}

let hash: Promise<string> | null = null;
const passwordHash = () => (hash ??= hashPassword(LOADTEST_PASSWORD));

/** `clients` client accounts (named `<prefix>-client-N@loadtest.test`) with `perClient` assignments each. */
export async function addCohort(db: PrismaClient, prefix: string, clients: number, perClient: number): Promise<Cohort> {
  const therapistCount = Math.max(1, Math.ceil(clients / 25));
  const stamp = crypto.randomBytes(3).toString("hex");
  const account = (role: "THERAPIST" | "CLIENT", i: number) => ({
    email: `${prefix}-${stamp}-${role.toLowerCase()}-${i}@loadtest.test`,
    name: `${role === "CLIENT" ? "Reader" : "Therapist"} ${i}`,
    role,
    status: "ACTIVE" as const,
    passwordHash: null as string | null,
  });
  const hashValue = await passwordHash();
  const therapistRows = Array.from({ length: therapistCount }, (_, i) => ({ ...account("THERAPIST", i), passwordHash: hashValue }));
  const clientRows = Array.from({ length: clients }, (_, i) => ({ ...account("CLIENT", i), passwordHash: hashValue }));
  const therapists = await db.user.createManyAndReturn({ data: therapistRows, select: { id: true, email: true } });
  const created = await db.user.createManyAndReturn({ data: clientRows, select: { id: true, email: true } });
  const clientList = created.sort((a, b) => a.email.localeCompare(b.email, "en", { numeric: true }));
  await db.careRelationship.createMany({
    data: clientList.map((c, i) => ({ therapistId: (therapists[i % therapists.length] as { id: string }).id, clientId: c.id })),
  });
  const resources = await db.resource.findMany({ where: { status: "PUBLISHED", ownerId: null }, select: { id: true }, orderBy: { slug: "asc" } });
  if (resources.length < perClient) throw new Error(`Only ${resources.length} published shared resources; the demo seed should give more.`);
  const assignmentRows = clientList.flatMap((c, i) =>
    Array.from({ length: perClient }, (_, k) => ({
      therapistId: (therapists[i % therapists.length] as { id: string }).id,
      clientId: c.id,
      resourceId: (resources[(i + k * 7) % resources.length] as { id: string }).id,
    })),
  );
  const assignments = await db.assignment.createManyAndReturn({ data: assignmentRows, select: { id: true, clientId: true } });
  const byClient = new Map<string, string[]>();
  for (const a of assignments) byClient.set(a.clientId, [...(byClient.get(a.clientId) ?? []), a.id]);
  return {
    clients: clientList.map((c) => ({ ...c, assignments: byClient.get(c.id) ?? [] })),
    therapists: therapists.map((t) => ({ ...t, assignments: [] })),
  };
}
