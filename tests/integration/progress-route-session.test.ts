// The progress route's fast path checks the session's account inside the report's own statement
// (one round trip, issue 10). Every rule of the usual guard must still hold when the route is
// called as the browser calls it — with next-auth's session cookie, not a pre-resolved user:
// revocation and deactivation on the next request, staff refused, another client's reading hidden,
// bad reports refused, nothing written on any refusal.
import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { POST } from "../../app/api/reading/progress/route";
import { getDb } from "../../server/db";
import { env } from "../../server/env";
import { assignedReading, assignmentRow, uuid } from "../support/assign-fixtures";
import { createClientOf, createTherapist } from "../support/factories";

const ORIGIN = "http://localhost:3000";

type Account = { id: string; role: string; email: string; name: string; sessionVersion: number };

async function cookieFor(user: Account, authAt = Math.floor(Date.now() / 1000)): Promise<string> {
  const token = await encode({
    secret: env().NEXTAUTH_SECRET,
    maxAge: 30 * 60,
    token: { sub: user.id, id: user.id, role: user.role, email: user.email, name: user.name, sessionVersion: user.sessionVersion, authAt } as never,
  });
  return `next-auth.session-token=${token}`;
}

function report(cookie: string | null, body: unknown) {
  return new Request(`${ORIGIN}/api/reading/progress`, {
    method: "POST",
    headers: {
      origin: ORIGIN,
      "sec-fetch-site": "same-origin",
      "content-type": "application/json",
      ...(cookie ? { cookie } : {}),
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const events = (assignmentId: string) => getDb().readingEvent.count({ where: { assignmentId } });

describe("POST /api/reading/progress with the session cookie", () => {
  it("records a client's report once per key, and says who it was in the answer's progress", async () => {
    const { client, assignmentId } = await assignedReading();
    const cookie = await cookieFor(client);
    const key = uuid();
    const first = await POST(report(cookie, { assignmentId, progress: 30, key }));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ recorded: true, progress: 30 });
    const retry = await POST(report(cookie, { assignmentId, progress: 30, key }));
    expect(await retry.json()).toEqual({ recorded: false, progress: 30 });
    const lower = await POST(report(cookie, { assignmentId, progress: 10, key: uuid() }));
    expect(await lower.json()).toEqual({ recorded: false, progress: 30 });
    expect(await events(assignmentId)).toBe(1);
  });

  it("answers 401 and records nothing once the client's sessions were revoked or the account deactivated", async () => {
    const { client, assignmentId } = await assignedReading();
    const cookie = await cookieFor(client);
    await getDb().user.update({ where: { id: client.id }, data: { sessionVersion: { increment: 1 } } });
    const revoked = await POST(report(cookie, { assignmentId, progress: 40, key: uuid() }));
    expect(revoked.status).toBe(401);
    // A malformed report from a revoked session is "signed out" first, as on the guard's path.
    expect((await POST(report(cookie, "{not json"))).status).toBe(401);

    const other = await assignedReading();
    const otherCookie = await cookieFor(other.client);
    await getDb().user.update({ where: { id: other.client.id }, data: { status: "DEACTIVATED" } });
    expect((await POST(report(otherCookie, { assignmentId: other.assignmentId, progress: 40, key: uuid() }))).status).toBe(401);

    expect((await assignmentRow(assignmentId)).progress).toBe(0);
    expect((await assignmentRow(other.assignmentId)).progress).toBe(0);
    expect(await events(assignmentId)).toBe(0);
  });

  it("refuses a cookie whose role claim no longer matches the account, staff, strangers and bad reports", async () => {
    const { therapist, client, assignmentId } = await assignedReading();
    const good = () => ({ assignmentId, progress: 50, key: uuid() });
    // A client cookie for an account that is now a therapist: the claim is stale, so signed out.
    const promoted = await createClientOf(therapist);
    const promotedCookie = await cookieFor(promoted);
    await getDb().user.update({ where: { id: promoted.id }, data: { role: "THERAPIST" } });
    const cases: [Request, number][] = [
      [report(null, good()), 401],
      [report("next-auth.session-token=forged", good()), 401],
      [report(await cookieFor(client, Math.floor(Date.now() / 1000) - 13 * 60 * 60), good()), 401],
      [report(promotedCookie, good()), 401],
      [report(await cookieFor(therapist), good()), 403],
      [report(await cookieFor(await createClientOf(await createTherapist())), good()), 404],
      [report(await cookieFor(client), { ...good(), progress: 101 }), 400],
      [report(await cookieFor(client), { ...good(), pad: "x".repeat(2000) }), 413],
    ];
    for (const [request, status] of cases) {
      const response = await POST(request);
      expect(response.status, `${request.headers.get("cookie")?.slice(0, 40)} → ${status}`).toBe(status);
      expect(Object.keys(((await response.json()) as { error: object }).error).sort()).toEqual(["code", "message", "requestId"]);
    }
    const crossSite = new Request(`${ORIGIN}/api/reading/progress`, {
      method: "POST",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "application/json", cookie: await cookieFor(client) },
      body: JSON.stringify(good()),
    });
    expect((await POST(crossSite)).status).toBe(403);
    expect((await assignmentRow(assignmentId)).progress).toBe(0);
    expect(await events(assignmentId)).toBe(0);
  });
});
