import NextAuth from "next-auth";
import { errorBody } from "@/server/app-error";
import { authOptions, type AuthProbe } from "@/server/auth";
import { runRoute } from "@/server/request/route-handler";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth behind Haven's guard. The Origin check stops cross-site sign-in attempts early
 * (next-auth checks its own CSRF token too). When the database could not be asked — the session
 * check or a sign-in — the answer is 503 with next-auth's own body (the sign-in form reads its
 * `error=ServiceUnavailable`) plus Haven's error, so nobody is signed out or told "wrong password".
 */
function handler(request: Request, context: RouteContext) {
  const origin = request.method === "POST" ? "same-origin" : "not-cross-site";
  return runRoute(request, { auth: "none", origin }, async ({ meta }) => {
    const probe: AuthProbe = { unavailable: false };
    const response: Response = await NextAuth(authOptions(meta, probe))(request, context);
    if (!probe.unavailable) return response;
    const headers = new Headers(response.headers);
    headers.delete("location");
    headers.delete("content-length");
    headers.set("content-type", "application/json");
    headers.set("cache-control", "no-store");
    // Keep only next-auth's redirect `url` (the browser's signIn() reads its error code), never
    // the unchecked session a session request would otherwise echo.
    let url: unknown;
    if (response.headers.get("content-type")?.includes("application/json")) {
      url = ((await response.json().catch(() => null)) as { url?: unknown } | null)?.url;
    }
    const body = { ...(typeof url === "string" ? { url } : {}), ...errorBody("SERVICE_UNAVAILABLE", undefined, meta.requestId) };
    return Response.json(body, { status: 503, headers });
  });
}

export { handler as GET, handler as POST };
