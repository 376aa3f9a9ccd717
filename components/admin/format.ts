// Dates on admin screens: one fixed format and time zone on the server and in the browser,
// so the server render and hydration always agree, and the audit CSV (UTC) matches the screen.
const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

export function formatDateTime(value: Date | null | undefined, empty = "—"): string {
  return value ? `${dateTime.format(value)} UTC` : empty;
}

export function formatDate(value: Date | null | undefined, empty = "—"): string {
  return value ? dateOnly.format(value) : empty;
}

/** "account.role_changed" → "Account role changed". */
export function actionLabel(action: string): string {
  const words = action.replace(/[._]/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A small JSON detail as "key: value · key: value" (it never holds secrets or reading content). */
export function detailText(detail: Record<string, unknown> | null): string {
  if (!detail) return "";
  return Object.entries(detail)
    .map(([key, value]) => `${key}: ${typeof value === "object" && value !== null ? JSON.stringify(value) : String(value)}`)
    .join(" · ");
}
