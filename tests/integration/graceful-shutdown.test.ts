import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// SIGTERM: stop accepting, finish in-flight requests (≤ the drain time), close the pool and the
// embedded database, release its lock, exit 0. The server is Haven's own (server/ops/http-server.ts);
// a stand-in replaces Next's handler so the test needs no production build.
const root = fs.mkdtempSync(path.join(os.tmpdir(), "haven-shutdown-"));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  fs.rmSync(root, { recursive: true, force: true });
});

async function startServer(name: string, env: Record<string, string> = {}) {
  const dataDir = path.join(root, name, "pglite");
  const childEnv: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DB_DIR: dataDir, LOG_LEVEL: "info", ...env };
  delete childEnv.DATABASE_URL;
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/shutdown-fixture.ts"], { env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk) => (stdout += chunk));
  child.stderr?.on("data", (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  while (!/listening (\d+)/.test(stdout)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`server did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const port = Number(/listening (\d+)/.exec(stdout)?.[1]);
  const lockFile = path.join(root, name, "embedded.json");
  const logLines = () =>
    stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { child, port, exited, lockFile, logLines };
}

describe("graceful shutdown on SIGTERM", () => {
  it("finishes the in-flight request, refuses new ones, closes the database and releases the lock", async () => {
    const server = await startServer("drain");
    expect(fs.existsSync(server.lockFile)).toBe(true);
    const started = Date.now();
    const slow = fetch(`http://127.0.0.1:${server.port}/slow`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    server.child.kill("SIGTERM");
    await new Promise((resolve) => setTimeout(resolve, 100));
    server.child.kill("SIGTERM"); // a second signal (process group + launcher) must not cut the drain
    await new Promise((resolve) => setTimeout(resolve, 100));

    // Not accepting any more…
    await expect(fetch(`http://127.0.0.1:${server.port}/fast`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
    // …but the request already running completes, database query included.
    const response = await slow;
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, users: 0 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_400);

    expect(await server.exited).toBe(0);
    expect(fs.existsSync(server.lockFile)).toBe(false);

    const lines = server.logLines();
    const request = lines.find((line) => line.msg === "request" && line.route === "/slow");
    expect(request).toMatchObject({ method: "GET", status: 200, level: 30 });
    expect(request?.requestId).toMatch(/^[\w-]{8,64}$/);
    expect(request?.durationMs).toBeGreaterThanOrEqual(1_400);
    expect(lines.map((line) => line.msg)).toEqual(expect.arrayContaining(["shutting down", "stopped"]));
  }, 180_000);

  it("cuts requests still running after the drain time and still exits cleanly", async () => {
    const server = await startServer("cut", { SLOW_MS: "20000", DRAIN_MS: "500" });
    const slow = fetch(`http://127.0.0.1:${server.port}/slow`).then(
      (response) => response.status,
      () => "cut",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const signalled = Date.now();
    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(Date.now() - signalled).toBeLessThan(10_000);
    expect(await slow).toBe("cut");
    expect(fs.existsSync(server.lockFile)).toBe(false);
  }, 180_000);
});
