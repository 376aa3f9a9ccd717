import type { PrismaClient } from "../generated/prisma/client";
import { seedDemoAccounts } from "./seed";

/** Everything `npm run db:seed` creates: demo accounts, then (as features land) library and demo data. */
export async function seedDemo(db: PrismaClient, log: (line: string) => void = () => {}) {
  await seedDemoAccounts(db, log);
}
