import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";
import { getDb, type Db } from "../db";
import { env } from "../env";

const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/**
 * On the sign-in page: did this browser's last session end because the account was turned off
 * or its password changed (not merely timed out)? Then the device's copies, including unsent
 * reports, are deleted (components/offline/ForgetOnSignIn.tsx). Reads the old, still-signed
 * cookie; anything unreadable counts as "no".
 */
export async function endedSessionWasRevoked(db: Db = getDb()): Promise<boolean> {
  const jar = await cookies();
  const raw = SESSION_COOKIES.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return false;
  const token = await decode({ token: raw, secret: env().NEXTAUTH_SECRET }).catch(() => null);
  if (!token || typeof token.id !== "string") return false;
  const user = await db.user.findUnique({ where: { id: token.id }, select: { status: true, sessionVersion: true } });
  return !user || user.status !== "ACTIVE" || user.sessionVersion !== token.sessionVersion;
}
