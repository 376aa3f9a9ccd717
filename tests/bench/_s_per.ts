import "../harness/server-only-shim";
import { createPrismaClient } from "../../server/db/client";
const url = `postgresql://haven:haven@127.0.0.1:5432/${process.argv[2] ?? ""}`;
process.env.DATABASE_URL ??= url;
const { createCaller } = await import("../../server/routers/_app");
const { createInnerContext } = await import("../../server/trpc/init");
const db = createPrismaClient(url, { poolSize: 4 });
const t = createCaller(createInnerContext({ user: { id: "bt1", email: "x", name: "T", role: "THERAPIST" }, db } as never));
const common = ["attachment","notice","people","something","relationships","patterns","window","yourself","feeling","someone","security","clients","client","relationship","things","therapist","pattern","feelings","therapy","through"];
const typo = (w: string) => w.slice(0, Math.floor(w.length / 2)) + w.slice(Math.floor(w.length / 2) + 1);
const mode = process.argv[3] ?? "typo";
for (let i = 0; i < common.length; i++) {
  const q = mode === "typo" ? typo(common[i]!) : mode === "two" ? `${common[i]} ${common[(i + 7) % common.length]}` : common[i]!;
  await t.library.search({ q });
  const t0 = performance.now();
  const r = await t.library.search({ q });
  console.log(q.padEnd(28), (performance.now() - t0).toFixed(1).padStart(7), r.total, r.totalCapped);
}
process.exit(0);
