// npm run library:import -- <folder> — imports library Markdown files into the shared library
// (DATABASE_URL, or the embedded database). Exit code 1 when any file was rejected.
import path from "node:path";
import cliProgress from "cli-progress";
import { createPrismaClient } from "../db/client";
import { withDatabaseUrl } from "../db/embedded";
import { deployMigrations } from "../db/migrations";
import { formatRejections, importLibraryFolder } from "../services/library/import";

const folderArg = process.argv.slice(2).find((arg) => !arg.startsWith("-"));
if (!folderArg) {
  console.error("Name the folder to import: npm run library:import -- prisma/library");
  process.exit(2);
}
const folder = path.resolve(process.cwd(), folderArg);

try {
  const summary = await withDatabaseUrl(async (url) => {
    await deployMigrations(url);
    const db = createPrismaClient(url, { poolSize: 2 });
    const bar = new cliProgress.SingleBar(
      { format: "Importing |{bar}| {value}/{total} {file}", hideCursor: true, stream: process.stderr, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    try {
      return await importLibraryFolder(db, folder, {
        onStart: (total) => bar.start(total, 0, { file: "" }),
        onFile: (file) => bar.increment({ file }),
      });
    } finally {
      bar.stop();
      await db.$disconnect();
    }
  }, { holder: "library:import", log: (line) => console.error(line) });
  console.log(
    `\nLibrary import from ${path.relative(process.cwd(), folder) || "."}: ` +
      `${summary.created.length} created, ${summary.updated.length} updated, ` +
      `${summary.unchanged.length} unchanged, ${summary.rejected.length} rejected`,
  );
  const lines = formatRejections(summary);
  if (lines.length) {
    console.log("\nRejected (nothing from these files was written):");
    for (const line of lines) console.log(`  ${line}`);
  }
  process.exit(summary.rejected.length ? 1 : 0);
} catch (error) {
  console.error(`library:import failed: ${(error as Error).message}`);
  process.exit(1);
}
