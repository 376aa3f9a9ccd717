// Who is on the other end of a request, in a way a client cannot forge.
//
// Next.js 16 gives route handlers no socket address (`request.ip` is gone), and `next start`
// fills `x-forwarded-for` / `-host` / `-proto` from the socket ONLY when the client did not send
// them — so on a bare `next start`, whatever the client writes there wins. Haven therefore stamps
// every incoming request at the Node HTTP layer (the `http.server.request.start` diagnostics
// channel, which fires before any request listener runs, installed from instrumentation.ts):
//   - any client-sent copy of the stamp header is deleted, then the header is set to
//     "<per-process token> <socket address>"; a stamp without the token is ignored;
//   - with TRUST_PROXY=false, client-sent X-Forwarded-For/-Host/-Proto/-Port, X-Real-IP and
//     Forwarded are deleted too, so Next.js refills them from the real connection.
// With TRUST_PROXY=true, TRUST_PROXY_HOPS proxies we run append to X-Forwarded-For; the client
// address is found by peeling that many hops from the right (the socket being the last proxy).
import crypto from "node:crypto";
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_HEADER = "x-haven-peer";

/** Headers a client could use to claim another address, host or scheme. */
export const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"] as const;

export type ProxyTrust = { trustProxy: boolean; hops: number };

const TOKEN_KEY = Symbol.for("haven.peerToken");
const INSTALLED_KEY = Symbol.for("haven.peerStampInstalled");
type Global = typeof globalThis & { [TOKEN_KEY]?: string; [INSTALLED_KEY]?: (message: unknown) => void };

/** The per-process secret that proves a stamp was written by this server, not by a client. */
function processToken(): string {
  const g = globalThis as Global;
  g[TOKEN_KEY] ??= crypto.randomBytes(18).toString("base64url");
  return g[TOKEN_KEY];
}

/** `::ffff:127.0.0.1` → `127.0.0.1`; bounded; null when empty or not address-like. */
export function normalizeAddress(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let value = raw.trim();
  if (value.startsWith("::ffff:") && value.includes(".")) value = value.slice(7);
  if (!value || value.length > 64 || !/^[0-9A-Fa-f:.%\w-]+$/.test(value)) return null;
  return value;
}

/** Rewrites one Node request's headers as described above. Exported for tests. */
export function stampRequest(request: IncomingMessage, socket: Socket | undefined, trust: ProxyTrust): void {
  delete request.headers[PEER_HEADER];
  if (!trust.trustProxy) for (const name of FORWARDING_HEADERS) delete request.headers[name];
  const address = normalizeAddress(socket?.remoteAddress);
  if (address) request.headers[PEER_HEADER] = `${processToken()} ${address}`;
}

/** Subscribes once per process to the HTTP server's request-start channel. */
export function installPeerStamp(trust: ProxyTrust): void {
  const g = globalThis as Global;
  if (g[INSTALLED_KEY]) diagnosticsChannel.unsubscribe("http.server.request.start", g[INSTALLED_KEY]);
  const listener = (message: unknown) => {
    const { request, socket } = message as { request: IncomingMessage; socket?: Socket };
    stampRequest(request, socket, trust);
  };
  g[INSTALLED_KEY] = listener;
  diagnosticsChannel.subscribe("http.server.request.start", listener);
}

export function uninstallPeerStamp(): void {
  const g = globalThis as Global;
  if (g[INSTALLED_KEY]) diagnosticsChannel.unsubscribe("http.server.request.start", g[INSTALLED_KEY]);
  delete g[INSTALLED_KEY];
}

type HeaderSource = Headers | null | undefined;

/** The socket address this server stamped on the request, or null (never a client's claim). */
export function socketAddress(headers: HeaderSource): string | null {
  const stamp = headers?.get(PEER_HEADER);
  if (!stamp) return null;
  const [token, address, ...rest] = stamp.split(" ");
  if (rest.length > 0 || !token || !address) return null;
  const expected = Buffer.from(processToken());
  const given = Buffer.from(token);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  return normalizeAddress(address);
}

function listHeader(headers: Headers, name: string): string[] {
  return (headers.get(name) ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The client's address: the socket address, or — behind `hops` trusted proxies — the entry that
 * many hops from the right of [X-Forwarded-For…, socket]. Entries further left are the client's
 * own claims and never count. Null when the server did not stamp the request.
 */
export function clientAddress(headers: HeaderSource, trust: ProxyTrust): string | null {
  const socket = socketAddress(headers);
  if (!socket || !headers || !trust.trustProxy) return socket;
  const chain = [...listHeader(headers, "x-forwarded-for"), socket];
  const index = Math.max(0, chain.length - 1 - trust.hops);
  return normalizeAddress(chain[index]);
}

/** The Host the browser used: X-Forwarded-Host (peeled like X-Forwarded-For) only behind a trusted proxy. */
export function requestHost(headers: Headers, trust: ProxyTrust): string | null {
  if (trust.trustProxy) {
    const forwarded = listHeader(headers, "x-forwarded-host");
    if (forwarded.length > 0) return forwarded[Math.max(0, forwarded.length - trust.hops)] ?? null;
  }
  return headers.get("host");
}

/** True when the browser reached Haven over HTTPS (X-Forwarded-Proto counts only behind a trusted proxy). */
export function requestIsHttps(headers: Headers, url: string, trust: ProxyTrust): boolean {
  if (new URL(url).protocol === "https:") return true;
  if (!trust.trustProxy) return false;
  const forwarded = listHeader(headers, "x-forwarded-proto");
  return forwarded[Math.max(0, forwarded.length - trust.hops)] === "https";
}
