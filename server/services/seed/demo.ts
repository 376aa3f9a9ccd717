import type { PrismaClient } from "../../generated/prisma/client";
import { seedLibrary } from "../library/import";
import { seedDemoAccounts } from "./accounts";
import { seedDemoAssignments } from "./assignments";
import { projectPath } from "../../project-root";

/** Everything `npm run db:seed` creates: demo accounts, then (as features land) library and demo data. */
export async function seedDemo(db: PrismaClient, log: (line: string) => void = () => {}) {
  await seedDemoAccounts(db, log);
  await seedLibrary(db, projectPath("prisma", "library"), log);
  await seedDemoAssignments(db, log);
}
