// A Haven HTTP server (server/ops/http-server.ts, as server/serve.ts wires it) on a locked embedded
// database, with a stand-in for Next's handler: GET /slow waits, then queries the database.
// Used by tests/integration/graceful-shutdown.test.ts, run as its own process (it gets SIGTERM).
import { createPrismaClient } from "../../server/db/client";
import { startEmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations } from "../../server/db/migrations";
import { createHavenServer, stopOnSignals } from "../../server/ops/http-server";

const embedded = await startEmbeddedPostgres({ dataDir: process.env.EMBEDDED_DB_DIR as string, holder: "launcher start" });
await deployMigrations(embedded.url);
const db = createPrismaClient(embedded.url, { poolSize: 2 });
const slowMs = Number(process.env.SLOW_MS ?? 1500);

const haven = createHavenServer(
  async (req, res) => {
    if (req.url === "/slow") await new Promise((resolve) => setTimeout(resolve, slowMs));
    const users = await db.user.count(); // the pool must still be open after the wait
    res.setHeader("content-type", "application/json");
    res.end(JSON.stringify({ ok: true, users }));
  },
  {
    drainMs: Number(process.env.DRAIN_MS ?? 10_000),
    onClose: async () => {
      await db.$disconnect();
      await embedded.stop();
    },
  },
);
stopOnSignals(haven);
haven.server.listen(0, "127.0.0.1", () => {
  const address = haven.server.address();
  console.log(`listening ${typeof address === "object" && address ? address.port : 0}`);
});
