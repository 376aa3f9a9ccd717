import "server-only";
import { hkdfSync } from "node:crypto";
import { cache } from "react";
import { jwtDecrypt, type JWTPayload } from "jose";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { AppError, SIGN_IN_ERROR, UNAVAILABLE_DIGEST_PREFIX } from "./app-error";
import { getDb } from "./db";
import { errorFields, logger } from "./ops/log";
import { noteRequestUser } from "./ops/request-context";
import { env } from "./env";
import { isDatabaseUnavailable } from "./errors";
import type { Role } from "./generated/prisma/client";
import { signInInput } from "./schemas/account";
import { recordAudit } from "./services/audit/record";
import { requestMetaFrom, type RequestMeta } from "./request/meta";
import { authenticate, currentSessionAccount, currentSessionUser } from "./services/accounts/sign-in";

export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_LIFETIME_SECONDS = 12 * 60 * 60;

export type SessionUser = { id: string; email: string; name: string; role: Role };

declare module "next-auth" {
  interface Session {
    user: SessionUser;
  }
  interface User {
    role: Role;
    sessionVersion: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    id: string;
    role: Role;
    sessionVersion: number;
    /** Unix seconds of sign-in: the absolute lifetime counts from here. */
    authAt: number;
  }
}

class SessionEnded extends Error {
  constructor(reason: string) {
    super(`session ended: ${reason}`);
  }
}

function headersFromRequest(req: { headers?: unknown } | undefined): Headers {
  const result = new Headers();
  const raw = req?.headers;
  if (raw instanceof Headers) return raw;
  if (raw && typeof raw === "object") {
    for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
      if (typeof value === "string") result.set(key, value);
    }
  }
  return result;
}

/**
 * Filled in while next-auth runs: `unavailable` when the database could not be asked (the session
 * check or a sign-in), so callers answer 503 instead of "signed out" or "wrong password".
 */
export type AuthProbe = { unavailable: boolean };

/**
 * `request` (from the next-auth route handler) gives audit rows written outside `authorize` —
 * sign-out — their request id and client address.
 */
export function authOptions(request?: RequestMeta, probe: AuthProbe = { unavailable: false }): NextAuthOptions {
  return {
    secret: env().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: IDLE_TIMEOUT_SECONDS, updateAge: 0 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInInput.safeParse(credentials ?? {});
          if (!parsed.success) return null;
          const meta = requestMetaFrom(headersFromRequest(req));
          let user: Awaited<ReturnType<typeof authenticate>>;
          try {
            user = await authenticate(getDb(), parsed.data, meta);
          } catch (error) {
            // next-auth copies a thrown message into the redirect URL: only a code goes there,
            // and an outage is never "wrong password". The detail stays in the server log.
            const unavailable = isDatabaseUnavailable(error);
            if (unavailable) probe.unavailable = true;
            logger.error({ msg: unavailable ? "sign-in could not reach the database" : "sign-in failed", requestId: meta.requestId, ...errorFields(error) });
            throw new Error(unavailable ? SIGN_IN_ERROR.unavailable : SIGN_IN_ERROR.failed);
          }
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion } : null;
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          return { ...token, id: user.id, role: user.role, sessionVersion: user.sessionVersion, authAt: Math.floor(Date.now() / 1000) };
        }
        // Every request re-checks the account: throwing ends the session (returning null does not, in next-auth 4).
        // The same claim rules as the fast path (sessionClaims): well-formed, inside the absolute lifetime.
        const claims = sessionClaims(token);
        if (!claims) throw new SessionEnded("expired");
        let current: Awaited<ReturnType<typeof currentSessionUser>>;
        try {
          current = await currentSessionUser(getDb(), claims);
        } catch (error) {
          if (!isDatabaseUnavailable(error)) throw error;
          // Couldn't check is not signed out: keep the cookie as it is and let the caller answer 503.
          probe.unavailable = true;
          return token;
        }
        if (!current) throw new SessionEnded("revoked");
        return { ...token, name: current.name, email: current.email };
      },
      async session({ session, token }) {
        session.user = { id: token.id, email: token.email ?? "", name: token.name ?? "", role: token.role };
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (!token?.id) return;
        await recordAudit(getDb(), { actorId: token.id, actorRole: token.role, requestId: request?.requestId ?? null, ip: request?.ip ?? null }, {
          action: "auth.sign_out",
          targetType: "User",
          targetId: token.id,
        });
      },
    },
    logger: {
      error(code, metadata) {
        // An ended session is expected, not an error worth a stack trace.
        if (String((metadata as { message?: string })?.message ?? metadata).includes("session ended")) return;
        // Only the code and the error: next-auth's metadata can hold what a person typed.
        const error = (metadata as { error?: unknown })?.error ?? metadata;
        logger.error({ msg: "auth error", code, ...errorFields(error instanceof Error ? error : String(code)) });
      },
      warn() {},
      debug() {},
    },
  };
}

// next-auth derives the cookie's encryption key with HKDF on every decode (and getServerSession
// also re-encrypts a fresh cookie that server components cannot even set): 4 % of the server's CPU
// under load. The fast path below reads the same cookie with the same key, algorithm and clock
// tolerance as next-auth's `decode`, deriving the key once per secret, then applies exactly the
// checks of the `jwt` callback (absolute lifetime, account re-checked against the database).
const derivedKeys = new Map<string, Uint8Array>();
function encryptionKey(secret: string): Uint8Array {
  let key = derivedKeys.get(secret);
  if (!key) {
    key = new Uint8Array(hkdfSync("sha256", secret, "", "NextAuth.js Generated Encryption Key", 32));
    derivedKeys.set(secret, key);
  }
  return key;
}

type SessionToken = JWTPayload & { id?: string; role?: Role; sessionVersion?: number; authAt?: number };

/** The session token's claims, or null when it is missing, tampered with or expired. */
export async function decodeSessionToken(token: string, secret: string): Promise<SessionToken | null> {
  try {
    const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
    return payload as SessionToken;
  } catch {
    return null;
  }
}

export type SessionClaims = { id: string; role: Role; sessionVersion: number };

/** The token's claims when it is well-formed and inside its absolute lifetime; not yet checked against the database. */
export function sessionClaims(token: SessionToken | null): SessionClaims | null {
  if (!token?.id || !token.role || typeof token.sessionVersion !== "number") return null;
  if (Date.now() / 1000 - (token.authAt ?? 0) > ABSOLUTE_LIFETIME_SECONDS) return null;
  return { id: token.id, role: token.role, sessionVersion: token.sessionVersion };
}

/** The account behind a decoded token if the session is still valid (same rules as the `jwt` callback). */
export async function sessionUserFromToken(token: SessionToken | null): Promise<SessionUser | null> {
  const claims = sessionClaims(token);
  return claims ? sessionUserFromClaims(claims) : null;
}

/** The account behind checked claims if it is still active with the same role and session version. */
export async function sessionUserFromClaims(claims: SessionClaims): Promise<SessionUser | null> {
  return (await sessionAccountFromClaims(claims))?.user ?? null;
}

/**
 * A signed-in account as one request sees it: the user, and the settings the session check read
 * with it (`settings` is null when they were not read — a chunked cookie goes through next-auth).
 */
export type SessionAccount = { user: SessionUser; settings: { preferences: unknown; offlineReading: boolean } | null };

async function sessionAccountFromClaims(claims: SessionClaims): Promise<SessionAccount | null> {
  const current = await currentSessionAccount(getDb(), claims);
  if (!current) return null;
  const { user } = current;
  return { user: { id: user.id, email: user.email, name: user.name, role: user.role }, settings: { preferences: current.preferences, offlineReading: current.offlineReading } };
}

/** The error for "the session could not be checked": 503, and the calm page on a page render. */
export function sessionCheckUnavailable(requestId?: string | null): AppError {
  const error = new AppError("SERVICE_UNAVAILABLE");
  error.digest = `${UNAVAILABLE_DIGEST_PREFIX}:${requestId ?? crypto.randomUUID()}`;
  return error;
}

function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    const value = part.slice(index + 1).trim();
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
}

function sessionCookieName(): string {
  const secure = (env().NEXTAUTH_URL ?? "").startsWith("https://");
  return `${secure ? "__Secure-" : ""}next-auth.session-token`;
}

/**
 * For a hot route that checks the account in its own statement (the progress report): the
 * session cookie's claims — decrypted, well-formed, inside the idle and absolute lifetimes — but
 * NOT yet checked against the database. "other" for a chunked cookie (next-auth's reader handles
 * those: use sessionUserFromHeaders).
 */
export async function unverifiedSessionClaims(headers: Headers): Promise<SessionClaims | "other" | null> {
  const name = sessionCookieName();
  const cookies = parseCookies(headers.get("cookie"));
  if (cookies[`${name}.0`]) return "other";
  const token = cookies[name];
  if (!token) return null;
  return sessionClaims(await decodeSessionToken(token, env().NEXTAUTH_SECRET));
}

/**
 * The signed-in user behind these request headers (session cookie re-checked against the
 * database), or null when there is no valid session. Throws SERVICE_UNAVAILABLE when the database
 * could not be asked: "couldn't check" must never look like "signed out".
 */
export async function sessionUserFromHeaders(headers: Headers): Promise<SessionUser | null> {
  return (await sessionAccountFromHeaders(headers))?.user ?? null;
}

/** sessionUserFromHeaders with the account's settings (SessionAccount). */
export async function sessionAccountFromHeaders(headers: Headers): Promise<SessionAccount | null> {
  const config = env();
  const name = sessionCookieName();
  const cookies = parseCookies(headers.get("cookie"));
  // A chunked (very large) cookie: next-auth's own reader assembles it.
  if (cookies[`${name}.0`]) {
    const user = await sessionUserViaNextAuth(headers, cookies);
    return user ? { user, settings: null } : null;
  }
  const token = cookies[name];
  if (!token) return null;
  try {
    const claims = sessionClaims(await decodeSessionToken(token, config.NEXTAUTH_SECRET));
    return claims ? await sessionAccountFromClaims(claims) : null;
  } catch (error) {
    if (isDatabaseUnavailable(error)) throw sessionCheckUnavailable(headers.get("x-request-id"));
    throw error;
  }
}

/** The same check through next-auth's own session reader (used for chunked cookies). */
async function sessionUserViaNextAuth(headers: Headers, cookies: Record<string, string>): Promise<SessionUser | null> {
  const probe: AuthProbe = { unavailable: false };
  const req = { headers: Object.fromEntries(headers), cookies };
  const res = { getHeader() {}, setCookie() {}, setHeader() {} };
  const session = await (getServerSession(req as never, res as never, authOptions(undefined, probe)) as Promise<{ user?: SessionUser } | null>).catch(
    (error: unknown) => {
      if (isDatabaseUnavailable(error)) probe.unavailable = true;
      return null;
    },
  );
  if (probe.unavailable) throw sessionCheckUnavailable(headers.get("x-request-id"));
  return session?.user?.id ? session.user : null;
}

/** The signed-in account for this request (checked against the database), or null. Cached per request. */
export const getSessionAccount = cache(async (): Promise<SessionAccount | null> => {
  let requestHeaders: Headers;
  try {
    requestHeaders = new Headers(await headers());
  } catch {
    // Outside a request (scripts, tests): nobody is signed in.
    return null;
  }
  const account = await sessionAccountFromHeaders(requestHeaders);
  if (account) noteRequestUser(account.user.id);
  return account;
});

/** The signed-in user for this request (checked against the database), or null. Cached per request. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => (await getSessionAccount())?.user ?? null);

/** For pages: the signed-in user with one of `roles`; otherwise /signin or the 403 page. */
export async function requireUser(...roles: Role[]): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) {
    const path = (await headers()).get("x-haven-path") ?? "/";
    redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
  if (roles.length > 0 && !roles.includes(user.role)) forbidden();
  return user;
}
