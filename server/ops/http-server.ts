// The production HTTP server around a request handler (Next's): one JSON log line per request,
// the request id set before Next's proxy sees the request, and a graceful shutdown — stop
// accepting, let in-flight requests finish (at most `drainMs`), then close what the app opened.
import crypto from "node:crypto";
import http from "node:http";
import { errorFields, logger } from "./log";
import { processLifecycle, requestContext, type RequestContext } from "./request-context";

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => unknown;

export type HavenServer = {
  server: http.Server;
  inFlight: () => number;
  /** Stops accepting, waits for in-flight requests (≤ drainMs), runs onClose; resolves when done. */
  shutdown: (reason: string) => Promise<void>;
};

const REQUEST_ID = /^[\w-]{8,64}$/;
// Ids and tokens in paths (invitation/reset links, cuid ids) never reach the log.
const TOKEN_PARENTS = new Set(["invite", "reset-password"]);
// Ids and tokens (cuids, base64url) have digits, capitals or underscores; readable slugs do not.
const OPAQUE_SEGMENT = /^(?=[\w-]*[\dA-Z_])[\w-]{16,}$/;

/** The path without query string, with opaque segments (ids, tokens) replaced by ":id". */
export function routeForLog(url: string | undefined): string {
  const pathname = (url ?? "/").replace(/[?#].*$/s, "").slice(0, 300);
  const segments = pathname.split("/");
  return segments
    .map((segment, i) => (TOKEN_PARENTS.has(segments[i - 1] ?? "") && segment ? ":token" : OPAQUE_SEGMENT.test(segment) ? ":id" : segment))
    .join("/");
}

export function createHavenServer(handle: Handler, options: { drainMs?: number; onClose?: () => Promise<void> } = {}): HavenServer {
  const drainMs = options.drainMs ?? 10_000;
  let active = 0;
  let idleWaiter: (() => void) | null = null;
  const lifecycle = processLifecycle();

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const incoming = req.headers["x-request-id"];
    const requestId = typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    req.headers["x-request-id"] = requestId; // the proxy keeps a valid id: one id in logs, audit and response
    res.setHeader("x-request-id", requestId); // also on routes the proxy does not run for (Haven's API)
    const context: RequestContext = { requestId };
    active++;
    if (lifecycle.stopping) res.setHeader("connection", "close");
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      active--;
      logger.info({
        msg: "request",
        requestId,
        userId: context.userId,
        method: req.method,
        route: routeForLog(req.url),
        status: res.statusCode,
        durationMs: Number((Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)),
        ...(res.writableFinished ? {} : { aborted: true }),
      });
      if (active === 0 && idleWaiter) idleWaiter();
    };
    res.once("finish", finish);
    res.once("close", finish);
    requestContext.run(context, () => {
      Promise.resolve()
        .then(() => handle(req, res))
        .catch((error: unknown) => {
          logger.error({ msg: "request failed", requestId, route: routeForLog(req.url), ...errorFields(error) });
          if (!res.headersSent) {
            res.statusCode = 500;
            res.setHeader("content-type", "application/json");
            res.end(JSON.stringify({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong on our side. Please try again.", requestId }));
          } else res.destroy();
        });
    });
  });
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n");
  });

  let shuttingDown: Promise<void> | null = null;
  const shutdown = (reason: string) =>
    (shuttingDown ??= (async () => {
      lifecycle.stopping = true;
      logger.info({ msg: "shutting down", reason, inFlight: active });
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (active > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (idleWaiter = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, drainMs).unref()),
        ]);
      }
      if (active > 0) logger.warn({ msg: "shutdown: requests still running after the drain time were cut", inFlight: active });
      server.closeAllConnections();
      await closed;
      await options.onClose?.().catch((error: unknown) => logger.error({ msg: "shutdown: closing failed", ...errorFields(error) }));
      logger.info({ msg: "stopped" });
      await new Promise<void>((resolve) => logger.flush(() => resolve()));
    })());

  return { server, inFlight: () => active, shutdown };
}

/**
 * SIGTERM/SIGINT/SIGHUP: a graceful shutdown, then exit (0, or 1 when closing failed). Repeated
 * signals (a process-group signal plus the launcher forwarding it) do not cut the drain short.
 */
export function stopOnSignals(haven: HavenServer) {
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) {
    process.on(signal, () => {
      haven.shutdown(signal).then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ msg: "shutdown failed", ...errorFields(error) });
          process.exit(1);
        },
      );
    });
  }
}
