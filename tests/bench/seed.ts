// Synthetic practice data for `npm run bench`, written with set-based SQL (generate_series), so
// even L (1M reading events) takes minutes. Resource text is drawn from the library's own
// vocabulary (prisma/library/*.md), frequent words more often, so search ranking has real work.
import fs from "node:fs";
import path from "node:path";
import cliProgress from "cli-progress";
import pg from "pg";

export type Size = { name: "S" | "M" | "L"; resources: number; therapists: number; clients: number; events: number; perClient: number; heavyClients: number; heavyPerClient: number };

export const SIZES: Record<Size["name"], Size> = {
  S: { name: "S", resources: 1_000, therapists: 20, clients: 500, events: 10_000, perClient: 5, heavyClients: 0, heavyPerClient: 0 },
  M: { name: "M", resources: 10_000, therapists: 100, clients: 5_000, events: 200_000, perClient: 8, heavyClients: 0, heavyPerClient: 0 },
  L: { name: "L", resources: 50_000, therapists: 500, clients: 25_000, events: 1_000_000, perClient: 8, heavyClients: 500, heavyPerClient: 40 },
};

/** The heavy therapist (L) or the first one: `bt1`, with clients `bc1`…; ids are predictable on purpose. */
export const HEAVY_THERAPIST_ID = "bt1";
export const BENCH_EMAIL = (role: "therapist" | "client", n: number) => `bench-${role}-${n}@bench.test`;

/** Words of the library, most frequent first (stop words and very short words dropped). */
export function libraryVocabulary(): string[] {
  const dir = path.resolve(import.meta.dirname, "../../prisma/library");
  const counts = new Map<string, number>();
  const stop = new Set("the and that this with your you for are can was but not have from they what when will their them there about which into been more some just like than then also other these those our its it's who how".split(" "));
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".md"))) {
    const text = fs.readFileSync(path.join(dir, file), "utf8").toLowerCase();
    for (const word of text.match(/[a-z][a-z'-]{2,}[a-z]/g) ?? []) {
      if (stop.has(word)) continue;
      counts.set(word, (counts.get(word) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([w]) => w);
}

type Step = { label: string; run: (client: pg.Client, tick: (done: number) => void) => Promise<void>; total: number };

export async function seedSynthetic(url: string, size: Size, passwordHash: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const vocab = libraryVocabulary();
  const { rows: tags } = await client.query<{ id: string; name: string }>(`SELECT "id", "name" FROM "Tag" ORDER BY "slug"`);
  if (tags.length < 3) throw new Error("The library import should have created tags first.");
  const R = size.resources;
  const T = size.therapists;
  const C = size.clients;
  const words = (count: string, skew = 1.7) =>
    // Correlated on g so each row draws its own words; power(random(), k) favours frequent words.
    `(SELECT string_agg(($1::text[])[1 + floor(power(random(), ${skew}) * array_length($1::text[], 1))::int], ' ') FROM generate_series(1, ${count}) w WHERE g > 0)`;
  const CHUNK = 100_000;
  const chunked = (total: number, sql: (from: number, to: number) => string, params: unknown[] = [], chunk = CHUNK) => async (c: pg.Client, tick: (d: number) => void) => {
    for (let from = 1; from <= total; from += chunk) {
      const to = Math.min(total, from + chunk - 1);
      await c.query(sql(from, to), params);
      tick(to);
    }
  };
  const tagIds = tags.map((t) => t.id);
  const tagNames = tags.map((t) => t.name);
  const assignmentsTotal = (C - size.heavyClients) * size.perClient + size.heavyClients * size.heavyPerClient;

  const steps: Step[] = [
    {
      label: "accounts",
      total: T + C,
      run: async (c, tick) => {
        await c.query(
          `INSERT INTO "User" ("id","email","name","role","status","passwordHash","updatedAt")
           SELECT 'bt' || g, 'bench-therapist-' || g || '@bench.test', 'Therapist ' || g, 'THERAPIST', 'ACTIVE', $1, now() FROM generate_series(1, ${T}) g`,
          [passwordHash],
        );
        await c.query(
          `INSERT INTO "User" ("id","email","name","role","status","passwordHash","updatedAt")
           SELECT 'bc' || g, 'bench-client-' || g || '@bench.test', 'Client ' || g, 'CLIENT', 'ACTIVE', $1, now() - (g % 300) * interval '1 day' FROM generate_series(1, ${C}) g`,
          [passwordHash],
        );
        await c.query(
          `INSERT INTO "CareRelationship" ("id","therapistId","clientId","startedAt")
           SELECT 'bcr' || g, 'bt' || CASE WHEN g <= ${size.heavyClients} THEN 1 ELSE 1 + g % ${T} END, 'bc' || g, now() - (g % 400) * interval '1 day'
           FROM generate_series(1, ${C}) g`,
        );
        tick(T + C);
      },
    },
    {
      label: "resources",
      total: R,
      run: chunked(
        R,
        (from, to) => `INSERT INTO "Resource" ("id","slug","title","summary","body","kind","readingMinutes","audience","contentNote","ownerId","visibility","status","tagText","publishedAt","createdAt","updatedAt")
          SELECT 'br' || g, 'bench-' || g,
                 initcap(${words("3 + g % 4", 1.2)}),
                 ${words("12 + g % 14")} || '.',
                 ${words("60 + (g * 37) % 260")} || E'.\\n\\n' || ${words("40 + (g * 13) % 120")} || '.',
                 (ARRAY['ARTICLE','WORKSHEET','EXERCISE','AUDIO','VIDEO','ARTICLE','ARTICLE'])[1 + g % 7]::"ResourceKind",
                 2 + g % 25,
                 (ARRAY['CLIENT','CLINICIAN','ANYONE'])[1 + g % 3]::"Audience",
                 CASE WHEN g % 10 = 0 THEN 'Mentions difficult memories.' END,
                 CASE WHEN g % 7 = 0 THEN 'bt' || (1 + g % ${T}) END,
                 CASE WHEN g % 7 = 0 AND g % 2 = 0 THEN 'PRIVATE' ELSE 'SHARED' END::"Visibility",
                 CASE WHEN g % 30 = 0 THEN 'ARCHIVED' WHEN g % 14 = 0 THEN 'DRAFT' ELSE 'PUBLISHED' END::"ResourceStatus",
                 ($2::text[])[1 + g % array_length($2::text[], 1)] || ' ' || ($2::text[])[1 + (g % array_length($2::text[], 1) + 1 + (g / 7) % (array_length($2::text[], 1) - 1)) % array_length($2::text[], 1)],
                 now() - (g % 700) * interval '1 hour', now() - (g % 900) * interval '1 hour', now()
          FROM generate_series(${from}, ${to}) g`,
        [vocab.slice(0, 4000), tagNames],
        2_500, // text generation is the slow part: smaller chunks keep the bar moving
      ),
    },
    {
      label: "resource tags",
      total: R,
      run: chunked(
        R,
        (from, to) => `INSERT INTO "ResourceTag" ("resourceId","tagId")
          SELECT 'br' || g, ($1::text[])[1 + g % array_length($1::text[], 1)] FROM generate_series(${from}, ${to}) g
          UNION ALL
          SELECT 'br' || g, ($1::text[])[1 + (g % array_length($1::text[], 1) + 1 + (g / 7) % (array_length($1::text[], 1) - 1)) % array_length($1::text[], 1)] FROM generate_series(${from}, ${to}) g`,
        [tagIds],
      ),
    },
    {
      label: "assignments",
      total: assignmentsTotal,
      run: async (c, tick) => {
        // Client g's k-th assignment is resource 1 + (g*7 + k*13) mod R: distinct for k ≤ 40.
        await c.query(
          `INSERT INTO "Assignment" ("id","therapistId","clientId","resourceId","assignedAt","dueAt","firstOpenedAt","lastOpenedAt","openCount","progress","completedAt","lastActivityAt")
           SELECT 'ba' || g || '_' || k,
                  'bt' || CASE WHEN g <= ${size.heavyClients} THEN 1 ELSE 1 + g % ${T} END,
                  'bc' || g,
                  'br' || (1 + (g * 7 + k * 13) % ${R}),
                  now() - ((g + k) % 120) * interval '1 day',
                  CASE WHEN k % 3 = 0 THEN now() + ((g + k) % 20 - 5) * interval '1 day' END,
                  CASE WHEN (g + k) % 4 <> 0 THEN now() - ((g + k) % 100) * interval '1 day' END,
                  CASE WHEN (g + k) % 4 <> 0 THEN now() - ((g + k) % 30) * interval '1 day' END,
                  CASE WHEN (g + k) % 4 <> 0 THEN 1 + (g + k) % 5 ELSE 0 END,
                  CASE WHEN (g + k) % 4 <> 0 THEN ((g * 31 + k * 17) % 101) ELSE 0 END,
                  CASE WHEN (g + k) % 4 <> 0 AND (g * 31 + k * 17) % 101 = 100 THEN now() - ((g + k) % 20) * interval '1 day' END,
                  CASE WHEN (g + k) % 4 <> 0 THEN now() - ((g + k) % 30) * interval '1 day' END
           FROM generate_series(1, ${C}) g
           CROSS JOIN LATERAL generate_series(1, CASE WHEN g <= ${size.heavyClients} THEN ${size.heavyPerClient} ELSE ${size.perClient} END) k`,
        );
        await c.query(`CREATE TEMP TABLE bench_assignment_order AS SELECT row_number() OVER (ORDER BY "id") AS n, "id" FROM "Assignment" WHERE "id" LIKE 'ba%'`);
        await c.query(`CREATE INDEX ON bench_assignment_order (n)`);
        await c.query(
          `INSERT INTO "Reflection" ("id","assignmentId","body","rating","sharedWithTherapist","sharedAt","updatedAt")
           SELECT 'bre' || n, "id", 'A reflection written for the benchmark.', 1 + n % 5, n % 2 = 0, CASE WHEN n % 2 = 0 THEN now() - (n % 30) * interval '1 day' END, now()
           FROM bench_assignment_order WHERE n % 10 = 0`,
        );
        tick(assignmentsTotal);
      },
    },
    {
      label: "reading events",
      total: size.events,
      run: chunked(
        size.events,
        (from, to) => `INSERT INTO "ReadingEvent" ("id","assignmentId","type","at","progress","idempotencyKey")
          SELECT 'be' || g, o."id",
                 CASE WHEN g <= ${assignmentsTotal} THEN 'OPENED' WHEN g % 11 = 0 THEN 'REOPENED' ELSE 'PROGRESS' END::"ReadingEventType",
                 now() - (g % 2880) * interval '1 hour',
                 CASE WHEN g > ${assignmentsTotal} AND g % 11 <> 0 THEN 1 + g % 100 END,
                 'bench-' || g
          FROM generate_series(${from}, ${to}) g JOIN bench_assignment_order o ON o.n = 1 + (g - 1) % ${assignmentsTotal}`,
      ),
    },
    {
      label: "audit trail",
      total: Math.round(size.events / 2),
      run: chunked(
        Math.round(size.events / 2),
        (from, to) => `INSERT INTO "AuditEvent" ("id","at","actorId","actorRole","action","targetType","targetId","detail")
          SELECT 'bau' || g, now() - g * interval '7 seconds',
                 'bt' || (1 + g % ${T}), 'THERAPIST',
                 (ARRAY['auth.sign_in','client_data.viewed','assignment.created','resource.edited','client_data.viewed'])[1 + g % 5],
                 (ARRAY['User','ClientList','Assignment','Resource','Client'])[1 + g % 5], 'bc' || (1 + g % ${C}), '{}'::jsonb
          FROM generate_series(${from}, ${to}) g`,
      ),
    },
    {
      label: "analyze",
      total: 1,
      run: async (c, tick) => {
        await c.query("ANALYZE");
        tick(1);
      },
    },
  ];

  const bars = new cliProgress.MultiBar(
    { format: `  ${size.name} {label} |{bar}| {value}/{total} {duration_formatted}`, hideCursor: true, noTTYOutput: true, notTTYSchedule: 15_000, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  try {
    for (const step of steps) {
      const bar = bars.create(step.total, 0, { label: step.label.padEnd(15) });
      await step.run(client, (done) => bar.update(done));
      bar.update(step.total);
      bar.stop();
    }
  } finally {
    bars.stop();
    await client.end();
  }
  return { seconds: (performance.now() - started) / 1000, vocabulary: vocab };
}
