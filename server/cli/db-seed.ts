// npm run db:seed [-- --force] — demo accounts and library. Refuses in production unless forced.
import { createPrismaClient } from "../db/client";
import { withDatabaseUrl } from "../db/embedded";
import { deployMigrations } from "../db/migrations";
import { DEMO_PASSWORD } from "../services/seed/accounts";
import { seedDemo } from "../services/seed/demo";

const forced = process.argv.includes("--force") || process.env.HAVEN_ALLOW_PRODUCTION_SEED === "true";
if (process.env.NODE_ENV === "production" && !forced) {
  console.error("db:seed refuses to run with NODE_ENV=production: it creates demo accounts with a public password. Use --force if you really mean it.");
  process.exit(1);
}

try {
  await withDatabaseUrl(async (url) => {
    await deployMigrations(url);
    const db = createPrismaClient(url, { poolSize: 2 });
    try {
      await seedDemo(db, console.log);
    } finally {
      await db.$disconnect();
    }
  }, { holder: "db:seed", log: (line) => console.error(line) });
  console.log(`Demo accounts use the password "${DEMO_PASSWORD}".`);
  process.exit(0);
} catch (error) {
  console.error(`db:seed failed: ${(error as Error).message}`);
  process.exit(1);
}
