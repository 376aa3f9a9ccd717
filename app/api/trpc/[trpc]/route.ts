import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/routers/_app";
import { isSameOriginRequest, jsonError, readBodyCapped } from "@/server/http";
import { createTRPCContext } from "@/server/trpc/init";

async function handler(request: Request) {
  let forwarded = request;
  if (request.method !== "GET") {
    if (!isSameOriginRequest(request)) return jsonError(403, "FORBIDDEN", "This request did not come from Haven.");
    const body = await readBodyCapped(request);
    if (body === null) return jsonError(413, "PAYLOAD_TOO_LARGE", "That request is too large.");
    forwarded = new Request(request.url, { method: request.method, headers: request.headers, body });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: forwarded,
    router: appRouter,
    createContext: ({ resHeaders }) =>
      createTRPCContext({ headers: request.headers }).then((ctx) => ({ ...ctx, resHeaders })),
  });
}

export { handler as GET, handler as POST };
