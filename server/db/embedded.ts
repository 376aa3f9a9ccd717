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
import { keepProtocolExchangesTogether } from "./pglite-queue";

export type EmbeddedPostgres = {
  url: string;
  port: number;
  stop: () => Promise<void>;
};

export const DEFAULT_DATA_DIR = path.resolve(process.cwd(), ".data/pglite");
const STATE_FILE = "embedded.json";

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

/**
 * Starts PGlite on `dataDir` (or in memory when null) and serves it on 127.0.0.1.
 * PGlite is a single session; the socket server queues queries from several connections,
 * and a transaction on one connection holds the others until it ends.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string | null;
  port?: number;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> {
  if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir ?? undefined, { extensions: { pg_trgm, unaccent } });
  const port = options.port ?? (await freePort());
  const server = new PGLiteSocketServer({
    db,
    port,
    host: "127.0.0.1",
    maxConnections: options.maxConnections ?? 16,
  });
  keepProtocolExchangesTogether(server);
  await server.start();
  const stateFile = options.dataDir ? path.join(path.dirname(options.dataDir), STATE_FILE) : null;
  if (stateFile) fs.writeFileSync(stateFile, JSON.stringify({ pid: process.pid, port }));
  let stopped = false;
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    port,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (stateFile) fs.rmSync(stateFile, { force: true });
      await server.stop();
      await db.close();
    },
  };
}

/**
 * When `npm run dev`/`start` already serves the embedded database, its URL; else null.
 * PGlite must never be opened twice on one data directory, so CLIs connect to the running one.
 */
export function runningEmbeddedUrl(dataDir = DEFAULT_DATA_DIR): string | null {
  const stateFile = path.join(path.dirname(dataDir), STATE_FILE);
  try {
    const state = JSON.parse(fs.readFileSync(stateFile, "utf8")) as { pid: number; port: number };
    process.kill(state.pid, 0);
    return `postgresql://postgres:postgres@127.0.0.1:${state.port}/postgres?sslmode=disable`;
  } catch {
    return null;
  }
}

/**
 * Runs `work` against DATABASE_URL when set, else against the embedded database
 * (the running one if `npm run dev` holds it, otherwise one opened just for this command).
 */
export async function withDatabaseUrl<T>(work: (url: string) => Promise<T>): Promise<T> {
  const configured = process.env.DATABASE_URL;
  if (configured) return work(configured);
  const running = runningEmbeddedUrl();
  if (running) return work(running);
  const embedded = await startEmbeddedPostgres({ dataDir: DEFAULT_DATA_DIR });
  try {
    return await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}
