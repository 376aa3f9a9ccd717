import NextAuth from "next-auth";
import { authOptions } from "@/server/auth";
import { isSameOriginRequest, jsonError } from "@/server/http";
import { requestMetaFrom } from "@/server/services/request-meta";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

function handler(request: Request, context: RouteContext) {
  // next-auth checks its own CSRF token too; the Origin check stops cross-site sign-in attempts early.
  if (request.method === "POST" && !isSameOriginRequest(request)) {
    return jsonError(403, "FORBIDDEN", "This request did not come from Haven.");
  }
  return NextAuth(authOptions(requestMetaFrom(request.headers)))(request, context);
}

export { handler as GET, handler as POST };
