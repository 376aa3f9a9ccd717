import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3_000;

/**
 * Liveness: 200 `{ status: "ok", database: "up" }` when the database answers within 3 s, else 503
 * `{ status: "unavailable", database: "down" }`. Names the dependency, never a host, port or error.
 */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS).unref()),
    ]);
    return Response.json({ status: "ok", database: "up" }, { headers });
  } catch {
    return Response.json({ status: "unavailable", database: "down" }, { status: 503, headers });
  }
}
