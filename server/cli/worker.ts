// npm run worker — runs the reminder worker on its own (set REMINDERS_WORKER=off for the app
// instances then). Needs DATABASE_URL: a real PostgreSQL, or the embedded one's URL from `npm run dev`.
import { env } from "../env";
import { startReminderWorker } from "../services/reminders/worker";

try {
  env();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
const worker = await startReminderWorker();
console.log("Haven reminders: worker running (one sweep a minute). Ctrl+C stops it.");
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void worker.stop().finally(() => process.exit(0));
  });
}
