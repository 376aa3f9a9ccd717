// Haven's one error vocabulary. Services throw AppError; the tRPC layer (server/trpc.ts) and the
// route-handler wrapper (server/route-handler.ts) translate it. Each code has one row below: its
// tRPC code, its HTTP status and the plain sentence people see when the thrower gives none.
// No server-only imports: the browser reads the same sentences (sign-in form, error pages).

export const APP_ERRORS = {
  BAD_REQUEST: { trpc: "BAD_REQUEST", status: 400, message: "Some of the details need another look." },
  UNAUTHORIZED: { trpc: "UNAUTHORIZED", status: 401, message: "Please sign in to continue." },
  FORBIDDEN: { trpc: "FORBIDDEN", status: 403, message: "This part of Haven isn't available to your account." },
  NOT_FOUND: { trpc: "NOT_FOUND", status: 404, message: "We couldn't find that." },
  CONFLICT: { trpc: "CONFLICT", status: 409, message: "That already exists." },
  PAYLOAD_TOO_LARGE: { trpc: "PAYLOAD_TOO_LARGE", status: 413, message: "That request is too large." },
  RATE_LIMITED: { trpc: "TOO_MANY_REQUESTS", status: 429, message: "That's a lot in a short time. Please try again in a little while." },
  INTERNAL: { trpc: "INTERNAL_SERVER_ERROR", status: 500, message: "Something went wrong on our side. Please try again." },
  SERVICE_UNAVAILABLE: {
    trpc: "SERVICE_UNAVAILABLE",
    status: 503,
    message: "Haven can't reach its records right now — your place is kept, try again in a moment.",
  },
} as const satisfies Record<string, { trpc: string; status: number; message: string }>;

export type AppErrorCode = keyof typeof APP_ERRORS;
export type AppTrpcCode = (typeof APP_ERRORS)[AppErrorCode]["trpc"];

/** Sentences more than one place says, beyond each code's default. */
export const MESSAGES = {
  notFromHaven: "This request didn't come from Haven.",
  sessionEnded: "Your session ended. Please sign in again.",
  wrongCredentials: "That email and password don't match an active account. Check them and try again, or reset your password.",
  noConnection: "We couldn't reach Haven just now. Check your connection and try again.",
} as const;

export class AppError extends Error {
  readonly code: AppErrorCode;
  /** Set on errors thrown while rendering a page, so app/error.tsx can tell an outage apart. */
  digest?: string;

  constructor(code: AppErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? APP_ERRORS[code].message, options);
    this.name = "AppError";
    this.code = code;
  }

  get status(): number {
    return APP_ERRORS[this.code].status;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

// tRPC's own refusals of a malformed request (before any procedure ran) read as BAD_REQUEST.
const REQUEST_SHAPE_CODES = new Set(["PARSE_ERROR", "METHOD_NOT_SUPPORTED", "UNSUPPORTED_MEDIA_TYPE", "UNPROCESSABLE_CONTENT", "PRECONDITION_FAILED"]);

/** The code for a tRPC error code (the reverse of the table), INTERNAL when unknown. */
export function appCodeForTrpc(trpcCode: string): AppErrorCode {
  if (REQUEST_SHAPE_CODES.has(trpcCode)) return "BAD_REQUEST";
  for (const [code, row] of Object.entries(APP_ERRORS) as [AppErrorCode, (typeof APP_ERRORS)[AppErrorCode]][]) {
    if (row.trpc === trpcCode) return code;
  }
  return "INTERNAL";
}

/** The JSON body every route handler answers an error with. */
export type ErrorBody = { error: { code: AppErrorCode; message: string; requestId: string | null } };

export function errorBody(code: AppErrorCode, message: string | undefined, requestId: string | null): ErrorBody {
  return { error: { code, message: message ?? APP_ERRORS[code].message, requestId } };
}

// Pages: an error thrown while rendering reaches app/error.tsx with only its digest (Next keeps a
// digest the thrower set). An outage carries this prefix, so the page can say the calm sentence.
export const UNAVAILABLE_DIGEST_PREFIX = "HAVEN_SERVICE_UNAVAILABLE";

export function isUnavailableDigest(digest: string | undefined | null): boolean {
  return typeof digest === "string" && digest.startsWith(UNAVAILABLE_DIGEST_PREFIX);
}

// Sign-in: next-auth puts a thrown error's message into the redirect URL (`?error=…`), so
// `authorize` throws only these codes; the sign-in form turns them into sentences.
export const SIGN_IN_ERROR = { unavailable: "ServiceUnavailable", failed: "SignInFailed" } as const;

/** The sentence the sign-in form shows for next-auth's `error` value. */
export function signInErrorMessage(error: string): string {
  if (error === SIGN_IN_ERROR.unavailable) return APP_ERRORS.SERVICE_UNAVAILABLE.message;
  // next-auth's code for "authorize said no": unknown email, wrong password, locked or inactive.
  if (error === "CredentialsSignin") return MESSAGES.wrongCredentials;
  return APP_ERRORS.INTERNAL.message;
}
