import type { PrismaClient } from "../../generated/prisma/client";
import type { Role } from "../../generated/prisma/enums";
import { hashPassword } from "../accounts/passwords";

export const DEMO_PASSWORD = "haven-demo-password";

export const DEMO_ACCOUNTS: { email: string; name: string; role: Role; therapist?: string }[] = [
  { email: "admin@haven.test", name: "Alex Admin", role: "ADMIN" },
  { email: "therapist@haven.test", name: "Dr. Maya Rivera", role: "THERAPIST" },
  { email: "therapist2@haven.test", name: "Sam Okafor", role: "THERAPIST" },
  { email: "client@haven.test", name: "Jordan Lee", role: "CLIENT", therapist: "therapist@haven.test" },
  { email: "client2@haven.test", name: "Riley Chen", role: "CLIENT", therapist: "therapist2@haven.test" },
];

/** Creates (or refreshes) the demo accounts; idempotent. */
export async function seedDemoAccounts(db: PrismaClient, log: (line: string) => void = () => {}) {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await db.user.upsert({
      where: { email: account.email },
      create: { email: account.email, name: account.name, role: account.role, status: "ACTIVE", passwordHash },
      update: {},
      select: { id: true },
    });
    ids.set(account.email, user.id);
  }
  for (const account of DEMO_ACCOUNTS) {
    if (!account.therapist) continue;
    const therapistId = ids.get(account.therapist) as string;
    const clientId = ids.get(account.email) as string;
    const existing = await db.careRelationship.findFirst({ where: { therapistId, clientId, status: "ACTIVE" } });
    if (!existing) await db.careRelationship.create({ data: { therapistId, clientId } });
  }
  // No password here: this line lands in server logs (npm start on the demo database).
  log(`demo accounts ready (${DEMO_ACCOUNTS.length})`);
  return ids;
}
