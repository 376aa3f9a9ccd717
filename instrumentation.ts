import type { Instrumentation } from "next";

// Runs once when the Next.js server starts: a bad configuration stops Haven here, with a
// message that names the variable, instead of on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // First: finished requests must not keep each other alive (server/ops/release-abort-stacks.ts).
    (await import("./server/ops/release-abort-stacks")).releaseAbortStacks();
    await import("./server/check-env-at-start");
    // Stamps each request with its socket address and drops forged forwarding headers.
    const { installPeerStamp } = await import("./server/request/client-address");
    const { proxyTrust } = await import("./server/env");
    installPeerStamp(proxyTrust());
    await (await import("./server/services/reminders/start-inline")).startInlineReminderWorker();
    // Loaded here, outside any request, so no request's async context stays attached to them
    // (server/db/index.ts warmUpDatabase explains why that matters).
    const { errorFields, logger } = await import("./server/ops/log");
    await (await import("./server/db"))
      .warmUpDatabase()
      .catch((error: unknown) => logger.warn({ msg: "database warm-up at start failed; the first requests will open connections", ...errorFields(error) }));
  }
}

// Errors thrown while rendering a page or running a route handler: one JSON log line each, with
// the request id the browser was shown (never the request's body or query string).
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { errorFields, logger } = await import("./server/ops/log");
  const requestId = request.headers["x-request-id"];
  logger.error({
    msg: "request error",
    requestId: typeof requestId === "string" ? requestId : undefined,
    method: request.method,
    route: context.routePath,
    routeType: context.routeType,
    ...errorFields(error),
  });
};
