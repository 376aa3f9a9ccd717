// Runs once when the Next.js server starts: a bad configuration stops Haven here, with a
// message that names the variable, instead of on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./server/env");
  try {
    env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
