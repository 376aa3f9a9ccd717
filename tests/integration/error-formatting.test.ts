import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import type { Db } from "../../server/db";
import { appRouter } from "../../server/routers/_app";
import { createInnerContext } from "../../server/trpc/init";
import { allowConsoleError } from "../support/fail-on-console-error";
import { createTherapist } from "../support/factories";

async function call(path: string, db: Db, user: Awaited<ReturnType<typeof createTherapist>> | null, init?: RequestInit) {
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`http://localhost/api/trpc/${path}`, init),
    router: appRouter,
    createContext: () => createInnerContext({ user, db, requestId: "req-1234" }),
  });
  return { status: response.status, body: await response.json() };
}

describe("errors that reach the browser", () => {
  it("hide database messages behind a plain message with the request id", async () => {
    allowConsoleError();
    const therapist = await createTherapist();
    const brokenDb = {
      user: {
        findUnique: async () => {
          throw new Error('relation "User" does not exist: SELECT "passwordHash" FROM "User"');
        },
      },
    } as unknown as Db;
    const { status, body } = await call("account.me", brokenDb, therapist);
    expect(status).toBe(500);
    const text = JSON.stringify(body);
    expect(text).not.toMatch(/passwordHash|SELECT|relation/);
    expect(body.error.json.message).toMatch(/Something went wrong on our side.*req-1234/);
    expect(body.error.json.data.requestId).toBe("req-1234");
  });

  it("answers a signed-out mutation with UNAUTHORIZED and a plain message", async () => {
    const { status, body } = await call("account.changePassword", {} as Db, null, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { currentPassword: "a", newPassword: "b".repeat(12) } }),
    });
    expect(status).toBe(401);
    expect(body.error.json.message).toBe("Please sign in to continue.");
  });

  it("reports invalid input as field errors without echoing internals", async () => {
    const therapist = await createTherapist();
    const { status, body } = await call("account.changePassword", {} as Db, therapist, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ json: { currentPassword: "", newPassword: "short" } }),
    });
    expect(status).toBe(400);
    expect(body.error.json.message).toBe("Some of the details need another look.");
    expect(body.error.json.data.fieldErrors.newPassword).toEqual(["Use at least 12 characters"]);
  });
});
