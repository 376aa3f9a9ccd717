import { describe, expect, it } from "vitest";
import { GET as exportAssignments } from "../../app/api/export/assignments/route";
import { APP_ERRORS, AppError } from "../../server/app-error";
import type { Db } from "../../server/db";
import { runRoute } from "../../server/request/route-handler";
import { allowConsoleError } from "../support/fail-on-console-error";
import { createClientOf, createTherapist } from "../support/factories";

const URL_BASE = "http://localhost:3000/api/example";
const sameSite = { origin: "http://localhost:3000", "sec-fetch-site": "same-origin", "x-request-id": "guard-test-1" };
const asUser = (user: { id: string; email: string; name: string; role: "CLIENT" | "THERAPIST" | "ADMIN" } | null) => async () => user;

describe("the route-handler guard", () => {
  it("answers origin, sign-in and role refusals in one JSON shape with the request id", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const ok = async () => Response.json({ ok: true });
    const post = (headers: Record<string, string>) => new Request(URL_BASE, { method: "POST", headers });
    const cases: [Request, Parameters<typeof asUser>[0], number, string][] = [
      [post({ origin: "https://elsewhere.example", "sec-fetch-site": "cross-site", "x-request-id": "guard-test-1" }), client, 403, "FORBIDDEN"],
      [post(sameSite), null, 401, "UNAUTHORIZED"],
      [post(sameSite), therapist, 403, "FORBIDDEN"],
      [post(sameSite), client, 200, ""],
    ];
    for (const [request, user, status, code] of cases) {
      const response = await runRoute(request, { auth: "CLIENT", origin: "same-origin" }, ok, asUser(user), {} as Db);
      expect(response.status).toBe(status);
      if (code) expect(await response.json()).toEqual({ error: { code, message: expect.any(String), requestId: "guard-test-1" } });
    }
  });

  it("translates AppErrors by the table and hides everything else behind INTERNAL", async () => {
    const therapist = await createTherapist();
    const run = (error: unknown) =>
      runRoute(new Request(URL_BASE, { headers: { "x-request-id": "guard-test-2" } }), { auth: "any", origin: "not-cross-site" }, async () => {
        throw error;
      }, asUser(therapist), {} as Db);

    const limited = await run(new AppError("RATE_LIMITED"));
    expect(limited.status).toBe(429);
    expect(await limited.json()).toEqual({ error: { code: "RATE_LIMITED", message: APP_ERRORS.RATE_LIMITED.message, requestId: "guard-test-2" } });

    allowConsoleError();
    const internal = await run(new Error('relation "User" does not exist: SELECT "passwordHash" FROM "User" at 10.0.0.5:5432'));
    expect(internal.status).toBe(500);
    const text = await internal.text();
    expect(text).not.toMatch(/relation|SELECT|passwordHash|10\.0\.0\.5|5432|stack/);
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: APP_ERRORS.INTERNAL.message, requestId: "guard-test-2" } });
  });

  it("guards the real export route: cross-site refused before the session, signed-out asked to sign in", async () => {
    const crossSite = await exportAssignments(new Request("http://localhost:3000/api/export/assignments", { headers: { "sec-fetch-site": "cross-site" } }));
    expect(crossSite.status).toBe(403);
    expect((await crossSite.json()).error).toMatchObject({ code: "FORBIDDEN", requestId: expect.any(String) });
    const signedOut = await exportAssignments(new Request("http://localhost:3000/api/export/assignments", { headers: { "sec-fetch-site": "same-origin" } }));
    expect(signedOut.status).toBe(401);
  });
});
