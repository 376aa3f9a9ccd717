import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The README's "Where things live" table is the map a newcomer reads first: it must match the tree.
const root = path.resolve(import.meta.dirname, "../..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("### Where things live"), readme.indexOf("\n## ", readme.indexOf("### Where things live")));
const rows = section.split("\n").filter((line) => line.startsWith("| `"));
const listed = rows.map((row) => /^\| `([^`]+)\/`/.exec(row)?.[1]).filter((folder): folder is string => Boolean(folder));
const subfolders = (folder: string) =>
  fs
    .readdirSync(path.join(root, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith("."))
    .map((entry) => entry.name);
const rowOf = (folder: string) => rows.find((row) => row.startsWith(`| \`${folder}/\``)) ?? "";

describe("README: where things live", () => {
  it("lists folders that exist", () => {
    expect(listed.length).toBeGreaterThan(10);
    for (const folder of listed) expect(fs.existsSync(path.join(root, folder)), folder).toBe(true);
  });

  it("lists every top-level and server/ folder", () => {
    for (const folder of ["app", "components", "server", "prisma", "tests"]) expect(listed, folder).toContain(folder);
    for (const name of subfolders("server")) expect(listed, `server/${name}`).toContain(`server/${name}`);
  });

  it("names every feature folder of components/, server/services/ and tests/ in its row", () => {
    for (const parent of ["components", "server/services", "tests"]) {
      const row = rowOf(parent);
      for (const name of subfolders(parent)) expect(row.includes(`\`${name}/\``), `${parent}/${name}`).toBe(true);
    }
  });
});
