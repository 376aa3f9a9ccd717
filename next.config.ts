import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // Lets parallel test runs build into separate folders (default .next).
  distDir: process.env.NEXT_DIST_DIR || ".next",
  poweredByHeader: false,
  // forbidden() renders app/forbidden.tsx with a 403 status.
  experimental: {
    authInterrupts: true,
    // The proxy (proxy.ts) buffers request bodies up to this size before Haven's own 1 MB cap
    // (server/http.ts MAX_BODY_BYTES) runs; Next's default is 10 MB. One byte over the cap, so a
    // body Next truncates is still seen as too large (413), never as a shorter valid one.
    proxyClientMaxBodySize: 1_000_001,
    serverActions: { bodySizeLimit: "1mb" },
  },
  // Native/wasm packages stay outside the bundle and load from node_modules at run time.
  serverExternalPackages: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "@prisma/schema-engine-wasm", "pg", "rate-limiter-flexible"],
  typedRoutes: false,
};

export default nextConfig;
