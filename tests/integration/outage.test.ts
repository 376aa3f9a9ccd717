import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createRequire } from "node:module";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as progressRoute } from "../../app/api/reading/progress/route";
import { APP_ERRORS, isUnavailableDigest } from "../../server/app-error";
import { authOptions, sessionUserFromHeaders, type AuthProbe } from "../../server/auth";
import { createPrismaClient } from "../../server/db/client";
import { getDb, setDbForTests } from "../../server/db";
import { appRouter } from "../../server/routers/_app";
import { createTRPCContext } from "../../server/trpc/init";
import { assignedReading, uuid } from "../support/assign-fixtures";
import { allowConsoleError } from "../support/fail-on-console-error";
import { TEST_PASSWORD, type TestUser } from "../support/factories";
import { startOutageProxy, type OutageProxy } from "../support/outage-proxy";

// The database goes away under the app (a TCP proxy in front of the test database cuts open
// connections and refuses new ones) and comes back. Works the same on PGlite and PostgreSQL.
// Wanted: 503 SERVICE_UNAVAILABLE everywhere, never 401 / "signed out" / "wrong password", no
// internal text in any answer, and recovery without a restart.

process.env.NEXTAUTH_URL ??= process.env.APP_URL;
// next-auth's request handler (what its route handler runs), which the package does not export by name.
type AuthResult = { status?: number; body?: unknown; redirect?: string; cookies?: { name: string; value: string }[] };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Record<string, unknown>; options: unknown }) => Promise<AuthResult>;
};
const ORIGIN = "http://localhost:3000";
const SESSION_COOKIE = "next-auth.session-token";
/** Anything that would tell a caller about the database: host, port, driver or SQL words. */
const LEAK = /127\.0\.0\.1|localhost:\d{4}|:\d{4,5}\b|prisma|P1001|P1017|P2010|ECONN|socket|terminated|invocation|SELECT|postgres|pglite|driver|adapter|stack/i;

let proxy: OutageProxy;
let original: ReturnType<typeof getDb>;
let proxied: ReturnType<typeof createPrismaClient>;
let therapist: TestUser;
let client: TestUser;
let assignmentId: string;
let cookie: string;

async function sessionCookie(user: TestUser): Promise<string> {
  const token = await encode({
    secret: process.env.NEXTAUTH_SECRET as string,
    token: { sub: user.id, id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion, authAt: Math.floor(Date.now() / 1000) },
  });
  return `${SESSION_COOKIE}=${token}`;
}

function headersWith(extra: Record<string, string> = {}): Headers {
  return new Headers({ host: "localhost:3000", cookie, "x-request-id": `outage-${uuid()}`, ...extra });
}

/** The tRPC route's real context: the session is checked from the cookie, against the database. */
async function trpc(path: string, init?: { body: unknown }) {
  const headers = headersWith(init ? { "content-type": "application/json", origin: ORIGIN, "sec-fetch-site": "same-origin" } : {});
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: new Request(`${ORIGIN}/api/trpc/${path}`, init ? { method: "POST", headers, body: JSON.stringify({ json: init.body }) } : { headers }),
    router: appRouter,
    createContext: () => createTRPCContext({ headers, resolveUser: () => sessionUserFromHeaders(headers) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

function progressReport(progress: number) {
  return new Request(`${ORIGIN}/api/reading/progress`, {
    method: "POST",
    headers: headersWith({ origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json" }),
    body: JSON.stringify({ assignmentId, progress, key: uuid() }),
  });
}

/** next-auth's own sign-in path (CSRF token, then the credentials callback), as the browser drives it. */
async function signIn(email: string, password: string) {
  const probe: AuthProbe = { unavailable: false };
  const options = authOptions({ requestId: "outage-signin", ip: "203.0.113.9" }, probe);
  const headers = { host: "localhost:3000" };
  const csrf = await AuthHandler({ req: { action: "csrf", method: "GET", headers, cookies: {}, query: {}, body: {} }, options });
  const csrfCookie = csrf.cookies?.find((c) => c.name.includes("csrf-token"));
  const { csrfToken } = csrf.body as { csrfToken: string };
  const result = await AuthHandler({
    req: {
      action: "callback",
      providerId: "credentials",
      method: "POST",
      headers,
      cookies: { [csrfCookie!.name]: csrfCookie!.value },
      query: {},
      body: { csrfToken, email, password, json: "true" },
    },
    options,
  });
  return { probe, redirect: String(result.redirect ?? ""), status: result.status, cookies: result.cookies ?? [] };
}

/** Read past the proxy, straight from the test database. */
const assignmentRow = (id: string) => original.assignment.findUniqueOrThrow({ where: { id } });

function expectCalmUnavailable(status: number, text: string) {
  expect(status).toBe(503);
  expect(text).toContain(APP_ERRORS.SERVICE_UNAVAILABLE.message);
  expect(text).not.toMatch(LEAK);
  expect(text).not.toContain("sign in");
}

beforeAll(async () => {
  original = getDb();
  ({ therapist, client, assignmentId } = await assignedReading());
  cookie = await sessionCookie(client);
  proxy = await startOutageProxy(process.env.DATABASE_URL as string);
  proxied = createPrismaClient(proxy.url, { poolSize: 3 });
  setDbForTests(proxied);
  await proxied.user.count(); // warm: the pool holds open connections the outage will cut
});

afterAll(async () => {
  setDbForTests(original);
  await proxy.close();
  await proxied.$disconnect();
});

beforeEach(async () => {
  await proxy.up();
});

describe("while the database is unreachable", () => {
  it("the session check says 'couldn't check', never 'signed out', and recovers without a restart", async () => {
    expect(await sessionUserFromHeaders(headersWith())).toMatchObject({ id: client.id, role: "CLIENT" });
    await proxy.down();
    allowConsoleError();
    const failure = await sessionUserFromHeaders(headersWith()).then(
      () => null,
      (error: unknown) => error as { code?: string; digest?: string; message: string },
    );
    expect(failure).toMatchObject({ code: "SERVICE_UNAVAILABLE", message: APP_ERRORS.SERVICE_UNAVAILABLE.message });
    // A page render that meets it shows the calm page (app/error.tsx reads the digest), not /signin.
    expect(isUnavailableDigest(failure?.digest)).toBe(true);
    // No cookie is still simply signed out: that needs no database.
    expect(await sessionUserFromHeaders(new Headers({ host: "localhost:3000" }))).toBeNull();
    await proxy.up();
    expect(await sessionUserFromHeaders(headersWith())).toMatchObject({ id: client.id });
  });

  it("tRPC answers 503 SERVICE_UNAVAILABLE for protected and public procedures, then works again", async () => {
    expect((await trpc("reading.list")).status).toBe(200);
    await proxy.down();
    allowConsoleError();
    const list = await trpc("reading.list");
    expectCalmUnavailable(list.status, list.text);
    expect(list.body.error.json.data).toMatchObject({ code: "SERVICE_UNAVAILABLE", httpStatus: 503, appCode: "SERVICE_UNAVAILABLE" });
    expect(list.body.error.json.data.requestId).toMatch(/^outage-/);
    // "Mark as done" must not say "Please sign in".
    const done = await trpc("reading.complete", { body: { id: assignmentId, key: uuid() } });
    expectCalmUnavailable(done.status, done.text);
    // A public procedure that reaches the database fails the same calm way.
    const invite = await trpc("invite.describe?input=" + encodeURIComponent(JSON.stringify({ json: { token: "x".repeat(43) } })));
    expectCalmUnavailable(invite.status, invite.text);
    await proxy.up();
    const after = await trpc("reading.complete", { body: { id: assignmentId, key: uuid() } });
    expect(after.status).toBe(200);
    expect((await assignmentRow(assignmentId)).completedAt).not.toBeNull();
  });

  it("a database cut in the middle of a procedure is a 503 too, with nothing internal in it", async () => {
    const headers = headersWith();
    // Session checked while up; the database then goes before the procedure's own query.
    const ctx = await createTRPCContext({ headers, resolveUser: () => sessionUserFromHeaders(headers) });
    await proxy.down();
    allowConsoleError();
    const response = await fetchRequestHandler({
      endpoint: "/api/trpc",
      req: new Request(`${ORIGIN}/api/trpc/reading.list`, { headers }),
      router: appRouter,
      createContext: () => ctx,
    });
    expectCalmUnavailable(response.status, await response.text());
  });

  it("/api/reading/progress answers 503 (never 401) so the reader resends, and records after recovery", async () => {
    await proxy.down();
    allowConsoleError();
    const refused = await progressRoute(progressReport(70));
    const text = await refused.text();
    expectCalmUnavailable(refused.status, text);
    expect(JSON.parse(text)).toMatchObject({ error: { code: "SERVICE_UNAVAILABLE", requestId: expect.stringMatching(/^outage-/) } });
    expect((await assignmentRow(assignmentId)).progress).toBe(0);
    await proxy.up();
    const accepted = await progressRoute(progressReport(70));
    expect(accepted.status).toBe(200);
    expect((await assignmentRow(assignmentId)).progress).toBe(70);
  });

  it("signing in says 'can't reach its records', never 'wrong password', and the redirect leaks nothing", async () => {
    await proxy.down();
    allowConsoleError();
    const failed = await signIn(client.email, TEST_PASSWORD);
    expect(failed.probe.unavailable).toBe(true);
    const error = new URL(failed.redirect).searchParams.get("error");
    expect(error).toBe("ServiceUnavailable");
    expect(decodeURIComponent(new URL(failed.redirect).search)).not.toMatch(LEAK);
    expect(failed.cookies.some((c) => c.name.includes("session-token") && c.value)).toBe(false);
    await proxy.up();
    const ok = await signIn(client.email, TEST_PASSWORD);
    expect(new URL(ok.redirect).searchParams.get("error")).toBeNull();
    expect(ok.cookies.some((c) => c.name.includes("session-token") && c.value)).toBe(true);
    // The outage attempt was not counted as a failed sign-in.
    const row = await original.user.findUniqueOrThrow({ where: { id: client.id }, select: { failedLoginCount: true, lockedUntil: true } });
    expect(row).toEqual({ failedLoginCount: 0, lockedUntil: null });
  });

  it("next-auth's session endpoint keeps the cookie and reports the outage instead of signing out", async () => {
    await proxy.down();
    allowConsoleError();
    const probe: AuthProbe = { unavailable: false };
    const [name, value] = cookie.split("=") as [string, string];
    const session = await AuthHandler({
      req: { action: "session", method: "GET", headers: { host: "localhost:3000" }, cookies: { [name]: value }, query: {}, body: {} },
      options: authOptions(undefined, probe),
    });
    expect(probe.unavailable).toBe(true);
    // A cleared cookie (empty value, expired) would sign the person out.
    expect(session.cookies?.some((c) => c.name === SESSION_COOKIE && !c.value)).toBe(false);
    expect(therapist.id).toBeTruthy();
  });
});
