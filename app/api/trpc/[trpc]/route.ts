import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { AppError } from "@/server/app-error";
import { readBodyCapped } from "@/server/request/guards";
import { runRoute } from "@/server/request/route-handler";
import { appRouter } from "@/server/routers/_app";
import { createTRPCContext } from "@/server/trpc/init";

// Procedures check the session and roles themselves (server/trpc.ts). The route's guard adds the
// Origin check for mutations (queries: no cross-site requests) and the body cap.
function handler(request: Request) {
  const isQuery = request.method === "GET";
  return runRoute(request, { auth: "none", origin: isQuery ? "not-cross-site" : "same-origin" }, async () => {
    let forwarded = request;
    if (!isQuery) {
      const body = await readBodyCapped(request);
      if (body === null) throw new AppError("PAYLOAD_TOO_LARGE");
      forwarded = new Request(request.url, { method: request.method, headers: request.headers, body });
    }
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req: forwarded,
      router: appRouter,
      createContext: () => createTRPCContext({ headers: request.headers }),
    });
  });
}

export { handler as GET, handler as POST };
