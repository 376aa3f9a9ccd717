import type { PrismaClient } from "../../generated/prisma/client";
import path from "node:path";
import { seedLibrary } from "../library/import";
import { seedDemoAccounts } from "./accounts";
import { seedDemoAssignments } from "./assignments";

/** Everything `npm run db:seed` creates: demo accounts, then (as features land) library and demo data. */
export async function seedDemo(db: PrismaClient, log: (line: string) => void = () => {}) {
  await seedDemoAccounts(db, log);
  await seedLibrary(db, path.resolve(import.meta.dirname, "../../../prisma/library"), log);
  await seedDemoAssignments(db, log);
}
