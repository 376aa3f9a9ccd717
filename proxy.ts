import { NextResponse, type NextRequest } from "next/server";
import { requestIsHttps } from "./server/request/client-address";
import { proxyTrust } from "./server/env";

// Runs before every page and API request: a fresh CSP nonce, security headers, a request id,
// and the path (so pages can send signed-out visitors back here after sign-in).
export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const isDev = process.env.NODE_ENV !== "production";
  // X-Forwarded-Proto counts only behind a proxy we run (TRUST_PROXY).
  const isHttps = requestIsHttps(request.headers, request.url, proxyTrust());
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (progress bars, React) are needed; style injection cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The offline-reading service worker (public/sw.js); 'strict-dynamic' would otherwise refuse it.
    "worker-src 'self'",
    "manifest-src 'self'",
    "media-src 'self' https:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");

  const requestId = /^[\w-]{8,64}$/.test(request.headers.get("x-request-id") ?? "")
    ? (request.headers.get("x-request-id") as string)
    : crypto.randomUUID();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-request-id", requestId);
  requestHeaders.set("x-haven-path", request.nextUrl.pathname + request.nextUrl.search);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  response.headers.set("x-content-type-options", "nosniff");
  response.headers.set("referrer-policy", "same-origin");
  response.headers.set("x-frame-options", "DENY");
  response.headers.set("permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
  response.headers.set("x-request-id", requestId);
  if (isHttps) response.headers.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  // Signing out deletes what this browser kept (offline readings, queued reports); Quick exit's
  // own route sends the same header.
  if (request.method === "POST" && request.nextUrl.pathname === "/api/auth/signout") response.headers.set("clear-site-data", '"cache", "storage"');
  return response;
}

// Pages (they need the per-request nonce and the path) and next-auth's routes (its bodies are read
// by next-auth itself, so they keep the proxy's body buffer limit). Haven's own API routes do not run
// the proxy: each reads its body through readBodyCapped (413 past 1 MB), gets its headers from
// next.config.ts (API_HEADERS) and its request id from the HTTP server — the proxy cost ≈ 0.6 ms of
// CPU per request, a third of a progress report's (README "Performance").
export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|api/).*)" }, { source: "/api/auth/:path*" }],
};
