import { readiness } from "@/server/ops/readiness";

export const dynamic = "force-dynamic";

/**
 * Readiness for a load balancer: 503 until every migration in prisma/migrations has run and the
 * database answers, and again once a graceful shutdown has begun; 200 otherwise.
 */
export async function GET() {
  const result = await readiness();
  return Response.json(result.body, { status: result.ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
