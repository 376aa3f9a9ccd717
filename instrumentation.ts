// Runs once when the Next.js server starts: a bad configuration stops Haven here, with a
// message that names the variable, instead of on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    await import("./server/check-env-at-start");
    await (await import("./server/services/reminders/start-inline")).startInlineReminderWorker();
  }
}
