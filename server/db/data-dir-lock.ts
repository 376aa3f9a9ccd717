// An exclusive lock on an embedded database's data directory, modelled on PostgreSQL's
// postmaster.pid: a state file beside the data directory, created atomically (O_EXCL), naming the
// owner's pid, start time and — once it serves — the database URL and the app URL. It is held for
// the owner's life and removed only by the owner (or by a taker-over once the owner's pid is dead).
// PGlite must never open one data directory twice: a second writer loses acknowledged writes.
import fs from "node:fs";
import path from "node:path";

export type LockState = {
  pid: number;
  startedAt: string;
  dataDir: string;
  /** The embedded database's URL once it serves; absent while it is starting. */
  databaseUrl?: string;
  /** The embedded database's port (same as in databaseUrl). */
  port?: number;
  /** Haven's own URL when a launcher serves the app from this data directory. */
  appUrl?: string;
  /** What holds it: "launcher dev", "launcher start", "library:import"… */
  holder?: string;
};

export type DataDirLock = {
  file: string;
  state: LockState;
  /** Records more about the running instance (URL, app URL); owner only. */
  update: (patch: Partial<LockState>) => void;
  /** Removes the state file if it is still ours. Safe to call twice. */
  release: () => void;
};

export type AcquireResult = { ok: true; lock: DataDirLock } | { ok: false; holder: LockState };

/** The state file for a data directory: `<parent>/embedded.json` (for `.data/pglite`: `.data/embedded.json`). */
export function lockFileFor(dataDir: string): string {
  return path.join(path.dirname(path.resolve(dataDir)), "embedded.json");
}

/** True when a process with this pid exists (EPERM means it exists but is not ours). */
export function pidIsAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readLockState(file: string): LockState | null {
  try {
    const state = JSON.parse(fs.readFileSync(file, "utf8")) as LockState;
    return typeof state?.pid === "number" ? state : null;
  } catch {
    return null;
  }
}

/** Locks this process holds (a lock file naming our pid that is not in here is a leftover). */
const heldHere = new Set<string>();

function sleepSync(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * A holder whose pid is gone left a stale lock (a crash, kill -9). A lock naming our own pid that
 * we do not hold is stale too (a container restart hands the same pid to the new process).
 * An unreadable file is treated as live for a moment (its owner may be writing it): callers retry.
 */
function isStale(state: LockState | null, file: string): boolean {
  if (!state) {
    try {
      // Unreadable and older than 5 s: an owner killed between create and write.
      return Date.now() - fs.statSync(file).mtimeMs > 5_000;
    } catch {
      return true;
    }
  }
  if (state.pid === process.pid) return !heldHere.has(file);
  return !pidIsAlive(state.pid);
}

/**
 * Takes the lock, or reports who holds it. Never touches the data directory itself.
 * Stale locks are taken over under a short "takeover" file, so two processes that find the same
 * stale lock cannot both win.
 */
export function acquireDataDirLock(dataDir: string, holder: string, extra: Pick<LockState, "appUrl"> = {}): AcquireResult {
  const file = lockFileFor(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const state: LockState = { pid: process.pid, startedAt: new Date().toISOString(), dataDir: path.resolve(dataDir), holder, ...extra };
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const fd = fs.openSync(file, "wx", 0o600);
      try {
        fs.writeSync(fd, JSON.stringify(state, null, 2));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      heldHere.add(file);
      return { ok: true, lock: ownLock(file, state) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const current = readLockState(file);
    if (!isStale(current, file)) {
      if (current) return { ok: false, holder: current };
      sleepSync(50); // being written right now
      continue;
    }
    takeOverStale(file, current);
  }
  throw new Error(`Could not take the lock ${file}; remove it by hand if no Haven process is running.`);
}

function takeOverStale(file: string, seen: LockState | null) {
  const takeover = `${file}.takeover`;
  let fd: number;
  try {
    fd = fs.openSync(takeover, "wx", 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const other = readLockState(takeover);
    if (other && !pidIsAlive(other.pid)) fs.rmSync(takeover, { force: true });
    else sleepSync(20);
    return; // retry from the start
  }
  try {
    fs.writeSync(fd, JSON.stringify({ pid: process.pid }));
    fs.closeSync(fd);
    // Still the same stale lock? (Someone may have taken it over and created a fresh one meanwhile.)
    const now = readLockState(file);
    const same = seen === null ? now === null || isStale(now, file) : now !== null && now.pid === seen.pid && now.startedAt === seen.startedAt;
    if (same) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(takeover, { force: true });
  }
}

function ownLock(file: string, initial: LockState): DataDirLock {
  let state = initial;
  let released = false;
  const stillOurs = () => {
    const current = readLockState(file);
    return current !== null && current.pid === process.pid && current.startedAt === initial.startedAt;
  };
  const release = () => {
    if (released) return;
    released = true;
    heldHere.delete(file);
    process.off("exit", release);
    if (stillOurs()) fs.rmSync(file, { force: true });
  };
  // Released on every normal exit, even process.exit() from elsewhere; a crash leaves a stale lock
  // that the next start takes over.
  process.on("exit", release);
  return {
    file,
    get state() {
      return state;
    },
    update(patch) {
      if (released || !stillOurs()) return;
      state = { ...state, ...patch };
      // Write a sibling and rename over: readers never see a half-written file.
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, JSON.stringify(state, null, 2), { mode: 0o600 });
      fs.renameSync(temp, file);
    },
    release,
  };
}

/** One plain sentence for a second launcher. */
export function describeHolder(holder: LockState): string {
  const where = holder.appUrl ?? holder.databaseUrl?.replace(/\/\/[^@]*@/, "//");
  const what = holder.holder?.startsWith("launcher") ? "Haven is already running" : `Another Haven command (${holder.holder ?? "unknown"}) is using the embedded database`;
  return `${what} from this folder (process ${holder.pid}${where ? `, ${where}` : ", still starting"}); stop it first or use that one.`;
}
