// The database's word on what the simulated people were told: every acknowledged report stored
// exactly once, and every assignment's progress equal to the highest acknowledged value.
import pg from "pg";
import type { SentReport } from "./sim";

export type Verdict = { acknowledged: number; stored: number; lost: number; doubled: number; progressMismatches: number; notes: string[] };

export async function verifyReports(url: string, reports: SentReport[]): Promise<Verdict> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const keys = reports.map((r) => r.key);
    const counts = new Map<string, number>();
    for (let i = 0; i < keys.length; i += 5000) {
      const { rows } = await client.query<{ key: string; n: string }>(
        `SELECT "idempotencyKey" AS key, count(*) AS n FROM "ReadingEvent" WHERE "idempotencyKey" = ANY($1::text[]) GROUP BY 1`,
        [keys.slice(i, i + 5000)],
      );
      for (const row of rows) counts.set(row.key, Number(row.n));
    }
    const acked = reports.filter((r) => r.acked);
    const notes: string[] = [];
    let stored = 0;
    let lost = 0;
    let doubled = 0;
    for (const report of acked) {
      const n = counts.get(report.key) ?? 0;
      if (n === 1) stored++;
      if (n === 0) {
        lost++;
        if (notes.length < 5) notes.push(`lost: ${report.progress} on ${report.assignmentId} (key ${report.key})`);
      }
      if (n > 1) doubled++;
    }
    // The same progress value or "done" twice on one assignment would also be a doubled report.
    const ids = [...new Set(reports.map((r) => r.assignmentId))];
    const { rows: repeats } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT 1 FROM "ReadingEvent" WHERE "assignmentId" = ANY($1::text[]) AND "type" IN ('PROGRESS','COMPLETED')
         GROUP BY "assignmentId", "type", "progress" HAVING count(*) > 1) t`,
      [ids],
    );
    doubled += Number(repeats[0]?.n ?? 0);

    const { rows: summaries } = await client.query<{ id: string; progress: number; completedAt: Date | null }>(
      `SELECT "id", "progress", "completedAt" FROM "Assignment" WHERE "id" = ANY($1::text[])`,
      [ids],
    );
    let progressMismatches = 0;
    for (const row of summaries) {
      const mine = reports.filter((r) => r.assignmentId === row.id);
      const ackedValues = mine.filter((r) => r.acked && r.progress !== "done").map((r) => r.progress as number);
      const sentValues = mine.filter((r) => r.progress !== "done").map((r) => r.progress as number);
      const highestAcked = Math.max(0, ...ackedValues);
      const highestSent = Math.max(0, ...sentValues);
      const allAcked = mine.every((r) => r.acked);
      // An unacknowledged report may still have been committed (the answer was lost), so then
      // anything between the highest acknowledged and the highest sent value is honest.
      const good = allAcked ? row.progress === highestAcked : row.progress >= highestAcked && row.progress <= highestSent;
      const doneAcked = mine.some((r) => r.acked && r.progress === "done");
      if (!good || (doneAcked && !row.completedAt)) {
        progressMismatches++;
        if (notes.length < 8) notes.push(`assignment ${row.id}: progress ${row.progress}, highest acknowledged ${highestAcked}${doneAcked && !row.completedAt ? ", done acknowledged but not stored" : ""}`);
      }
    }
    const unacked = reports.length - acked.length;
    if (unacked) notes.push(`${unacked} report(s) never acknowledged before the deadline (not counted as lost)`);
    return { acknowledged: acked.length, stored, lost, doubled, progressMismatches, notes };
  } finally {
    await client.end();
  }
}
