// One home for reading tRPC errors in forms (the server's error formatter attaches data.fieldErrors).
import { APP_ERRORS, MESSAGES } from "@/server/app-error";

/** The first message per field from a tRPC validation error (the server sends zod's flattened errors). */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const raw = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  const result: Record<string, string> = {};
  if (!raw || typeof raw !== "object") return result;
  for (const [field, messages] of Object.entries(raw)) {
    if (Array.isArray(messages) && typeof messages[0] === "string" && messages[0]) result[field] = messages[0];
  }
  return result;
}

/**
 * A tRPC error's plain message (the server already wrote it for people). An outage (503) always
 * reads as the calm sentence, and an answer that never came (network, a proxy's page) as "couldn't
 * reach Haven" — never a raw transport message, never "please sign in".
 */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return "Something went wrong. Please try again.";
  const data = (error as { data?: { appCode?: unknown; httpStatus?: unknown } | null }).data;
  if (data?.appCode === "SERVICE_UNAVAILABLE" || data?.httpStatus === 503) return APP_ERRORS.SERVICE_UNAVAILABLE.message;
  if (error.name === "TRPCClientError" && !data) return MESSAGES.noConnection;
  return error.message || "Something went wrong. Please try again.";
}

/** The message for one field, else the error's own plain message. */
export function fieldMessage(error: unknown, field: string): string {
  return fieldErrorsOf(error)[field] ?? messageOf(error);
}
