// Reads the per-field messages the server's error formatter attaches (data.fieldErrors).

/** { title: "Give it a title." } — the first message for each field the server refused. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  const raw = (error as { data?: { fieldErrors?: unknown } } | null)?.data?.fieldErrors;
  const result: Record<string, string> = {};
  if (!raw || typeof raw !== "object") return result;
  for (const [field, messages] of Object.entries(raw)) {
    if (Array.isArray(messages) && typeof messages[0] === "string") result[field] = messages[0];
  }
  return result;
}

/** The message for one field, else the error's own plain message. */
export function fieldMessage(error: unknown, field: string): string {
  return fieldErrorsOf(error)[field] ?? (error as Error).message;
}
