// Child processes the harnesses start: each in its own process group, so one signal reaches the
// whole tree (npm → launcher → next-server). Everything still running is killed when the harness
// exits, fails or is interrupted.
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";

const tracked = new Set<ChildProcess>();
const cleanups: (() => void)[] = [];

export function onExit(cleanup: () => void) {
  cleanups.push(cleanup);
}

function killAll() {
  for (const child of tracked) killGroup(child, "SIGKILL");
  tracked.clear();
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      cleanup();
    } catch {
      // best effort on the way out
    }
  }
}

let installed = false;
function installHandlers() {
  if (installed) return;
  installed = true;
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      console.error(`\nInterrupted (${signal}): stopping everything this harness started.`);
      killAll();
      process.exit(130);
    });
  }
  process.on("uncaughtException", (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
  process.on("unhandledRejection", (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
}

export function spawnTracked(command: string, args: string[], options: SpawnOptions & { logFile?: string }): ChildProcess {
  installHandlers();
  const log = options.logFile ? fs.openSync(options.logFile, "a") : "ignore";
  const child = spawn(command, args, { ...options, detached: true, stdio: ["ignore", log, log] });
  tracked.add(child);
  child.on("exit", () => tracked.delete(child));
  return child;
}

export function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Resident memory (bytes) of `pid` and all its descendants, from /proc. */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const ppid = Number(fields[1]);
      const pages = Number(fields[21]);
      const id = Number(entry);
      rss.set(id, pages * 4096);
      children.set(ppid, [...(children.get(ppid) ?? []), id]);
    } catch {
      // exited while reading
    }
  }
  let total = 0;
  const queue = [pid];
  while (queue.length) {
    const id = queue.pop() as number;
    total += rss.get(id) ?? 0;
    queue.push(...(children.get(id) ?? []));
  }
  return total;
}

export const isRoot = () => typeof process.getuid === "function" && process.getuid() === 0;

/** Runs a command synchronously (as `user` when root), throwing with its output on failure. */
export function run(command: string, args: string[], options: { asUser?: string; cwd?: string } = {}): string {
  const [cmd, argv] = options.asUser && isRoot() ? ["runuser", ["-u", options.asUser, "--", command, ...args]] : [command, args];
  const result = spawnSync(cmd, argv, { cwd: options.cwd ?? "/tmp", encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}
