import { env } from "../../env";

/** Called once from instrumentation.ts: runs the reminder worker in this app process unless REMINDERS_WORKER=off. */
export async function startInlineReminderWorker(): Promise<void> {
  if (env().REMINDERS_WORKER !== "inline" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startReminderWorker } = await import("./worker");
  try {
    // No signal handlers here (they would change how the app process exits): a sweep cut short by
    // shutdown rolls back and the next one, in any instance, sends what it did not.
    await startReminderWorker();
  } catch (error) {
    // Reminders are a courtesy: the app keeps serving without them, and says so once.
    console.error(`Haven reminders: worker not started (${(error as Error).message}); the app runs without automatic reminders.`);
  }
}
