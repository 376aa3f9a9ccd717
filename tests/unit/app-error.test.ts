import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { describe, expect, it } from "vitest";
import { APP_ERRORS, AppError, appCodeForTrpc, errorBody, isUnavailableDigest, signInErrorMessage, SIGN_IN_ERROR, type AppErrorCode } from "../../server/app-error";
import { isDatabaseUnavailable, toAppError } from "../../server/errors";
import { Prisma } from "../../server/generated/prisma/client";
import { messageOf } from "../../components/forms/field-errors";

const codes = Object.keys(APP_ERRORS) as AppErrorCode[];

describe("the AppError table", () => {
  it("gives every code a tRPC code whose HTTP status is the table's own", () => {
    for (const code of codes) {
      const row = APP_ERRORS[code];
      expect(getHTTPStatusCodeFromError(new TRPCError({ code: row.trpc })), code).toBe(row.status);
      expect(appCodeForTrpc(row.trpc)).toBe(code);
    }
    expect(APP_ERRORS.SERVICE_UNAVAILABLE.status).toBe(503);
    expect(APP_ERRORS.RATE_LIMITED.trpc).toBe("TOO_MANY_REQUESTS");
    expect(appCodeForTrpc("PARSE_ERROR")).toBe("BAD_REQUEST");
    expect(appCodeForTrpc("SOMETHING_NEW")).toBe("INTERNAL");
  });

  it("has one plain, calm sentence per code, with no internals", () => {
    for (const code of codes) {
      const { message } = APP_ERRORS[code];
      expect(message).toMatch(/^[A-Z].*[.!]$/);
      expect(message).not.toMatch(/error|exception|prisma|sql|database|null|undefined|\d{3}/i);
    }
    expect(APP_ERRORS.SERVICE_UNAVAILABLE.message).toBe("Haven can't reach its records right now — your place is kept, try again in a moment.");
  });

  it("uses the table's sentence unless the thrower wrote its own, and answers routes in one JSON shape", () => {
    expect(new AppError("FORBIDDEN").message).toBe(APP_ERRORS.FORBIDDEN.message);
    expect(new AppError("NOT_FOUND", "We couldn't find that reading.")).toMatchObject({ code: "NOT_FOUND", status: 404, message: "We couldn't find that reading." });
    expect(errorBody("RATE_LIMITED", undefined, "req-1")).toEqual({ error: { code: "RATE_LIMITED", message: APP_ERRORS.RATE_LIMITED.message, requestId: "req-1" } });
  });

  it("turns anything unexpected into INTERNAL, keeping the detail only as the cause", () => {
    const secret = new Error('relation "User" does not exist');
    const mapped = toAppError(secret);
    expect(mapped.code).toBe("INTERNAL");
    expect(mapped.message).not.toContain("relation");
    expect(mapped.cause).toBe(secret);
  });
});

describe("telling an outage from a refusal", () => {
  const known = (code: string, meta?: Record<string, unknown>, message = "Invalid `db.user.count()` invocation") =>
    new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7", meta });

  it("recognises what Prisma, the pg driver and PGlite say when the database is gone", () => {
    const unavailable: unknown[] = [
      known("P1001", undefined, "Can't reach database server at 127.0.0.1:5432"),
      known("P1017"),
      known("P2024"),
      known("P2010", { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } }),
      known("P2010", { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } }),
      new Error("Connection terminated unexpectedly"),
      new Error("Client has encountered a connection error and is not queryable"),
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }),
      Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      Object.assign(new Error("connection failure"), { code: "08006" }),
      new Error("wrapped", { cause: new Error("PGlite is closed") }),
      new AppError("SERVICE_UNAVAILABLE"),
    ];
    for (const error of unavailable) expect(isDatabaseUnavailable(error), String(error)).toBe(true);
  });

  it("does not mistake a refusal or a bug for an outage", () => {
    for (const error of [known("P2002"), known("P2025"), new Error("boom"), new AppError("NOT_FOUND"), null, "P1001", { code: "23505" }]) {
      expect(isDatabaseUnavailable(error), String(error)).toBe(false);
    }
  });
});

describe("what the browser shows", () => {
  it("never says 'wrong password' or 'please sign in' during an outage", () => {
    expect(signInErrorMessage(SIGN_IN_ERROR.unavailable)).toBe(APP_ERRORS.SERVICE_UNAVAILABLE.message);
    expect(signInErrorMessage("CredentialsSignin")).toMatch(/don't match/);
    expect(signInErrorMessage(SIGN_IN_ERROR.failed)).not.toMatch(/match|password/);
    expect(signInErrorMessage("Configuration")).toBe(APP_ERRORS.INTERNAL.message);
    const outage = Object.assign(new Error("anything"), { name: "TRPCClientError", data: { appCode: "SERVICE_UNAVAILABLE", httpStatus: 503 } });
    expect(messageOf(outage)).toBe(APP_ERRORS.SERVICE_UNAVAILABLE.message);
    // No answer at all (network down, a proxy's HTML page): "couldn't reach", not the raw text.
    expect(messageOf(Object.assign(new Error("Unexpected token < in JSON"), { name: "TRPCClientError" }))).toMatch(/couldn't reach Haven/);
    expect(isUnavailableDigest("HAVEN_SERVICE_UNAVAILABLE:req-1")).toBe(true);
    expect(isUnavailableDigest("12345")).toBe(false);
  });
});
