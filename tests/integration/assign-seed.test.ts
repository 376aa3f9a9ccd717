import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { seedDemoAccounts } from "../../server/services/seed/accounts";
import { seedDemoAssignments } from "../../server/services/seed/assignments";

describe("demo assignments seed", () => {
  it("adds assignments with history once, skips missing slugs, and can run again safely", async () => {
    const db = getDb();
    await seedDemoAccounts(db);
    for (const slug of ["understanding-anxious-attachment", "self-compassion-and-attachment"]) {
      await db.resource.create({
        data: { slug, title: slug, summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 3, status: "PUBLISHED", visibility: "SHARED" },
      });
    }
    const lines: string[] = [];
    await seedDemoAssignments(db, (line) => lines.push(line));
    await seedDemoAssignments(db);
    expect(lines.some((l) => l.includes("skipped: what-is-the-window-of-tolerance"))).toBe(true);

    const client = await db.user.findUniqueOrThrow({ where: { email: "client@haven.test" } });
    const rows = await db.assignment.findMany({ where: { clientId: client.id }, include: { resource: true, reflection: true } });
    expect(rows.map((r) => r.resource.slug).sort()).toEqual(["self-compassion-and-attachment", "understanding-anxious-attachment"]);
    const done = rows.find((r) => r.resource.slug === "self-compassion-and-attachment")!;
    expect(done).toMatchObject({ openCount: 1, progress: 100 });
    expect(done.completedAt).toBeInstanceOf(Date);
    expect(done.reflection).toMatchObject({ rating: 4, sharedWithTherapist: true });
    expect(await db.readingEvent.count({ where: { assignmentId: done.id } })).toBe(3);
  });
});
