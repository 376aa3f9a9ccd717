// Issue 9 item 4 at /api/reading/progress: an empty body, NUL bytes, lone surrogates or wrong
// types are a 400 with nothing written — never a 500 (PostgreSQL 22021 for a NUL in an id).
import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { handleProgressReport } from "../../server/request/reading-progress";
import { assignedReading, assignmentRow, uuid } from "../support/assign-fixtures";

const ORIGIN = "http://localhost:3000";

function post(body: string | null, headers: Record<string, string> = {}) {
  return new Request(`${ORIGIN}/api/reading/progress`, {
    method: "POST",
    headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", ...headers },
    body,
  });
}

describe("POST /api/reading/progress with hostile bodies", () => {
  it("answers 400 and writes nothing", async () => {
    const { client, assignmentId } = await assignedReading();
    const user = { id: client.id, email: client.email, name: client.name, role: client.role };
    const key = uuid();
    const bodies: (string | null)[] = [
      null,
      "",
      " ",
      "null",
      "[]",
      "42",
      '"text"',
      "{}",
      JSON.stringify({ assignmentId: `${assignmentId}\u0000`, progress: 10, key }),
      JSON.stringify({ assignmentId: "\u0000", progress: 10, key }),
      JSON.stringify({ assignmentId: "\uD800", progress: 10, key }),
      JSON.stringify({ assignmentId: `${assignmentId.slice(0, -1)}\uDC00`, progress: 10, key }),
      JSON.stringify({ assignmentId, progress: 10, key: `${key}\u0000` }),
      JSON.stringify({ assignmentId, progress: "10", key }),
      JSON.stringify({ assignmentId, progress: null, key }),
      JSON.stringify({ assignmentId, progress: -1, key }),
      JSON.stringify({ assignmentId, progress: 1e308, key }),
      JSON.stringify({ assignmentId, progress: 10.5, key }),
      JSON.stringify({ assignmentId: 12345, progress: 10, key }),
      JSON.stringify({ assignmentId: [assignmentId], progress: 10, key }),
      JSON.stringify({ assignmentId: { $ne: null }, progress: 10, key }),
      JSON.stringify({ assignmentId, progress: 10, key: 7 }),
      JSON.stringify({ assignmentId, progress: 10 }),
      '{"assignmentId":' + "[".repeat(500) + "]".repeat(500) + "}",
    ];
    for (const body of bodies) {
      const response = await handleProgressReport(post(body), user, getDb());
      expect({ body: body?.slice(0, 60), status: response.status }).toEqual({ body: body?.slice(0, 60), status: 400 });
      const payload = (await response.json()) as { error: { code: string; message: string } };
      expect(payload.error.code).toBe("BAD_REQUEST");
      expect(payload.error.message).not.toMatch(/prisma|postgres|22021|invalid byte|stack/i);
    }
    const row = await assignmentRow(assignmentId);
    expect(row.progress).toBe(0);
    expect(await getDb().readingEvent.count({ where: { assignmentId } })).toBe(0);
  });
});
