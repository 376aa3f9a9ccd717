// A throwaway PostgreSQL 15 cluster in a temporary directory, on its own loopback port, so a
// harness can stop and start "the database" without touching the shared local server.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isRoot, onExit, run } from "./processes";

export const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export function clusterToolsAvailable(): boolean {
  return fs.existsSync(path.join(PG_BIN, "initdb")) && fs.existsSync(path.join(PG_BIN, "pg_ctl"));
}

export type Cluster = {
  /** Superuser URL of the `postgres` database. */
  adminUrl: string;
  port: number;
  start: () => void;
  stop: (mode?: "fast" | "immediate") => void;
  destroy: () => void;
};

/** Controls an existing cluster through pg_ctl (LOADTEST_PG_CTL=<data directory>). */
export function externalCluster(adminUrl: string, dataDir: string, user = process.env.LOADTEST_PG_USER ?? "postgres"): Cluster {
  const pgCtl = path.join(PG_BIN, "pg_ctl");
  return {
    adminUrl,
    port: Number(new URL(adminUrl).port || 5432),
    start: () => void run(pgCtl, ["-D", dataDir, "-w", "-t", "60", "start"], { asUser: user }),
    stop: (mode = "fast") => void run(pgCtl, ["-D", dataDir, "-w", "-t", "60", "-m", mode, "stop"], { asUser: user }),
    destroy: () => {},
  };
}

export function createCluster(port: number): Cluster {
  const user = isRoot() ? "postgres" : undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "d-harness-pg-"));
  if (user) run("chown", ["postgres:postgres", dir]);
  const dataDir = path.join(dir, "data");
  run(path.join(PG_BIN, "initdb"), ["-D", dataDir, "-U", "haven", "-A", "trust", "--no-sync", "-E", "UTF8", "--locale=C"], { asUser: user });
  const pgCtl = path.join(PG_BIN, "pg_ctl");
  // fsync off: nothing here survives a machine crash anyway, and the shared disk is spared.
  // A fast or immediate stop still keeps every committed transaction (the OS keeps the pages).
  const options = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  let running = false;
  const cluster: Cluster = {
    adminUrl: `postgresql://haven@127.0.0.1:${port}/postgres`,
    port,
    start: () => {
      run(pgCtl, ["-D", dataDir, "-l", path.join(dir, "server.log"), "-w", "-t", "60", "-o", options, "start"], { asUser: user });
      running = true;
    },
    stop: (mode = "fast") => {
      run(pgCtl, ["-D", dataDir, "-w", "-t", "60", "-m", mode, "stop"], { asUser: user });
      running = false;
    },
    destroy: () => {
      if (running) {
        try {
          cluster.stop("immediate");
        } catch {
          // already stopped
        }
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  onExit(() => cluster.destroy());
  return cluster;
}
