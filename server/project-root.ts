import fs from "node:fs";
import path from "node:path";

let root: string | undefined;

/**
 * A path inside the project (the folder that holds prisma/schema.prisma), found by walking up from
 * this file — so it is right from the TypeScript sources, the bundled launcher in .next-haven/bin
 * and Next's server chunks alike. Falls back to the working directory.
 */
export function projectPath(...parts: string[]): string {
  if (!root) {
    let dir = import.meta.dirname;
    for (;;) {
      if (fs.existsSync(path.join(dir, "prisma", "schema.prisma"))) break;
      const parent = path.dirname(dir);
      if (parent === dir) {
        dir = process.cwd();
        break;
      }
      dir = parent;
    }
    root = dir;
  }
  return path.join(root, ...parts);
}
