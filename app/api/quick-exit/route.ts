import { cookies } from "next/headers";
import { getSessionUser } from "@/server/auth";
import { getDb } from "@/server/db";
import { isSameOriginRequest, jsonError } from "@/server/http";
import { recordAudit } from "@/server/services/audit/record";
import { requestMetaFrom } from "@/server/services/request-meta";

const SESSION_COOKIES = [
  "next-auth.session-token",
  "__Secure-next-auth.session-token",
  "next-auth.csrf-token",
  "__Host-next-auth.csrf-token",
  "next-auth.callback-url",
  "__Secure-next-auth.callback-url",
];

/** Quick exit: ends this browser's session at once. The page has already left for a neutral site. */
export async function POST(request: Request) {
  if (!isSameOriginRequest(request)) return jsonError(403, "FORBIDDEN", "This request did not come from Haven.");
  const user = await getSessionUser();
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  if (user) {
    await recordAudit(getDb(), { actorId: user.id, actorRole: user.role, ...requestMetaFrom(request.headers) }, {
      action: "auth.quick_exit",
      targetType: "User",
      targetId: user.id,
    });
  }
  return new Response(null, { status: 204, headers: { "cache-control": "no-store", "clear-site-data": '"cache", "storage"' } });
}
