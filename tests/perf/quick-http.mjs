// Quick side-by-side HTTP measurement used while profiling (issue 10). The full harness is
// `npm run bench`; this one only needs a running `npm start` and a seeded database.
//   BASE_URL=http://127.0.0.1:4500 DATABASE_URL=... node tests/perf/quick-http.mjs [seconds] [connections] [name-part,...]
// The bare routes always run (they are the ratios' base) unless QUICK_NO_BARE=1 (a profile of one case).
// Progress reports go to the bench client's assignments (1,000 rows, ids benchasg1..benchasg1000),
// each request a new key and a higher progress, so every report is a real write.
import autocannon from "autocannon";
import { randomUUID } from "node:crypto";
import { execFileSync } from "node:child_process";
import { signIn as signInAt } from "./sign-in.mjs";

const base = process.env.BASE_URL ?? "http://127.0.0.1:4500";
const duration = Number(process.argv[2] ?? 12);
const connections = Number(process.argv[3] ?? 50);
const only = process.argv[4]?.split(",");
const password = "haven-demo-password";

const signIn = (email) => signInAt(base, email, password);

function serverPid() {
  const port = new URL(base).port;
  try {
    const out = execFileSync("sh", ["-c", `ss -ltnp 'sport = :${port}' | grep -o 'pid=[0-9]*' | head -1`]).toString();
    return Number(out.replace("pid=", "")) || null;
  } catch {
    return null;
  }
}
/** CPU seconds (user + system) the server process has used: per-request cost that other load on the machine does not inflate much. */
function cpuSeconds(pid) {
  try {
    const fields = execFileSync("cat", [`/proc/${pid}/stat`]).toString().split(") ")[1].split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
/** CPU seconds used by the PostgreSQL backends serving DATABASE_URL's database (the pool's connections). */
function dbCpuSeconds() {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  try {
    const db = new URL(url).pathname.slice(1);
    const pids = execFileSync("psql", [url, "-Atc", `SELECT pid FROM pg_stat_activity WHERE datname = '${db.replace(/'/g, "")}' AND pid <> pg_backend_pid()`]).toString().trim().split("\n").filter(Boolean);
    return pids.reduce((sum, p) => sum + (cpuSeconds(Number(p)) ?? 0), 0);
  } catch {
    return null;
  }
}
function rssMb(pid) {
  try {
    const status = execFileSync("cat", [`/proc/${pid}/status`]).toString();
    return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
  } catch {
    return null;
  }
}

const client = await signIn("client@haven.test");
const benchClient = await signIn("bench-client@haven.test");
const therapist = await signIn("therapist@haven.test");
const assignmentId = process.env.READING_ASSIGNMENT_ID;
let seq = Number(process.env.PROGRESS_START ?? Date.now() % 1000) * 1000;

const trpcInput = encodeURIComponent(JSON.stringify({ json: { q: "avoidnt", limit: 20 } }));
const cases = [
  { name: "bare GET", url: "/api/bench/bare" },
  { name: "bare POST", url: "/api/bench/bare", method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ hello: "world" }) },
  {
    name: "progress POST",
    url: "/api/reading/progress",
    method: "POST",
    headers: { "content-type": "application/json", cookie: benchClient, origin: base },
    // autocannon applies setupRequest per entry of `requests` (not as a top-level option).
    requests: [
      {
        method: "POST",
        setupRequest(req) {
          const n = seq++;
          const body = { assignmentId: `benchasg${(n % 1000) + 1}`, progress: 1 + (Math.floor(n / 1000) % 100), key: randomUUID() };
          return { ...req, body: JSON.stringify(body) };
        },
      },
    ],
  },
  ...(assignmentId ? [{ name: "client reading page", url: `/client/readings/${assignmentId}?ready=1`, headers: { cookie: client, "user-agent": "Mozilla/5.0 bench" } }] : []),
  { name: "library search page", url: "/therapist/library?q=attachment", headers: { cookie: therapist } },
  { name: "tRPC search (typo)", url: `/api/trpc/library.search?input=${trpcInput}`, headers: { cookie: therapist, "content-type": "application/json" } },
  { name: "therapist home", url: "/therapist", headers: { cookie: therapist } },
  { name: "health", url: "/api/health" },
  { name: "signin", url: "/signin" },
].filter((c) => !only || (c.name.startsWith("bare") && !process.env.QUICK_NO_BARE) || only.some((o) => c.name.includes(o)));

const pid = serverPid();
const results = [];
let peak = 0;
for (const c of cases) {
  const { name, url, ...rest } = c;
  // Warm-up: a few requests before measuring.
  await autocannon({ url: base + url, connections: 4, amount: 40, ...rest });
  const cpuBefore = pid ? cpuSeconds(pid) : null;
  const dbBefore = dbCpuSeconds();
  const r = await autocannon({ url: base + url, connections, duration, ...rest });
  const dbAfter = dbCpuSeconds();
  const dbMs = dbBefore !== null && dbAfter !== null ? Math.round(((dbAfter - dbBefore) * 1000 * 10) / r.requests.total) / 10 : null;
  const cpuMs = pid && cpuBefore !== null ? Math.round(((cpuSeconds(pid) - cpuBefore) * 1000 * 10) / r.requests.total) / 10 : null;
  const rss = pid ? rssMb(pid) : null;
  if (rss) peak = Math.max(peak, rss);
  if (r.non2xx) console.error(name, JSON.stringify(r.statusCodeStats));
  results.push({ name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, rss, cpuMs, dbMs });
}
const bareGet = results.find((r) => r.name === "bare GET")?.rps;
const barePost = results.find((r) => r.name === "bare POST")?.rps;
console.log(`\n${base}, ${connections} connections, ${duration} s per case, server pid ${pid}, peak RSS ${peak} MB`);
console.log("| case | req/s | p50 ms | p99 ms | non-2xx | errors | share of bare | server CPU ms/req | DB CPU ms/req | RSS MB |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const bare = r.name.includes("POST") ? barePost : bareGet;
  const share = bare ? `${Math.round((100 * r.rps) / bare)} %` : "";
  console.log(`| ${r.name} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} | ${share} | ${r.cpuMs ?? ""} | ${r.dbMs ?? ""} | ${r.rss ?? ""} |`);
}
