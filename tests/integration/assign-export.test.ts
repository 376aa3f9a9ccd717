import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { EXPORT_COLUMNS, exportAssignmentsCsv } from "../../server/services/assignments/export";
import { markComplete, recordOpen } from "../../server/services/tracking/events";
import { createResource, uuid } from "../support/assign-fixtures";
import { callerFor, createClientOf, createTherapist, type TestUser } from "../support/factories";

/** A small RFC 4180 reader, to check the file parses back to exactly what went in. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(cell);
      cell = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += ch;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

const actor = (user: TestUser) => ({ actorId: user.id, actorRole: user.role, requestId: "req-export", ip: "203.0.113.7" });

describe("CSV export", () => {
  it("quotes properly and neutralises formula cells", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist, { name: '=HYPERLINK("http://evil.test","click")' });
    const resource = await createResource({ title: '+Quotes "inside", commas' });
    const note = "-2+3\nsecond line, with comma";
    const [result] = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [client.id], note, dueDate: "2031-01-09" });
    await recordOpen(getDb(), { assignmentId: result!.assignmentId!, clientId: client.id });
    await markComplete(getDb(), { assignmentId: result!.assignmentId!, clientId: client.id, key: uuid() });
    await callerFor(client).reading.reflect({ id: result!.assignmentId!, rating: 4, body: "@SUM(A1:A9)\tand more", sharedWithTherapist: true });

    const { csv, rows } = await exportAssignmentsCsv(getDb(), actor(therapist), therapist.id, client.id);
    expect(rows).toBe(1);
    const [header, line] = parseCsv(csv);
    expect(header).toEqual([...EXPORT_COLUMNS]);
    const cell = (name: (typeof EXPORT_COLUMNS)[number]) => line![EXPORT_COLUMNS.indexOf(name)];
    expect(cell("Client")).toBe(`'=HYPERLINK("http://evil.test","click")`);
    expect(cell("Reading")).toBe(`'+Quotes "inside", commas`);
    expect(cell("Note")).toBe(`'${note}`);
    expect(cell("Reflection (shared)")).toBe("'@SUM(A1:A9)\tand more");
    expect(cell("Status")).toBe("Done");
    expect(cell("Due date")).toBe("2031-01-09");
    expect(cell("Times opened")).toBe("1");
    expect(cell("Rating (shared)")).toBe("4");
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.test"",""click"")"');
    // No cell may begin with a formula trigger.
    for (const value of line!) expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it("exports all my current clients, leaves private reflections out, and audits the download", async () => {
    const therapist = await createTherapist();
    const [a, b] = [await createClientOf(therapist), await createClientOf(therapist)];
    const resource = await createResource();
    const results = await callerFor(therapist).assignment.create({ resourceId: resource.id, clientIds: [a.id, b.id] });
    await callerFor(a).reading.reflect({ id: results[0]!.assignmentId!, rating: 2, body: "Only for me." });

    const { csv, rows } = await exportAssignmentsCsv(getDb(), actor(therapist), therapist.id, null);
    expect(rows).toBe(2);
    expect(csv).toContain(a.email);
    expect(csv).toContain(b.email);
    expect(csv).not.toContain("Only for me.");
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { action: "export.downloaded", actorId: therapist.id } });
    expect(audit).toMatchObject({ targetType: "ClientList", requestId: "req-export", detail: { format: "csv", rows: 2, scope: "all" } });
  });
});
