import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets parallel test runs build into separate folders (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: {
    authInterrupts: true,
    // The proxy (proxy.ts) buffers each request body up to this size before Haven's own 1 MB cap
    // (server/http.ts MAX_BODY_BYTES) runs; Next's default is 10 MB. Past the limit Next silently
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
