// The per-request session check reads next-auth's cookie itself (key derived once) instead of
// getServerSession (which derived the key and re-encrypted a cookie on every request). It must
// accept exactly what next-auth issues and keep every rule: revocation on the next request,
// deactivation, the absolute lifetime, expiry, tampering.
import { describe, expect, it } from "vitest";
import { decode, encode } from "next-auth/jwt";
import { getDb } from "../../server/db";
import { decodeSessionToken, sessionUserFromToken } from "../../server/auth";
import { env } from "../../server/env";
import { createClientOf, createTherapist } from "../support/factories";

async function cookieFor(user: { id: string; role: string; email: string; name: string; sessionVersion: number }, options: { authAt?: number; maxAge?: number } = {}) {
  return encode({
    secret: env().NEXTAUTH_SECRET,
    maxAge: options.maxAge ?? 30 * 60,
    token: { id: user.id, role: user.role, email: user.email, name: user.name, sessionVersion: user.sessionVersion, authAt: options.authAt ?? Math.floor(Date.now() / 1000) } as never,
  });
}

describe("session fast path", () => {
  it("reads next-auth's own cookie exactly as next-auth does", async () => {
    const therapist = await createTherapist();
    const token = await cookieFor(therapist);
    const ours = await decodeSessionToken(token, env().NEXTAUTH_SECRET);
    const theirs = await decode({ token, secret: env().NEXTAUTH_SECRET });
    expect(ours).toEqual(theirs);
    expect(await sessionUserFromToken(ours)).toEqual({ id: therapist.id, email: therapist.email, name: therapist.name, role: "THERAPIST" });
  });

  it("ends the session on the next request after a revocation or deactivation", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const token = await decodeSessionToken(await cookieFor(client), env().NEXTAUTH_SECRET);
    expect(await sessionUserFromToken(token)).not.toBeNull();
    await getDb().user.update({ where: { id: client.id }, data: { sessionVersion: { increment: 1 } } });
    expect(await sessionUserFromToken(token)).toBeNull();

    const other = await createClientOf(therapist);
    const otherToken = await decodeSessionToken(await cookieFor(other), env().NEXTAUTH_SECRET);
    await getDb().user.update({ where: { id: other.id }, data: { status: "DEACTIVATED" } });
    expect(await sessionUserFromToken(otherToken)).toBeNull();
  });

  it("refuses a role that no longer matches, the absolute lifetime, expiry, tampering and another secret", async () => {
    const therapist = await createTherapist();
    const wrongRole = await decodeSessionToken(await cookieFor({ ...therapist, role: "ADMIN" }), env().NEXTAUTH_SECRET);
    expect(await sessionUserFromToken(wrongRole)).toBeNull();

    const old = await decodeSessionToken(await cookieFor(therapist, { authAt: Math.floor(Date.now() / 1000) - 13 * 3600 }), env().NEXTAUTH_SECRET);
    expect(old?.id).toBe(therapist.id);
    expect(await sessionUserFromToken(old)).toBeNull();

    expect(await decodeSessionToken(await cookieFor(therapist, { maxAge: -60 }), env().NEXTAUTH_SECRET)).toBeNull();
    const token = await cookieFor(therapist);
    const tampered = token.slice(0, -4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
    expect(await decodeSessionToken(tampered, env().NEXTAUTH_SECRET)).toBeNull();
    expect(await decodeSessionToken(token, "another-secret-another-secret-another-secret")).toBeNull();
    expect(await sessionUserFromToken(null)).toBeNull();
  });
});
