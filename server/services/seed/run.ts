import { createPrismaClient } from "../../db/client";
import { seedDemo } from "./demo";

/** Seeds the demo data when the database has no users yet (first start of the embedded database). */
export async function seedIfEmpty(url: string, log: (line: string) => void): Promise<boolean> {
  const db = createPrismaClient(url, { poolSize: 2 });
  try {
    if ((await db.user.count()) > 0) return false;
    log("empty database: adding the demo accounts and library");
    await seedDemo(db, log);
    return true;
  } finally {
    await db.$disconnect();
  }
}
