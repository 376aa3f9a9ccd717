import crypto from "node:crypto";
import { env } from "../env";

export type RequestMeta = { requestId: string; ip: string | null };

/** Request id and client address from request headers (the address only behind a trusted proxy). */
export function requestMetaFrom(headers: Headers | null | undefined): RequestMeta {
  const requestId = headers?.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
  let ip: string | null = null;
  if (headers) {
    // Next.js appends the socket address to x-forwarded-for; earlier entries are client-supplied
    // and trusted only when a proxy we run in front of Haven rewrites them (TRUST_PROXY=true).
    const hops = (headers.get("x-forwarded-for") ?? "").split(",").map((hop) => hop.trim()).filter(Boolean);
    const chosen = env().TRUST_PROXY ? hops[0] : hops[hops.length - 1];
    ip = chosen ? chosen.slice(0, 64) : null;
  }
  return { requestId, ip };
}
