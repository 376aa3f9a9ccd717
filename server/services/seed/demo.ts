import type { PrismaClient } from "../../generated/prisma/client";
import { seedLibrary } from "../library/import";
import { seedDemoAccounts } from "./accounts";
import { seedDemoAssignments } from "./assignments";
import { projectPath } from "../../project-root";

/** Everything `npm run db:seed` creates: the demo accounts, the library from prisma/library, and demo assignments. */
export async function seedDemo(db: PrismaClient, log: (line: string) => void = () => {}) {
  await seedDemoAccounts(db, log);
  await seedLibrary(db, projectPath("prisma", "library"), log);
  await seedDemoAssignments(db, log);
}
