import type { NextConfig } from "next";

/**
 * Security headers for Haven's own API routes (JSON, CSV, 204s), which do not run the proxy (see
 * proxy.ts). Pages and next-auth's routes get theirs, with the page's nonce, from the proxy.
 */
const API_HEADERS = [
  { key: "content-security-policy", value: "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'" },
  { key: "x-content-type-options", value: "nosniff" },
  { key: "referrer-policy", value: "same-origin" },
  { key: "x-frame-options", value: "DENY" },
  { key: "permissions-policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
];

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: "/api/:path((?!auth/).*)", headers: API_HEADERS }];
  },
  reactStrictMode: true,
  // Lets parallel test runs build into separate folders (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: {
    authInterrupts: true,
    // The proxy (proxy.ts; pages and next-auth's routes) buffers each request body up to this size
    // before Haven's own 1 MB cap (server/request/guards.ts MAX_BODY_BYTES) runs; Next's default is 10 MB. Past the limit Next silently
    // truncates the body, dropping the socket read (at most 64 KiB) that crossed it, so the limit
    // sits 256 KiB above the cap: a truncated body still reaches Haven over 1 MB and gets a 413.
    proxyClientMaxBodySize: 1_000_000 + 256 * 1024,
    serverActions: { bodySizeLimit: "1mb" },
  },
  // Native/wasm packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg", "rate-limiter-flexible", "pg-boss"],
  typedRoutes: false,
};

export default nextConfig;
