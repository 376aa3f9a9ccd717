import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { handleProgressReport } from "../../server/request/reading-progress";
import { assignedReading, assignmentRow, uuid } from "../support/assign-fixtures";
import { createClientOf, createTherapist } from "../support/factories";

const ORIGIN = "http://localhost:3000";

function post(body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return new Request(`${ORIGIN}/api/reading/progress`, {
    method: "POST",
    headers: { origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", ...headers },
    body: text,
  });
}

const session = (user: { id: string; email: string; name: string; role: "CLIENT" | "THERAPIST" | "ADMIN" }) => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
});

describe("POST /api/reading/progress", () => {
  it("records the client's own progress once per key", async () => {
    const { client, assignmentId } = await assignedReading();
    const key = uuid();
    const first = await handleProgressReport(post({ assignmentId, progress: 64, key }), session(client), getDb());
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ recorded: true, progress: 64 });
    const retry = await handleProgressReport(post({ assignmentId, progress: 64, key }), session(client), getDb());
    expect(await retry.json()).toEqual({ recorded: false, progress: 64 });
    expect(await getDb().readingEvent.count({ where: { assignmentId } })).toBe(1);
  });

  it("refuses cross-site, signed-out, staff, oversized and malformed reports without changing anything", async () => {
    const { therapist, client, assignmentId } = await assignedReading();
    const good = { assignmentId, progress: 50, key: uuid() };
    const cases: [Request, Parameters<typeof handleProgressReport>[1], number][] = [
      [post(good, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }), session(client), 403],
      [post(good), null, 401],
      [post(good), session(therapist), 403],
      [post({ ...good, pad: "x".repeat(2000) }), session(client), 413],
      [post("{not json"), session(client), 400],
      [post({ ...good, progress: 101 }), session(client), 400],
      [post({ ...good, key: "bad key with spaces" }), session(client), 400],
    ];
    for (const [request, user, status] of cases) {
      const response = await handleProgressReport(request, user, getDb());
      expect(response.status).toBe(status);
    }
    expect((await assignmentRow(assignmentId)).progress).toBe(0);
  });

  it("answers 404 for another client's reading", async () => {
    const { assignmentId } = await assignedReading();
    const someoneElse = await createClientOf(await createTherapist());
    const response = await handleProgressReport(post({ assignmentId, progress: 80, key: uuid() }), session(someoneElse), getDb());
    expect(response.status).toBe(404);
    expect((await assignmentRow(assignmentId)).progress).toBe(0);
  });
});
