// npm start — runs the launcher that `npm run build` compiled to plain JavaScript (no TypeScript
// loader stays resident in production). Plain .mjs so it runs before anything is compiled.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const compiled = path.resolve(import.meta.dirname, "../../.next-haven/bin/launch.mjs");
if (!fs.existsSync(compiled)) {
  console.error("Haven: there is no production build yet; run `npm run build` first (or `npm run dev` to try Haven).");
  process.exit(1);
}
process.argv.splice(2, 0, "start");
await import(pathToFileURL(compiled).href);
