// Structured logs: one JSON line per request (server/serve.ts) and per error, on stdout.
// Never log passwords, tokens, cookies, emails, reading content or reflections: log ids and codes.
// The redact list below is a second line of defence for fields that slip into an error's metadata.
import pino, { type Logger } from "pino";

const KEY = Symbol.for("haven.logger");
const holder = globalThis as unknown as { [KEY]?: Logger };

function create(): Logger {
  return pino(
    {
      level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      messageKey: "msg",
      redact: {
        paths: [
          "password", "*.password", "newPassword", "*.newPassword", "currentPassword", "*.currentPassword",
          "token", "*.token", "email", "*.email", "body", "*.body", "text", "*.text", "reflection", "*.reflection",
          "headers.cookie", "*.headers.cookie", "headers.authorization", "*.headers.authorization",
        ],
        censor: "[redacted]",
      },
    },
    // Asynchronous writes keep logging off the request path; flushed on shutdown.
    pino.destination({ dest: 1, sync: false, minLength: 0 }),
  );
}

/** The process's one logger (shared by the custom server and Next's bundles through globalThis). */
export const logger: Logger = (holder[KEY] ??= create());

/** Error fields worth logging: type, code and message (Prisma/pg messages name no row values). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error).slice(0, 500) };
  const code = (error as { code?: unknown }).code;
  return {
    err: {
      type: error.name,
      ...(typeof code === "string" || typeof code === "number" ? { code } : {}),
      message: error.message.slice(0, 2_000),
      stack: error.stack?.split("\n").slice(0, 12).join("\n"),
    },
  };
}
