import "server-only";
import { requestHost } from "./client-address";
import { env, proxyTrust } from "../env";

export const MAX_BODY_BYTES = 1_000_000;

/**
 * Cross-site request forgery guard for state-changing requests: the browser's Origin
 * (or Sec-Fetch-Site) must say the request came from Haven itself.
 */
export function isSameOriginRequest(request: Request): boolean {
  const site = request.headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return false;
  const origin = request.headers.get("origin");
  if (!origin) return site === "same-origin";
  const allowed = new Set<string>([new URL(request.url).origin, new URL(env().APP_URL).origin]);
  // X-Forwarded-Host only counts behind a proxy we run (TRUST_PROXY); a client's own copy never does.
  const host = requestHost(request.headers, proxyTrust());
  if (host) {
    allowed.add(`http://${host}`);
    allowed.add(`https://${host}`);
  }
  return allowed.has(origin);
}

/** Reads a request body, refusing more than `limit` bytes whatever Content-Length says. */
export async function readBodyCapped(request: Request, limit = MAX_BODY_BYTES): Promise<string | null> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
