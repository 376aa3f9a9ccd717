import "server-only";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import { getSessionUser, type SessionUser } from "./auth";
import { getDb, type Db } from "./db";
import { mapDatabaseError } from "./errors";
import type { Role } from "./generated/prisma/client";
import type { AuditActor } from "./services/audit";
import { requestMetaFrom, type RequestMeta } from "./services/request-meta";
import { errorFields, logger } from "./ops/log";

/** Everything a procedure may use. Built without a request in tests (createInnerContext). */
export type Context = RequestMeta & {
  db: Db;
  user: SessionUser | null;
  /** Response headers a procedure wants set (e.g. Content-Disposition); applied by the route. */
  resHeaders?: Headers;
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
export async function createTRPCContext(opts: { headers: Headers }): Promise<Context> {
  const user = await getSessionUser();
  const meta = requestMetaFrom(opts.headers);
  return createInnerContext({ user, requestId: meta.requestId, ip: meta.ip });
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
    // Unexpected errors never show their message (it may hold SQL); the log has the whole error.
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? `Something went wrong on our side. Please try again. (Reference ${ctx?.requestId ?? "unknown"})`
        : zodError
          ? "Some of the details need another look."
          : shape.message;
    return {
      code: shape.code,
      message,
      data: {
        code: shape.data.code,
        httpStatus: shape.data.httpStatus,
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

/** Maps database errors and logs unexpected ones with the request id. */
const errorMapping = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    const mapped = cause ? mapDatabaseError(cause) : null;
    if (mapped) {
      return { ...result, error: mapped } as typeof result;
    }
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error({ msg: "procedure failed", requestId: ctx.requestId, procedure: path, ...errorFields(result.error.cause ?? result.error) });
    }
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in to continue." });
  const actor: AuditActor = { actorId: ctx.user.id, actorRole: ctx.user.role, requestId: ctx.requestId, ip: ctx.ip };
  return next({ ctx: { ...ctx, user: ctx.user, actor } });
});

function roleProcedure(...roles: Role[]) {
  return protectedProcedure.use(({ ctx, next }) => {
    if (!roles.includes(ctx.user.role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "This part of Haven isn't available to your account." });
    }
    return next();
  });
}

export const therapistProcedure = roleProcedure("THERAPIST");
export const clientProcedure = roleProcedure("CLIENT");
export const adminProcedure = roleProcedure("ADMIN");
/** Library curation: therapists for their own resources, admins for the shared library. */
export const staffProcedure = roleProcedure("THERAPIST", "ADMIN");
