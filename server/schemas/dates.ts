// Every date Haven shows is formatted here, in the browser and on the server alike (British English,
// "1 Dec 2026"). A fixed zone gives the same text on the server and at hydration: UTC is the
// default, and times shown in UTC say so. Local time belongs in the browser only, after hydration
// (components/ui/LocalTime does that).

export type DateStyle = "date" | "dateTime" | "longDate" | "dayMonth" | "dayMonthLong" | "weekday";
export type DateZone = "UTC" | "local";

const OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "medium" }, //              1 Dec 2026
  dateTime: { dateStyle: "medium", timeStyle: "short" }, // 1 Dec 2026, 15:30
  longDate: { dateStyle: "long" }, //            1 December 2026
  dayMonth: { day: "numeric", month: "short" }, // 1 Dec
  dayMonthLong: { day: "numeric", month: "long" }, // 1 December
  weekday: { weekday: "long" }, //               Tuesday
};

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(style: DateStyle, zone: DateZone): Intl.DateTimeFormat {
  const key = `${style}:${zone}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat("en-GB", zone === "UTC" ? { ...OPTIONS[style], timeZone: "UTC" } : OPTIONS[style]);
    cache.set(key, found);
  }
  return found;
}

export interface FormatDateOptions {
  /** "UTC" (default: same text on server and browser) or "local" (the browser's zone; after hydration only). */
  zone?: DateZone;
  /** Shown when there is no date. */
  empty?: string;
}

/** One date as Haven shows it: formatDate(d) → "1 Dec 2026"; formatDate(d, "dateTime") → "1 Dec 2026, 15:30 UTC". */
export function formatDate(value: Date | null | undefined, style: DateStyle = "date", { zone = "UTC", empty = "—" }: FormatDateOptions = {}): string {
  if (!value) return empty;
  const text = formatter(style, zone).format(value);
  return style === "dateTime" && zone === "UTC" ? `${text} UTC` : text;
}
