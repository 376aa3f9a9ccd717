// HTTP figures in one run against the production server (`npm run build && npm start`): the bare
// route handler (the framework's ceiling on this machine) and Haven's hot paths, with
// autocannon; ratios to the bare route, server memory, and a database check that every
// acknowledged progress report was stored exactly once.
import crypto from "node:crypto";
import autocannon, { type AutocannonRequest } from "autocannon";
import pg from "pg";
import type { AppInstance } from "../harness/app";
import { Browser } from "../harness/http";
import { percentile } from "../harness/stats";
import { BENCH_EMAIL, HEAVY_THERAPIST_ID } from "./seed";

export const BENCH_PASSWORD = "bench-password-2026";

export type HttpCase = { name: string; rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; requests: number; ratio: number | null };
export type HttpRound = { cases: HttpCase[]; peakRssMb: number; endRssMb: number; progress: { acknowledged: number; notFurther: number; stored: number; lost: number; doubled: number } };

type Lane = { cookie: string; assignments: { id: string; progress: number }[]; at: number };

async function blast(app: AppInstance, options: { seconds: number; connections: number; request: AutocannonRequest }, onRss: (bytes: number) => void) {
  const latencies: number[] = [];
  const sampler = setInterval(() => onRss(app.rss()), 500);
  try {
    const result = await new Promise<Awaited<ReturnType<typeof collect>>>((resolve, reject) => {
      const instance = autocannon(
        { url: app.url, connections: options.connections, duration: options.seconds, timeout: 30, requests: [options.request] },
        (error, res) => (error ? reject(error) : resolve(collect(res))),
      );
      instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
    });
    return result;
  } finally {
    clearInterval(sampler);
  }
  function collect(res: Parameters<Parameters<typeof autocannon>[1]>[1]) {
    const sorted = latencies.sort((a, b) => a - b);
    return {
      rps: res.requests.total / Math.max(res.duration, 0.001),
      requests: res.requests.total,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      errors: res.errors + res.timeouts,
      non2xx: res.non2xx,
    };
  }
}

export async function prepareHttpUsers(app: AppInstance, url: string, connections: number) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const therapist = new Browser(app.url);
    if (!(await therapist.signIn(BENCH_EMAIL("therapist", 1), BENCH_PASSWORD)).ok) throw new Error("The bench therapist could not sign in.");
    // Clients of other therapists than the heavy one, each with assignments of their own (one lane per connection).
    const { rows } = await db.query<{ clientId: string; id: string; progress: number }>(
      `SELECT a."clientId", a."id", a."progress" FROM "Assignment" a
       WHERE a."active" AND a."therapistId" <> $1 AND a."id" LIKE 'ba%'
         AND a."clientId" IN (SELECT "id" FROM "User" WHERE "id" LIKE 'bc%' ORDER BY "id" DESC LIMIT $2)
       ORDER BY a."clientId", a."id"`,
      [HEAVY_THERAPIST_ID, connections],
    );
    const byClient = new Map<string, { id: string; progress: number }[]>();
    for (const r of rows) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), { id: r.id, progress: r.progress }]);
    const lanes: Lane[] = [];
    for (const [clientId, assignments] of byClient) {
      const browser = new Browser(app.url);
      const n = Number(clientId.slice(2));
      if (!(await browser.signIn(BENCH_EMAIL("client", n), BENCH_PASSWORD)).ok) throw new Error(`bench client ${n} could not sign in`);
      lanes.push({ cookie: browser.cookieHeader(), assignments, at: 0 });
    }
    if (lanes.length === 0) throw new Error("No bench clients found for the HTTP round.");
    return { therapistCookie: therapist.cookieHeader(), lanes };
  } finally {
    await db.end();
  }
}

async function resetLanes(url: string, lanes: Lane[]) {
  const ids = lanes.flatMap((lane) => lane.assignments.map((a) => a.id));
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(`UPDATE "Assignment" SET "progress" = 0, "completedAt" = NULL WHERE "id" = ANY($1::text[])`, [ids]);
  } finally {
    await db.end();
  }
  for (const lane of lanes) {
    lane.at = 0;
    for (const assignment of lane.assignments) assignment.progress = 0;
  }
}

export async function httpRound(
  app: AppInstance,
  url: string,
  users: Awaited<ReturnType<typeof prepareHttpUsers>>,
  options: { seconds: number; connections: number; searchWord: string; typoWord: string },
  log: (line: string) => void,
): Promise<HttpRound> {
  let peak = 0;
  const onRss = (bytes: number) => (peak = Math.max(peak, bytes));
  const origin = app.url;
  // Every round starts the lanes' readings at 0 % (a harness reset, straight in the database), so
  // each report is a real write for the whole round: at several hundred reports a second the lanes
  // otherwise reach 100 % and the rest would only be "not further" answers.
  await resetLanes(url, users.lanes);
  /** Keys the server acknowledged as recorded (must be stored once) and as not further (must not be stored). */
  const acked: string[] = [];
  const ackedNotRecorded: string[] = [];
  const sent: string[] = [];
  let laneCounter = 0;
  const laneOf = (context: Record<string, unknown>) => {
    if (context.lane === undefined) context.lane = users.lanes[laneCounter++ % users.lanes.length];
    return context.lane as Lane;
  };
  const trpcInput = encodeURIComponent(JSON.stringify({ json: { q: options.typoWord } }));
  const cases: [string, AutocannonRequest][] = [
    ["bare route GET", { method: "GET", path: "/api/bench/bare" }],
    ["bare route POST", { method: "POST", path: "/api/bench/bare", headers: { "content-type": "application/json" }, body: JSON.stringify({ hello: "world" }) }],
    [
      "progress report POST",
      {
        method: "POST",
        path: "/api/reading/progress",
        setupRequest: (request, context) => {
          const lane = laneOf(context);
          // Each connection owns its lane's assignments, so every report is further than the last.
          let assignment = lane.assignments[lane.at % lane.assignments.length] as { id: string; progress: number };
          for (let tries = 0; assignment.progress >= 100 && tries < lane.assignments.length; tries++) {
            lane.at++;
            assignment = lane.assignments[lane.at % lane.assignments.length] as { id: string; progress: number };
          }
          assignment.progress = Math.min(100, assignment.progress + 1);
          const key = crypto.randomUUID();
          const queue = (context.keys ??= []) as string[];
          queue.push(key);
          sent.push(key);
          return {
            ...request,
            headers: { "content-type": "application/json", origin, "sec-fetch-site": "same-origin", cookie: lane.cookie },
            body: JSON.stringify({ assignmentId: assignment.id, progress: assignment.progress, key }),
          };
        },
        onResponse: (status, body, context) => {
          const key = ((context.keys ?? []) as string[]).shift();
          if (!key || status < 200 || status >= 300) return;
          // {"recorded":true|false,...}: false = the reading was already as far (nothing to store).
          if (String(body).includes('"recorded":false')) ackedNotRecorded.push(key);
          else acked.push(key);
        },
      },
    ],
    [
      "client reading page",
      {
        method: "GET",
        setupRequest: (request, context) => {
          const lane = laneOf(context);
          const assignment = lane.assignments[0] as { id: string };
          return { ...request, path: `/client/readings/${assignment.id}?ready=1`, headers: { cookie: lane.cookie, "user-agent": "Mozilla/5.0 (bench)" } };
        },
      },
    ],
    ["library search page ?q=", { method: "GET", path: `/therapist/library?q=${encodeURIComponent(options.searchWord)}`, headers: { cookie: users.therapistCookie, "user-agent": "Mozilla/5.0 (bench)" } }],
    ["therapist home", { method: "GET", path: "/therapist", headers: { cookie: users.therapistCookie, "user-agent": "Mozilla/5.0 (bench)" } }],
    ["tRPC library.search (typo)", { method: "GET", path: `/api/trpc/library.search?input=${trpcInput}`, headers: { cookie: users.therapistCookie } }],
  ];
  const results: HttpCase[] = [];
  for (const [name, request] of cases) {
    laneCounter = 0;
    // A short warm-up at low concurrency, not counted (and never a progress report).
    if (name !== "progress report POST") await blast(app, { seconds: 1, connections: 4, request }, onRss);
    const r = await blast(app, { seconds: options.seconds, connections: options.connections, request }, onRss);
    const bare = name.includes("POST") ? results.find((c) => c.name === "bare route POST") : results.find((c) => c.name === "bare route GET");
    const ratio = bare && !name.startsWith("bare") ? r.rps / bare.rps : name.startsWith("bare") ? 1 : null;
    results.push({ name, ...r, ratio });
    log(
      `    ${name.padEnd(28)} ${r.rps.toFixed(r.rps < 10 ? 1 : 0).padStart(6)} req/s   p50 ${r.p50.toFixed(0).padStart(5)} ms   p95 ${r.p95.toFixed(0).padStart(5)} ms   p99 ${r.p99.toFixed(0).padStart(5)} ms   errors ${r.errors}, non-2xx ${r.non2xx}${ratio !== null ? `   ${(ratio * 100).toFixed(0)} % of bare` : ""}`,
    );
  }
  const endRss = app.rss();
  // The database's word: every acknowledged report stored exactly once.
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  let stored = 0;
  let doubled = 0;
  try {
    for (let i = 0; i < acked.length; i += 5000) {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "ReadingEvent" WHERE "idempotencyKey" = ANY($1::text[]) GROUP BY "idempotencyKey"`, [acked.slice(i, i + 5000)]);
      for (const row of rows) {
        if (Number(row.n) === 1) stored++;
        else doubled++;
      }
    }
    // "Not further" answers must have stored nothing.
    for (let i = 0; i < ackedNotRecorded.length; i += 5000) {
      const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM "ReadingEvent" WHERE "idempotencyKey" = ANY($1::text[])`, [ackedNotRecorded.slice(i, i + 5000)]);
      doubled += Number(rows[0]?.n ?? 0);
    }
  } finally {
    await db.end();
  }
  return {
    cases: results,
    peakRssMb: peak / 1048576,
    endRssMb: endRss / 1048576,
    progress: { acknowledged: acked.length, notFurther: ackedNotRecorded.length, stored, lost: acked.length - stored - Math.min(doubled, acked.length), doubled },
  };
}
