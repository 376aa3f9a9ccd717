// Dates on admin screens come from server/schemas/dates in UTC (the default there), so the server
// render and hydration always agree and the audit CSV (UTC) matches the screen.

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
