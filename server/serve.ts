// The production server: Next's request handler inside Haven's HTTP server (server/ops/http-server.ts).
// Started by `npm start` (server/cli/launch.ts), compiled to .next-haven/bin/serve.mjs by `npm run build`.
// Arguments as `next start`: --port/-p, --hostname/-H (or PORT, HOST); all interfaces by default.
import next from "next";
import { createHavenServer, stopOnSignals } from "./ops/http-server";
import { errorFields, logger } from "./ops/log";

const args = process.argv.slice(2);
function arg(names: string[]): string | undefined {
  const i = args.findIndex((a) => names.includes(a));
  if (i >= 0) return args[i + 1];
  const inline = args.find((a) => names.some((n) => a.startsWith(`${n}=`)));
  return inline?.slice(inline.indexOf("=") + 1);
}
const port = Number(arg(["--port", "-p"]) ?? process.env.PORT ?? 3000);
// HOST, not HOSTNAME: containers export HOSTNAME as the machine name.
const hostname = arg(["--hostname", "-H"]) ?? process.env.HOST;

(process.env as Record<string, string>).NODE_ENV = "production";
const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const haven = createHavenServer((req, res) => handle(req, res), {
  drainMs: 10_000,
  onClose: async () => {
    // The app's Prisma client (server/db.ts keeps it on globalThis): close its pool.
    const db = (globalThis as { havenPrisma?: { $disconnect: () => Promise<void> } }).havenPrisma;
    await db?.$disconnect();
    await app.close?.();
  },
});
haven.server.keepAliveTimeout = 65_000; // longer than common load balancers' idle timeout
haven.server.listen(port, hostname, () => {
  logger.info({ msg: "listening", url: `http://${hostname ?? "localhost"}:${port}` });
  console.log(`Haven: serving on http://${hostname ?? "localhost"}:${port}`);
});
haven.server.on("error", (error: NodeJS.ErrnoException) => {
  console.error(error.code === "EADDRINUSE" ? `Haven: port ${port} is already in use; stop that process or choose another port.` : `Haven: ${error.message}`);
  process.exit(1);
});

stopOnSignals(haven);
process.on("unhandledRejection", (error) => logger.error({ msg: "unhandled rejection", ...errorFields(error) }));
