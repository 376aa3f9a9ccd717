import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import net from "node:net";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../../server/db/embedded";

// Issue 9 item 8: the embedded database opened twice lost acknowledged writes. Real launchers and a
// real CLI, as separate processes on one data folder, exactly as people run them.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "haven-lock-"));
const dataDir = path.join(root, "pglite");
const lockFile = path.join(root, "embedded.json");
const importDir = path.join(root, "import");
const children: ChildProcess[] = [];

const childEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_DIR: dataDir, NODE_ENV: "development" };
  delete env.DATABASE_URL; // the test worker's own database
  delete env.VITEST;
  return env;
};

type Run = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function run(args: string[]): Run {
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { env: childEnv(), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let output = "";
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(what: string, check: () => boolean, ms = 120_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const readLock = () => JSON.parse(fs.readFileSync(lockFile, "utf8")) as { pid: number; databaseUrl?: string };

async function startDbLauncher(): Promise<Run> {
  const launcher = run(["server/cli/launch.ts", "db"]);
  await until("the launcher to serve", () => launcher.output().includes("serving only the embedded database"));
  return launcher;
}

async function stop(launcher: Run) {
  launcher.child.kill("SIGTERM");
  expect(await launcher.exited).toBe(0);
}

async function slugs(url: string, like: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM "Resource" WHERE slug LIKE $1 ORDER BY slug`, [like]);
    return rows.map((row) => row.slug);
  } finally {
    await client.end();
  }
}

function writeImportFiles() {
  fs.mkdirSync(importDir, { recursive: true });
  const source = fs.readFileSync("prisma/library/a-compassionate-pause.md", "utf8");
  for (const n of [1, 2, 3]) {
    const text = source
      .replace(/^slug: .*$/m, `slug: lock-test-piece-${n}`)
      .replace(/^title: .*$/m, `title: Lock test piece ${n}`);
    fs.writeFileSync(path.join(importDir, `lock-test-piece-${n}.md`), text);
  }
}

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  fs.rmSync(root, { recursive: true, force: true });
});

describe("one data folder, two launchers and a CLI", () => {
  it("refuses the second launcher, writes through the running one, and keeps every acknowledged row", async () => {
    writeImportFiles();
    const first = await startDbLauncher();
    const held = readLock();
    expect(held.pid).toBe(first.child.pid);
    const url = held.databaseUrl as string;
    expect(url).toMatch(/^postgresql:\/\/.*127\.0\.0\.1:\d+\//);

    // A second launcher (npm run dev) refuses before touching the data, naming the running one.
    const lockBefore = fs.readFileSync(lockFile, "utf8");
    const second = run(["server/cli/launch.ts", "dev", "--port", String(await freePort())]);
    expect(await second.exited).toBe(1);
    expect(second.output().trim()).toBe(
      `Haven is already running from this folder (process ${first.child.pid}, ${url.replace("postgres:postgres@", "")}); stop it first or use that one.`,
    );
    expect(fs.readFileSync(lockFile, "utf8")).toBe(lockBefore); // nobody but the owner touches the state file

    // The CLI goes through the running instance; its rows are visible there at once.
    const cli = run(["server/cli/library-import.ts", importDir]);
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toContain(`Using the embedded database of the running Haven (process ${first.child.pid}).`);
    expect(cli.output()).toContain("3 created");
    expect(await slugs(url, "lock-test-piece-%")).toEqual(["lock-test-piece-1", "lock-test-piece-2", "lock-test-piece-3"]);
    expect(readLock().pid).toBe(first.child.pid);

    // The owner releases the lock when it stops; after a restart every acknowledged row is there.
    await stop(first);
    expect(fs.existsSync(lockFile)).toBe(false);
    const restarted = await startDbLauncher();
    expect(await slugs(readLock().databaseUrl as string, "lock-test-piece-%")).toEqual(["lock-test-piece-1", "lock-test-piece-2", "lock-test-piece-3"]);
    await stop(restarted);
  }, 300_000);

  it("takes over a stale lock left by a crashed process", async () => {
    const crashed = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(crashed.stdout);
    fs.writeFileSync(lockFile, JSON.stringify({ pid: deadPid, startedAt: new Date(0).toISOString(), dataDir, holder: "launcher dev", port: 1 }));

    const launcher = await startDbLauncher();
    expect(readLock().pid).toBe(launcher.child.pid);
    expect(await slugs(readLock().databaseUrl as string, "lock-test-piece-%")).toHaveLength(3);
    await stop(launcher);
    expect(fs.existsSync(lockFile)).toBe(false);
  }, 180_000);

  it("says plainly that the port is busy, and which process holds it, before opening any data", async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", () => resolve()));
    const port = (holder.address() as net.AddressInfo).port;
    try {
      const otherDir = path.join(root, "busy", "pglite");
      const launcher = spawn(process.execPath, ["--import", "tsx", "server/cli/launch.ts", "dev", "--port", String(port)], {
        env: { ...childEnv(), EMBEDDED_DB_DIR: otherDir },
        stdio: ["ignore", "pipe", "pipe"],
      });
      children.push(launcher);
      let output = "";
      launcher.stdout.on("data", (chunk) => (output += chunk));
      launcher.stderr.on("data", (chunk) => (output += chunk));
      expect(await new Promise((resolve) => launcher.once("exit", resolve))).toBe(1);
      expect(output.trim()).toBe(
        `Port ${port} is already in use by process ${process.pid} (${fs.readFileSync(`/proc/${process.pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ").slice(0, 120)}); stop that process or choose another port: npm run dev -- --port ${port + 1}`,
      );
      expect(fs.existsSync(path.dirname(otherDir))).toBe(false); // no data folder, no lock
    } finally {
      holder.close();
    }
  }, 60_000);
});
