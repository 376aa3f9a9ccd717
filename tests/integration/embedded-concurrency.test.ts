import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "../../server/db/client";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../server/db/embedded";
import { deployMigrations } from "../../server/db/migrations";

// PGlite is one PostgreSQL session behind a socket shared by a pool of connections. Interleaving
// one connection's extended-protocol messages (Parse/Bind/Execute…Sync) with another's, or with
// an open transaction, used to fail ("portal does not exist", "bind message supplies N
// parameters"). This hammers exactly that mix.
describe("embedded PostgreSQL under concurrent connections", () => {
  let embedded: EmbeddedPostgres;
  let db: ReturnType<typeof createPrismaClient>;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres({ dataDir: null });
    await deployMigrations(embedded.url);
    db = createPrismaClient(embedded.url, { poolSize: 6 });
  });

  afterAll(async () => {
    await db.$disconnect();
    await embedded.stop();
  });

  it("runs transactions beside parameterised queries of different shapes without mixing them up", async () => {
    const work: Promise<unknown>[] = [];
    for (let i = 0; i < 60; i++) {
      work.push(
        db.$transaction(async (tx) => {
          const user = await tx.user.create({ data: { email: `t${i}@example.test`, name: `T ${i}`, role: "THERAPIST" } });
          await tx.auditEvent.create({ data: { action: "account.created", actorId: user.id, targetType: "User", targetId: user.id } });
          return user;
        }),
      );
      work.push(db.user.findMany({ where: { role: "THERAPIST", email: { contains: `${i}` } }, take: 3 }));
      work.push(db.$queryRaw`SELECT ${i}::int AS a, ${`x${i}`}::text AS b, ${i % 2 === 0}::boolean AS c`);
      // Large parameters arrive in several socket chunks, so one exchange spans several reads.
      work.push(db.$queryRaw`SELECT length(${"x".repeat(200_000 + i)}::text) AS n, ${i}::int AS i`);
      work.push(db.auditEvent.count({ where: { action: "account.created", at: { lte: new Date() } } }));
    }
    const results = await Promise.allSettled(work);
    const failures = results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason));
    expect(failures).toEqual([]);
    expect(await db.user.count()).toBe(60);
    expect(await db.auditEvent.count()).toBe(60);
  });
});
