import { z } from "zod";
import { outputText, text } from "./text";

export const REMINDER_MODES = ["OFF", "NEW_READING", "WEEKLY"] as const;
export type ReminderModeValue = (typeof REMINDER_MODES)[number];

/**
 * The calm default for a new client: a short note only when their therapist gives them something
 * new, never inside quiet hours (21:00–08:00 their time). It is what an invited client expects
 * (their therapist's reminders keep reaching them), it sends nothing when nothing happens, and
 * they can switch to a weekly summary or turn reminders off on their Preferences page.
 */
export const DEFAULT_REMINDERS = {
  mode: "NEW_READING",
  quietHours: { start: "21:00", end: "08:00" },
} as const;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function minutesToHhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export function hhmmToMinutes(value: string): number {
  const match = HHMM.exec(value);
  if (!match) throw new Error(`not a time: ${value}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** True for a zone name the runtime's time-zone database knows (IANA, e.g. "Europe/Berlin"). */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z0-9_+\-/]{1,64}$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

const timeOfDay = text().regex(HHMM, { error: "Use a time like 21:00" });

export const timeZoneName = text()
  .trim()
  .max(64, { error: "Choose a time zone from the list" })
  .refine(isTimeZone, { error: "Choose a time zone from the list" });

export const reminderSettings = z.object({
  mode: z.enum(REMINDER_MODES),
  quietHours: z.object({ start: timeOfDay, end: timeOfDay }).nullable(),
  /** The zone chosen, or null when the practice default applies. */
  timeZone: outputText().nullable(),
  /** The zone in use (the chosen one or the practice default). */
  effectiveTimeZone: outputText(),
  weeklyDigest: z.boolean(),
});
export type ReminderSettings = z.infer<typeof reminderSettings>;

/** A change to the caller's own reminder settings; unknown keys are refused. */
export const reminderSettingsUpdate = z
  .strictObject({
    mode: z.enum(REMINDER_MODES, { error: "Choose one of the reminder options shown" }).optional(),
    quietHours: z
      .strictObject({ start: timeOfDay, end: timeOfDay })
      .refine((q) => q.start !== q.end, { error: "Quiet hours need a different start and end time" })
      .nullable()
      .optional(),
    timeZone: timeZoneName.optional(),
    weeklyDigest: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { error: "Choose a setting to change" });
export type ReminderSettingsUpdate = z.infer<typeof reminderSettingsUpdate>;

/** What a therapist sees about a client's choice next to "Send a reminder". */
export const clientReminderChoice = z.object({
  mode: z.enum(REMINDER_MODES),
  /** When the client is inside quiet hours right now: the instant they end. */
  quietUntil: z.date().nullable(),
});
export type ClientReminderChoice = z.infer<typeof clientReminderChoice>;

// ---- Local time arithmetic (pure; the clock is always passed in) ----

export type LocalTime = {
  /** YYYY-MM-DD in the zone. */
  date: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight. */
  minutes: number;
};

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localTime(now: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAYS[parts.weekday as string] ?? 1,
    minutes: (Number(parts.hour) % 24) * 60 + Number(parts.minute),
  };
}

export type QuietHours = { start: number; end: number } | null;

export function inQuietHours(minutes: number, quiet: QuietHours): boolean {
  if (!quiet || quiet.start === quiet.end) return false;
  return quiet.start < quiet.end ? minutes >= quiet.start && minutes < quiet.end : minutes >= quiet.start || minutes < quiet.end;
}

/** The first instant at or after `now` outside quiet hours (minute precision; `now` when outside). */
export function quietHoursEnd(now: Date, timeZone: string, quiet: QuietHours): Date {
  let at = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  if (!inQuietHours(localTime(now, timeZone).minutes, quiet)) return now;
  // At most a day of minutes; time-zone changes (DST) are handled by asking Intl each step.
  for (let step = 0; step < 1440 && inQuietHours(localTime(at, timeZone).minutes, quiet); step += 1) {
    at = new Date(at.getTime() + 60_000);
  }
  return at;
}

/** The local date of the Monday that starts `now`'s week in the zone: the weekly mail's period. */
export function weekKey(now: Date, timeZone: string): string {
  const local = localTime(now, timeZone);
  const [y, m, d] = local.date.split("-").map(Number) as [number, number, number];
  const monday = new Date(Date.UTC(y, m - 1, d - (local.weekday - 1)));
  return monday.toISOString().slice(0, 10);
}

/** Weekly mail goes out from Monday 09:00 local time (any later moment that week catches up). */
export const WEEKLY_SEND_FROM_MINUTES = 9 * 60;

export function weeklyMailDue(now: Date, timeZone: string): boolean {
  const local = localTime(now, timeZone);
  return local.weekday > 1 || local.minutes >= WEEKLY_SEND_FROM_MINUTES;
}
