import PgBoss from "pg-boss";
import { createPrismaClient } from "../../db/client";
import { env } from "../../env";
import { runReminderSweep, type SweepOptions } from "./sweep";

/** The pg-boss queue whose jobs run one reminder sweep each. */
export const SWEEP_QUEUE = "haven-reminder-sweep";

export type ReminderWorker = { boss: PgBoss; stop: () => Promise<void>; sweepNow: () => Promise<string | null> };

/**
 * Starts the reminder worker on the PostgreSQL-backed queue (pg-boss, in its own "pgboss" schema):
 * a cron schedule adds one sweep job a minute for the whole installation (pg-boss keeps one
 * schedule however many app instances run), the "stately" queue policy keeps at most one sweep
 * queued and one running, and ReminderLog's unique key makes each message go out once even if
 * two sweeps overlap. Works on the embedded PGlite (over pglite-socket) and on PostgreSQL.
 */
export async function startReminderWorker(
  options: {
    connectionString?: string;
    pollingIntervalSeconds?: number;
    /** Cron for the sweep (default every minute); null = no schedule (tests call sweepNow). */
    cron?: string | null;
    /** Connections for pg-boss and for the sweep each (default 2). */
    poolSize?: number;
    sweep?: SweepOptions;
    onError?: (error: unknown) => void;
  } = {},
): Promise<ReminderWorker> {
  const connectionString = options.connectionString ?? env().DATABASE_URL;
  const onError = options.onError ?? ((error: unknown) => console.error(`Haven reminders: ${(error as Error).message ?? error}`));
  const db = createPrismaClient(connectionString, { poolSize: options.poolSize ?? 2 });
  const boss = new PgBoss({ connectionString, max: options.poolSize ?? 2 });
  boss.on("error", onError);
  await boss.start();
  await boss.createQueue(SWEEP_QUEUE, { name: SWEEP_QUEUE, policy: "stately", retryLimit: 2, retryDelay: 30, expireInSeconds: 600 });
  if (options.cron !== null) await boss.schedule(SWEEP_QUEUE, options.cron ?? "* * * * *");
  await boss.work(SWEEP_QUEUE, { pollingIntervalSeconds: options.pollingIntervalSeconds ?? 10 }, async () => {
    const { failed } = await runReminderSweep(db, options.sweep);
    // Keys only (kind:recipient:period): no addresses or content in the log.
    if (failed.length > 0) onError(new Error(`${failed.length} reminder(s) not sent this time, retried next sweep: ${failed.slice(0, 5).join(", ")}`));
  });
  return {
    boss,
    sweepNow: () => boss.send(SWEEP_QUEUE, {}),
    stop: async () => {
      await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
      await db.$disconnect();
    },
  };
}
