import { describe, expect, it } from "vitest";
import { inQuietHours, isTimeZone, localTime, quietHoursEnd, reminderSettingsUpdate, weekKey, weeklyMailDue } from "../../server/schemas/reminders";

const q = (start: string, end: string) => ({
  start: Number(start.slice(0, 2)) * 60 + Number(start.slice(3)),
  end: Number(end.slice(0, 2)) * 60 + Number(end.slice(3)),
});

describe("quiet hours", () => {
  it("wraps past midnight (21:00–08:00) and ends exactly at the end time", () => {
    const quiet = q("21:00", "08:00");
    expect(inQuietHours(20 * 60 + 59, quiet)).toBe(false);
    expect(inQuietHours(21 * 60, quiet)).toBe(true);
    expect(inQuietHours(3 * 60, quiet)).toBe(true);
    expect(inQuietHours(7 * 60 + 59, quiet)).toBe(true);
    expect(inQuietHours(8 * 60, quiet)).toBe(false);
    expect(inQuietHours(3 * 60, null)).toBe(false);
  });

  it("works within one day too (13:00–14:00)", () => {
    expect(inQuietHours(13 * 60 + 30, q("13:00", "14:00"))).toBe(true);
    expect(inQuietHours(14 * 60, q("13:00", "14:00"))).toBe(false);
  });

  it("counts in the person's own zone, across daylight saving", () => {
    // 2026-07-01 20:30 UTC is 22:30 in Berlin (summer time) and 16:30 in New York.
    const at = new Date("2026-07-01T20:30:00Z");
    expect(localTime(at, "Europe/Berlin")).toEqual({ date: "2026-07-01", weekday: 3, minutes: 22 * 60 + 30 });
    expect(localTime(at, "America/New_York").minutes).toBe(16 * 60 + 30);
    const quiet = q("21:00", "08:00");
    expect(quietHoursEnd(at, "Europe/Berlin", quiet).toISOString()).toBe("2026-07-02T06:00:00.000Z");
    expect(quietHoursEnd(at, "America/New_York", quiet)).toBe(at);
    // Winter: Berlin is UTC+1.
    expect(quietHoursEnd(new Date("2026-12-01T22:00:00Z"), "Europe/Berlin", quiet).toISOString()).toBe("2026-12-02T07:00:00.000Z");
  });
});

describe("weekly period", () => {
  it("is the local Monday, and mail is due from Monday 09:00 local time", () => {
    // Sunday 23:30 UTC is already Monday 00:30 in Berlin.
    const at = new Date("2026-11-29T23:30:00Z");
    expect(weekKey(at, "UTC")).toBe("2026-11-23");
    expect(weekKey(at, "Europe/Berlin")).toBe("2026-11-30");
    expect(weeklyMailDue(at, "Europe/Berlin")).toBe(false);
    expect(weeklyMailDue(new Date("2026-11-30T08:00:00Z"), "Europe/Berlin")).toBe(true);
    expect(weeklyMailDue(new Date("2026-12-02T01:00:00Z"), "UTC")).toBe(true);
  });
});

describe("settings input", () => {
  it("accepts IANA zones only", () => {
    expect(isTimeZone("Europe/London")).toBe(true);
    expect(isTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("../../etc/passwd")).toBe(false);
    expect(reminderSettingsUpdate.safeParse({ timeZone: "Asia/Tokyo" }).success).toBe(true);
    expect(reminderSettingsUpdate.safeParse({ timeZone: "Nowhere/City" }).success).toBe(false);
    expect(reminderSettingsUpdate.safeParse({ quietHours: { start: "9:00", end: "10:00" } }).success).toBe(false);
  });
});
