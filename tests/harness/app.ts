// Builds and starts Haven the way production does (`npm run build`, `npm start`) on a port of
// the harness's choosing, and reads the server tree's memory.
import type { ChildProcess } from "node:child_process";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { killGroup, spawnTracked, treeRss, waitForExit } from "./processes";
import { sleep } from "./stats";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function buildApp(logFile: string) {
  const started = Date.now();
  console.log(`Building Haven (npm run build, log in ${path.relative(ROOT, logFile)}) …`);
  const result = spawnSync("npm", ["run", "build"], { cwd: ROOT, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  fs.writeFileSync(logFile, `${result.stdout}\n${result.stderr}`);
  if (result.status !== 0) throw new Error(`npm run build failed; see ${logFile}`);
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

export type AppInstance = {
  url: string;
  port: number;
  child: ChildProcess;
  /** SIGTERM to the whole tree, then SIGKILL after 15 s. */
  stop: () => Promise<void>;
  /** SIGKILL to the whole tree at once (a crash). */
  crash: () => Promise<void>;
  rss: () => number;
};

export type AppOptions = { port: number; databaseUrl: string; secret: string; logFile: string; env?: Record<string, string> };

export async function startApp(options: AppOptions): Promise<AppInstance> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawnTracked("npm", ["start", "--", "-p", String(options.port), "-H", "127.0.0.1"], {
    cwd: ROOT,
    logFile: options.logFile,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: options.databaseUrl,
      MIGRATE_ON_START: "false",
      NEXTAUTH_SECRET: options.secret,
      NEXTAUTH_URL: url,
      APP_URL: url,
      PORT: String(options.port),
      HOSTNAME: "127.0.0.1",
      ...options.env,
    },
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Haven exited while starting (code ${child.exitCode}); see ${options.logFile}`);
    try {
      const response = await fetch(`${url}/signin`, { signal: AbortSignal.timeout(5000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      killGroup(child, "SIGKILL");
      throw new Error(`Haven did not answer on ${url} within 120 s; see ${options.logFile}`);
    }
    await sleep(250);
  }
  return {
    url,
    port: options.port,
    child,
    rss: () => (child.pid ? treeRss(child.pid) : 0),
    stop: async () => {
      killGroup(child, "SIGTERM");
      if (!(await waitForExit(child, 15_000))) killGroup(child, "SIGKILL");
      await waitForExit(child, 5_000);
    },
    crash: async () => {
      killGroup(child, "SIGKILL");
      await waitForExit(child, 10_000);
    },
  };
}
