import crypto from "node:crypto";
import type { SessionUser } from "../../server/auth";
import { getDb } from "../../server/db";
import type { Role } from "../../server/generated/prisma/client";
import { createCaller } from "../../server/routers/_app";
import { hashPassword } from "../../server/services/accounts/passwords";
import { createInnerContext } from "../../server/trpc/init";

export const TEST_PASSWORD = "correct horse battery staple";
let cachedHash: Promise<string> | null = null;

export type TestUser = SessionUser & { sessionVersion: number };

export async function createUser(role: Role, overrides: { email?: string; name?: string; status?: "ACTIVE" | "INVITED" | "DEACTIVATED" } = {}): Promise<TestUser> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const suffix = crypto.randomBytes(4).toString("hex");
  const user = await getDb().user.create({
    data: {
      email: overrides.email ?? `${role.toLowerCase()}-${suffix}@example.test`,
      name: overrides.name ?? `${role.charAt(0)}${role.slice(1).toLowerCase()} ${suffix}`,
      role,
      status: overrides.status ?? "ACTIVE",
      passwordHash: await cachedHash,
    },
    select: { id: true, email: true, name: true, role: true, sessionVersion: true },
  });
  return user;
}

export const createTherapist = (overrides = {}) => createUser("THERAPIST", overrides);
export const createAdmin = (overrides = {}) => createUser("ADMIN", overrides);

export async function createClientOf(therapist: { id: string }, overrides = {}): Promise<TestUser> {
  const client = await createUser("CLIENT", overrides);
  await getDb().careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });
  return client;
}

/** A tRPC caller acting as `user` (null = signed out), exactly as the route handler would build it. */
export function callerFor(user: SessionUser | null) {
  return createCaller(createInnerContext({ user: user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null, db: getDb(), ip: "203.0.113.7" }));
}
