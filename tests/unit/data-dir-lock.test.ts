import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { acquireDataDirLock, describeHolder, lockFileFor } from "../../server/db/data-dir-lock";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "haven-ddl-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe("the data directory lock", () => {
  it("is exclusive, names its holder, and is removed only by its owner", () => {
    const dataDir = path.join(root, "a", "pglite");
    const first = acquireDataDirLock(dataDir, "launcher dev", { appUrl: "http://localhost:3000" });
    expect(first.ok).toBe(true);
    const second = acquireDataDirLock(dataDir, "library:import");
    expect(second).toEqual({ ok: false, holder: expect.objectContaining({ pid: process.pid, holder: "launcher dev" }) });
    if (second.ok || !first.ok) throw new Error("unreachable");
    expect(describeHolder(second.holder)).toBe(`Haven is already running from this folder (process ${process.pid}, http://localhost:3000); stop it first or use that one.`);

    // Someone else's lock in its place (after a takeover): the old owner must not delete it.
    const file = lockFileFor(dataDir);
    const foreign = JSON.stringify({ pid: 1, startedAt: "2020-01-01T00:00:00.000Z", dataDir });
    fs.writeFileSync(file, foreign);
    first.lock.release();
    expect(fs.readFileSync(file, "utf8")).toBe(foreign);
    fs.rmSync(file);

    const again = acquireDataDirLock(dataDir, "launcher dev");
    expect(again.ok).toBe(true);
    if (again.ok) again.lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it("lets exactly one of several racing processes take over a stale lock", async () => {
    const dataDir = path.join(root, "race", "pglite");
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    fs.writeFileSync(lockFileFor(dataDir), JSON.stringify({ pid: deadPid(), startedAt: new Date(0).toISOString(), dataDir }));
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(path.resolve("server/db/data-dir-lock.ts"))};
      const result = acquireDataDirLock(${JSON.stringify(dataDir)}, "racer");
      console.log(result.ok ? "won" : "lost");
      setTimeout(() => {}, 1500); // hold it while the others try
    `;
    const racers = Array.from({ length: 4 }, () =>
      new Promise<string>((resolve) => {
        const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
        let out = "";
        child.stdout.on("data", (chunk) => (out += chunk));
        child.on("exit", () => resolve(out.trim()));
      }),
    );
    const results = await Promise.all(racers);
    expect(results.filter((r) => r === "won")).toHaveLength(1);
    expect(results.filter((r) => r === "lost")).toHaveLength(3);
    expect(fs.existsSync(lockFileFor(dataDir))).toBe(false); // the winner released it on exit
  }, 60_000);
});
