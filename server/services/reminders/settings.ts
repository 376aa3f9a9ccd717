import { AppError } from "../../app-error";
import type { PrismaClient, Role } from "../../generated/prisma/client";
import { env } from "../../env";
import {
  hhmmToMinutes,
  inQuietHours,
  localTime,
  minutesToHhmm,
  quietHoursEnd,
  type ClientReminderChoice,
  type QuietHours,
  type ReminderSettings,
  type ReminderSettingsUpdate,
} from "../../schemas/reminders";

export const reminderSettingsSelect = {
  reminderMode: true,
  quietHoursStart: true,
  quietHoursEnd: true,
  timeZone: true,
  weeklyDigest: true,
} as const;

type SettingsRow = {
  reminderMode: ReminderSettings["mode"];
  quietHoursStart: number | null;
  quietHoursEnd: number | null;
  timeZone: string | null;
  weeklyDigest: boolean;
};

/** The zone in use: the person's own, else the practice default. */
export function effectiveZone(timeZone: string | null): string {
  return timeZone ?? env().REMINDERS_TIME_ZONE;
}

export function quietOf(row: Pick<SettingsRow, "quietHoursStart" | "quietHoursEnd">): QuietHours {
  return row.quietHoursStart === null || row.quietHoursEnd === null ? null : { start: row.quietHoursStart, end: row.quietHoursEnd };
}

export function toSettings(row: SettingsRow): ReminderSettings {
  const quiet = quietOf(row);
  return {
    mode: row.reminderMode,
    quietHours: quiet ? { start: minutesToHhmm(quiet.start), end: minutesToHhmm(quiet.end) } : null,
    timeZone: row.timeZone,
    effectiveTimeZone: effectiveZone(row.timeZone),
    weeklyDigest: row.weeklyDigest,
  };
}

export async function readReminderSettings(db: PrismaClient, userId: string): Promise<ReminderSettings> {
  const row = await db.user.findUnique({ where: { id: userId }, select: reminderSettingsSelect });
  if (!row) throw new AppError("NOT_FOUND", "We couldn't find your account.");
  return toSettings(row);
}

/**
 * Changes the caller's own reminder settings. Clients choose which reminders they get; the
 * weekly digest is a therapist's choice. Quiet hours and the time zone are everyone's.
 */
export async function updateReminderSettings(db: PrismaClient, user: { id: string; role: Role }, patch: ReminderSettingsUpdate): Promise<ReminderSettings> {
  if (patch.mode !== undefined && user.role !== "CLIENT") {
    throw new AppError("BAD_REQUEST", "Reminder choices are for clients; therapists can choose the weekly digest.");
  }
  if (patch.weeklyDigest !== undefined && user.role !== "THERAPIST") {
    throw new AppError("BAD_REQUEST", "The weekly digest is for therapists.");
  }
  const row = await db.user.update({
    where: { id: user.id },
    data: {
      ...(patch.mode !== undefined ? { reminderMode: patch.mode } : {}),
      ...(patch.quietHours !== undefined
        ? {
            quietHoursStart: patch.quietHours ? hhmmToMinutes(patch.quietHours.start) : null,
            quietHoursEnd: patch.quietHours ? hhmmToMinutes(patch.quietHours.end) : null,
          }
        : {}),
      ...(patch.timeZone !== undefined ? { timeZone: patch.timeZone } : {}),
      ...(patch.weeklyDigest !== undefined ? { weeklyDigest: patch.weeklyDigest } : {}),
    },
    select: reminderSettingsSelect,
  });
  return toSettings(row);
}

/** The client's choice as their therapist's "Send a reminder" needs it, at `now`. */
export function reminderChoiceOf(row: SettingsRow, now: Date): ClientReminderChoice {
  const zone = effectiveZone(row.timeZone);
  const quiet = quietOf(row);
  const quietNow = inQuietHours(localTime(now, zone).minutes, quiet);
  return { mode: row.reminderMode, quietUntil: quietNow ? quietHoursEnd(now, zone, quiet) : null };
}
