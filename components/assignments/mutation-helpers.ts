export { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";

/** Today as YYYY-MM-DD in the browser's time zone, the earliest due date the picker offers. */
export function todayInputValue(now = new Date()): string {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
}
