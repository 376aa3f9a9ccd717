import "server-only";
import { APP_ERRORS, AppError, errorBody, MESSAGES } from "../app-error";
import { sessionUserFromHeaders, type SessionUser } from "../auth";
import { getDb, type Db } from "../db";
import { toAppError } from "../errors";
import type { Role } from "../generated/prisma/client";
import { isSameOriginRequest } from "./guards";
import { requestMetaFrom, type RequestMeta } from "./meta";
import { errorFields, logger } from "../ops/log";

// The one wrapper for route handlers under app/api: the origin check, the sign-in and role check,
// and the translation of whatever goes wrong into `{ error: { code, message, requestId } }` with
// the status from the AppError table. An unreachable database is 503, never 401.

export type RouteOptions = {
  /** Who may call: nobody signed in required ("none"), anyone signed in ("any"), or these roles. */
  auth: "none" | "any" | Role | readonly Role[];
  /**
   * "same-origin": Origin / Sec-Fetch-Site must say Haven (state-changing requests).
   * "not-cross-site": only refuse requests a browser marks cross-site (downloads by link).
   */
  origin: "same-origin" | "not-cross-site";
};

export type RouteContext<U extends SessionUser | null = SessionUser> = {
  user: U;
  meta: RequestMeta;
  db: Db;
  /** For auth "none": the session if there is one (null when signed out or unreachable). */
  optionalUser: () => Promise<SessionUser | null>;
};

type UserFor<O extends RouteOptions> = O["auth"] extends "none" ? null : SessionUser;

/** The error response for anything thrown: a code, a plain sentence and the request id; the detail goes to the log. */
export function errorResponse(error: unknown, requestId: string, where = "route"): Response {
  const appError = toAppError(error);
  if (appError.code === "INTERNAL" || appError.code === "SERVICE_UNAVAILABLE") {
    const what = appError.code === "INTERNAL" ? "failed" : "could not reach the database";
    logger.error({ msg: what, route: where, requestId, ...errorFields(error) });
  }
  return Response.json(errorBody(appError.code, appError.message, requestId), {
    status: APP_ERRORS[appError.code].status,
    headers: { "cache-control": "no-store", "x-request-id": requestId },
  });
}

/** A CSV file download (never cached). */
export function csvDownload(body: BodyInit, filename: string): Response {
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}

function allows(auth: RouteOptions["auth"], role: Role): boolean {
  if (auth === "any" || auth === "none") return true;
  return typeof auth === "string" ? auth === role : auth.includes(role);
}

/**
 * Runs `handler` behind the guard. `resolveUser` finds the session (the request's cookie by
 * default); tests and callers that already know the user hand it in.
 */
export async function runRoute<O extends RouteOptions>(
  request: Request,
  options: O,
  handler: (context: RouteContext<UserFor<O>>) => Promise<Response>,
  resolveUser: () => Promise<SessionUser | null> = () => sessionUserFromHeaders(request.headers),
  db: Db = getDb(),
): Promise<Response> {
  const meta = requestMetaFrom(request.headers);
  const where = new URL(request.url).pathname;
  try {
    const site = request.headers.get("sec-fetch-site");
    const fromHaven = options.origin === "same-origin" ? isSameOriginRequest(request) : site !== "cross-site";
    if (!fromHaven) throw new AppError("FORBIDDEN", MESSAGES.notFromHaven);
    const optionalUser = () =>
      resolveUser().catch((error: unknown) => {
        // Only auth "none" asks this way: an outage then means "nobody we could see".
        logger.error({ msg: "session check failed", route: where, requestId: meta.requestId, ...errorFields(error) });
        return null;
      });
    let user: SessionUser | null = null;
    if (options.auth !== "none") {
      user = await resolveUser();
      if (!user) throw new AppError("UNAUTHORIZED");
      if (!allows(options.auth, user.role)) throw new AppError("FORBIDDEN");
    }
    return await handler({ user: user as UserFor<O>, meta, db, optionalUser });
  } catch (error) {
    return errorResponse(error, meta.requestId, where);
  }
}

/** A route handler behind the guard: `export const POST = withRoute({ auth: "CLIENT", origin: "same-origin" }, handler)`. */
export function withRoute<O extends RouteOptions>(options: O, handler: (request: Request, context: RouteContext<UserFor<O>>) => Promise<Response>) {
  return (request: Request) => runRoute(request, options, (context) => handler(request, context));
}
