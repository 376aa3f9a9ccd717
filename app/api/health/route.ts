import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

/** 200 when the database answers, 503 otherwise. Says nothing else about the system. */
export async function GET() {
  try {
    await getDb().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503, headers: { "cache-control": "no-store" } });
  }
}
