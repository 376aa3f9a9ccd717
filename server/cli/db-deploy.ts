// npm run db:deploy — applies pending migrations to DATABASE_URL, or to the embedded database.
import { withDatabaseUrl } from "../db/embedded";
import { deployMigrations } from "../db/migrations";

try {
  const result = await withDatabaseUrl((url) => deployMigrations(url, { log: console.log }), { holder: "db:deploy", log: (line) => console.error(line) });
  console.log(
    result.applied.length
      ? `Applied ${result.applied.length} migration(s); ${result.alreadyApplied} were already applied.`
      : `Database is up to date (${result.alreadyApplied} migrations).`,
  );
  process.exit(0);
} catch (error) {
  console.error(`db:deploy failed: ${(error as Error).message}`);
  process.exit(1);
}
