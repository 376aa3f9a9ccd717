// Embedded PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) served over the
// PostgreSQL wire protocol, so the app talks to it through the same pg adapter as production.
// Used by the launcher (npm run dev/start without DATABASE_URL), the CLIs and the tests.
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { acquireDataDirLock, describeHolder, lockFileFor, pidIsAlive, readLockState, type DataDirLock, type LockState } from "./data-dir-lock";
import { keepProtocolExchangesTogether } from "./pglite-queue";

export type EmbeddedPostgres = {
  url: string;
  port: number;
  /** The data directory's lock (null in memory); the launcher records its app URL in it. */
  lock: DataDirLock | null;
  stop: () => Promise<void>;
};

/** `.data/pglite`, or EMBEDDED_DB_DIR when set (the launcher and every CLI agree on it). */
export function embeddedDataDir(): string {
  return process.env.EMBEDDED_DB_DIR ? path.resolve(process.env.EMBEDDED_DB_DIR) : path.resolve(process.cwd(), ".data/pglite");
}
export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), ".data/pglite");

/** Thrown when another live process holds the data directory; `message` is one plain sentence. */
export class DataDirBusyError extends Error {
  constructor(readonly holder: LockState) {
    super(describeHolder(holder));
    this.name = "DataDirBusyError";
  }
}

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

function urlFor(port: number) {
  return `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;
}

/**
 * Starts PGlite on `dataDir` (or in memory when null) and serves it on 127.0.0.1.
 * A data directory is locked first (see data-dir-lock.ts): when another live process holds it,
 * this throws DataDirBusyError before PGlite touches a file.
 * PGlite is a single session; the socket server queues queries from several connections,
 * and a transaction on one connection holds the others until it ends.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string | null;
  port?: number;
  maxConnections?: number;
  /** Who holds the lock, for a second launcher's message ("launcher dev", "library:import"…). */
  holder?: string;
  /** Haven's URL when a launcher serves the app from this database (named to a second launcher). */
  appUrl?: string;
}): Promise<EmbeddedPostgres> {
  let lock: DataDirLock | null = null;
  if (options.dataDir) {
    const acquired = acquireDataDirLock(options.dataDir, options.holder ?? "embedded database", options.appUrl ? { appUrl: options.appUrl } : {});
    if (!acquired.ok) throw new DataDirBusyError(acquired.holder);
    lock = acquired.lock;
  }
  let db: PGlite | null = null;
  let server: PGLiteSocketServer | null = null;
  try {
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
    db = await PGlite.create(options.dataDir ?? undefined, { extensions: { pg_trgm, unaccent } });
    const port = options.port ?? (await freePort());
    server = new PGLiteSocketServer({
      db,
      port,
      host: "127.0.0.1",
      maxConnections: options.maxConnections ?? 16,
    });
    keepProtocolExchangesTogether(server);
    await server.start();
    const url = urlFor(port);
    lock?.update({ databaseUrl: url, port });
    let stopped = false;
    const [openedDb, openedServer] = [db, server];
    return {
      url,
      port,
      lock,
      stop: async () => {
        if (stopped) return;
        stopped = true;
        try {
          await openedServer.stop();
          await openedDb.close();
        } finally {
          // Only after PGlite has closed its files may another process open them.
          lock?.release();
        }
      },
    };
  } catch (error) {
    await server?.stop().catch(() => {});
    await db?.close().catch(() => {});
    lock?.release();
    throw error;
  }
}

/**
 * When a live process serves the embedded database on `dataDir`, its URL; else null.
 * PGlite must never be opened twice on one data directory, so CLIs connect to the running one.
 * Waits (up to `waitMs`) while a launcher is still starting, or while another CLI holds it.
 */
export async function runningEmbeddedUrl(dataDir = embeddedDataDir(), waitMs = 120_000): Promise<{ url: string; holder: LockState } | null> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const state = readLockState(lockFileFor(dataDir));
    if (!state || !pidIsAlive(state.pid)) return null;
    // A launcher serves for its whole life; another CLI would stop under us, so wait for it.
    if (state.databaseUrl && state.holder?.startsWith("launcher")) return { url: state.databaseUrl, holder: state };
    if (Date.now() > deadline) throw new DataDirBusyError(state);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * Runs `work` against DATABASE_URL when set, else against the embedded database: through the
 * running instance when a launcher (or another CLI) holds it, otherwise on one opened — and locked
 * — just for this command. Never opens a data directory another live process holds.
 */
export async function withDatabaseUrl<T>(work: (url: string) => Promise<T>, options: { holder?: string; log?: (line: string) => void } = {}): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return work(configured);
  const dataDir = embeddedDataDir();
  for (let attempt = 0; ; attempt++) {
    const running = await runningEmbeddedUrl(dataDir);
    if (running) {
      options.log?.(`Using the embedded database of the running Haven (process ${running.holder.pid}).`);
      return work(running.url);
    }
    let embedded: EmbeddedPostgres;
    try {
      embedded = await startEmbeddedPostgres({ dataDir, holder: options.holder ?? path.basename(process.argv[1] ?? "cli") });
    } catch (error) {
      // Someone took the lock between our look and our start: go through them instead.
      if (error instanceof DataDirBusyError && attempt < 3) continue;
      throw error;
    }
    try {
      return await work(embedded.url);
    } finally {
      await embedded.stop();
    }
  }
}
