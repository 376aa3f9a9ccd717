import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { APP_ERRORS, AppError, appCodeForTrpc, isAppError, UNAVAILABLE_DIGEST_PREFIX } from "../app-error";
import { getSessionUser, type SessionUser } from "../auth";
import { getDb, type Db } from "../db";
import { isDatabaseUnavailable, toAppError } from "../errors";
import type { Role } from "../generated/prisma/client";
import type { AuditActor } from "../services/audit/record";
import { requestMetaFrom, type RequestMeta } from "../request/meta";
import { errorFields, logger } from "../ops/log";

/** Everything a procedure may use. Built without a request in tests (createInnerContext). */
export type Context = RequestMeta & {
  db: Db;
  user: SessionUser | null;
  /** The session could not be checked (database unreachable): protected procedures answer 503, not 401. */
  sessionUnavailable?: boolean;
};

export function createInnerContext(options: {
  user: SessionUser | null;
  db?: Db;
  requestId?: string;
  ip?: string | null;
}): Context {
  return {
    db: options.db ?? getDb(),
    user: options.user,
    requestId: options.requestId ?? crypto.randomUUID(),
    ip: options.ip ?? null,
  };
}

/**
 * For the fetch adapter and server components: the session, re-checked against the database.
 * getSessionUser is cached per request, so a page that already called requireUser and then
 * prefetches through tRPC checks the account once, not twice.
 */
export async function createTRPCContext(opts: { headers: Headers; resolveUser?: () => Promise<SessionUser | null> }): Promise<Context> {
  const meta = requestMetaFrom(opts.headers);
  try {
    const user = await (opts.resolveUser ?? getSessionUser)();
    return createInnerContext({ user, requestId: meta.requestId, ip: meta.ip });
  } catch (error) {
    if (!isDatabaseUnavailable(error)) throw error;
    return { ...createInnerContext({ user: null, requestId: meta.requestId, ip: meta.ip }), sessionUnavailable: true };
  }
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    // Only Haven's own sentences reach people: an AppError's message, or the table's sentence for
    // the code. Unexpected errors never show their message (it may hold SQL); the log has it all.
    const appCode = isAppError(error.cause) ? error.cause.code : appCodeForTrpc(error.code);
    const message =
      appCode === "INTERNAL"
        ? `${APP_ERRORS.INTERNAL.message} (Reference ${ctx?.requestId ?? "unknown"})`
        : zodError
          ? APP_ERRORS.BAD_REQUEST.message
          : isAppError(error.cause)
            ? error.cause.message
            : APP_ERRORS[appCode].message;
    return {
      code: shape.code,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
        appCode,
        path: shape.data.path,
        requestId: ctx?.requestId ?? null,
        fieldErrors: zodError?.fieldErrors ?? null,
        // No stack, ever: it can carry SQL. The server log has the whole error under the request id.
      },
    };
  },
});

export const createCallerFactory = t.createCallerFactory;
export const router = t.router;
/** Joins routers side by side: their procedures share one namespace (paths unchanged). */
export const mergeRouters = t.mergeRouters;

/**
 * Translates what services throw (AppError, database errors) into tRPC errors through the one
 * table in server/app-error.ts, and logs unexpected ones and outages with the request id.
 */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (result.ok) return result;
  const original = result.error;
  // tRPC wraps whatever a procedure throws as INTERNAL_SERVER_ERROR with the thrown error as its
  // cause; that is what gets translated. Its own refusals (input validation, parse errors) and
  // output validation failures (a ZodError, which stays INTERNAL) keep their code.
  if (original.code !== "INTERNAL_SERVER_ERROR") return result;
  if (original.cause instanceof ZodError) {
    logger.error({ msg: "procedure returned an invalid result", requestId: ctx.requestId, procedure: path, ...errorFields(original.cause) });
    return result;
  }
  const appError = toAppError(original.cause ?? original);
  if (appError.code === "INTERNAL" || appError.code === "SERVICE_UNAVAILABLE") {
    logger.error({ msg: appError.code === "INTERNAL" ? "procedure failed" : "procedure could not reach the database", requestId: ctx.requestId, procedure: path, ...errorFields(original.cause ?? original) });
  }
  const error = new TRPCError({ code: APP_ERRORS[appError.code].trpc, message: appError.message, cause: appError });
  // A server component's caller rethrows this: the digest lets app/error.tsx show the calm outage page.
  if (appError.code === "SERVICE_UNAVAILABLE") Object.assign(error, { digest: `${UNAVAILABLE_DIGEST_PREFIX}:${ctx.requestId}` });
  return { ...result, error } as typeof result;
});

export const publicProcedure = t.procedure.use(errorMapping);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new AppError(ctx.sessionUnavailable ? "SERVICE_UNAVAILABLE" : "UNAUTHORIZED");
  const actor: AuditActor = { actorId: ctx.user.id, actorRole: ctx.user.role, requestId: ctx.requestId, ip: ctx.ip };
  return next({ ctx: { ...ctx, user: ctx.user, actor } });
});

function roleProcedure(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new AppError("FORBIDDEN");
    }
    return next();
  });
}

export const therapistProcedure = roleProcedure("THERAPIST");
export const clientProcedure = roleProcedure("CLIENT");
export const adminProcedure = roleProcedure("ADMIN");
/** Library curation: therapists for their own resources, admins for the shared library. */
export const staffProcedure = roleProcedure("THERAPIST", "ADMIN");
/** Reminder emails: clients (their own choice) and therapists (the weekly digest); admins get none. */
export const recipientProcedure = roleProcedure("CLIENT", "THERAPIST");
