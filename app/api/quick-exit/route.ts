import { cookies } from "next/headers";
import { withRoute } from "@/server/request/route-handler";
import { recordAudit } from "@/server/services/audit/record";
import { errorFields, logger } from "@/server/ops/log";

const SESSION_COOKIES = [
  "next-auth.session-token",
  "__Secure-next-auth.session-token",
  "next-auth.csrf-token",
  "__Host-next-auth.csrf-token",
  "next-auth.callback-url",
  "__Secure-next-auth.callback-url",
];

/** Quick exit: ends this browser's session at once. The page has already left for a neutral site. */
export const POST = withRoute({ auth: "none", origin: "same-origin" }, async (_request, { optionalUser, meta, db }) => {
  const user = await optionalUser();
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  if (user) {
    // The cookies go whatever happens: a failed audit write is logged, never a reason to keep the session.
    await recordAudit(db, { actorId: user.id, actorRole: user.role, ...meta }, {
      action: "auth.quick_exit",
      targetType: "User",
      targetId: user.id,
    }).catch((error: unknown) => logger.error({ msg: "quick exit: could not record the audit row", requestId: meta.requestId, ...errorFields(error) }));
  }
  return new Response(null, { status: 204, headers: { "cache-control": "no-store", "clear-site-data": '"cache", "storage"' } });
});
