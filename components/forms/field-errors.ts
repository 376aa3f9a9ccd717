// One home for reading tRPC errors in forms (the server's error formatter attaches data.fieldErrors).

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

/** A tRPC error's plain message (the server already wrote it for people). */
export function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : "Something went wrong. Please try again.";
}

/** The message for one field, else the error's own plain message. */
export function fieldMessage(error: unknown, field: string): string {
  return fieldErrorsOf(error)[field] ?? (error as Error).message;
}
