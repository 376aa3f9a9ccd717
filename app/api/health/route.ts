import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

const TIMEOUT_MS = 3_000;

/** 200 when the database answers within 3 s, 503 otherwise. Says nothing else about the system. */
export async function GET() {
  const headers = { "cache-control": "no-store" };
  try {
    await Promise.race([
      getDb().$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database timeout")), TIMEOUT_MS).unref()),
    ]);
    return Response.json({ status: "ok" }, { headers });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers });
  }
}
