export const dynamic = "force-dynamic";
export function GET() {
  return Response.json({ ok: true });
}
export async function POST(request: Request) {
  const body: unknown = await request.json().catch(() => null);
  return Response.json({ ok: true, received: body !== null });
}
