import { describe, expect, it } from "vitest";
import { deriveReadingStatus, dueDateToInstant, gentleDueLabel, instantToDueDate } from "../../server/schemas/assignment";
import { canRemind } from "../../server/services/care/scope";
import { lastWeekStarts, toWeeklySeries, weekStart } from "../../server/services/dashboard/therapist";

const at = new Date("2026-03-04T09:00:00Z"); // a Wednesday

describe("deriveReadingStatus", () => {
  it("is not opened, then opened, then done", () => {
    expect(deriveReadingStatus({ firstOpenedAt: null, completedAt: null, progress: 0 })).toBe("NOT_OPENED");
    expect(deriveReadingStatus({ firstOpenedAt: at, completedAt: null, progress: 0 })).toBe("OPENED");
    expect(deriveReadingStatus({ firstOpenedAt: null, completedAt: null, progress: 20 })).toBe("OPENED");
    expect(deriveReadingStatus({ firstOpenedAt: at, completedAt: at, progress: 40 })).toBe("DONE");
  });
});

describe("gentle due dates", () => {
  it("names the weekday within the coming week and the date beyond it", () => {
    expect(gentleDueLabel(dueDateToInstant("2026-03-04"), at)).toBe("Suggested for today");
    expect(gentleDueLabel(dueDateToInstant("2026-03-05"), at)).toBe("Suggested by tomorrow");
    expect(gentleDueLabel(dueDateToInstant("2026-03-06"), at)).toBe("Suggested by Friday");
    expect(gentleDueLabel(dueDateToInstant("2026-03-20"), at)).toBe("Suggested by 20 March");
    expect(gentleDueLabel(dueDateToInstant("2027-01-02"), at)).toBe("Suggested by 2 January 2027");
  });

  it("never says overdue for a past date", () => {
    const label = gentleDueLabel(dueDateToInstant("2026-02-20"), at);
    expect(label).toBe("Suggested by 20 February");
    expect(label.toLowerCase()).not.toMatch(/overdue|late|missed/);
  });

  it("keeps the calendar day through storage", () => {
    expect(instantToDueDate(dueDateToInstant("2026-12-31"))).toBe("2026-12-31");
  });
});

describe("reminder throttle", () => {
  it("allows one reminder a day, only before the reading is opened", () => {
    expect(canRemind({ firstOpenedAt: null, lastReminderAt: null }, at)).toBe(true);
    expect(canRemind({ firstOpenedAt: null, lastReminderAt: new Date(at.getTime() - 23 * 3600_000) }, at)).toBe(false);
    expect(canRemind({ firstOpenedAt: null, lastReminderAt: new Date(at.getTime() - 24 * 3600_000) }, at)).toBe(true);
    expect(canRemind({ firstOpenedAt: at, lastReminderAt: null }, at)).toBe(false);
  });
});

describe("weekly series", () => {
  it("starts weeks on Monday (UTC)", () => {
    expect(weekStart(at).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(weekStart(new Date("2026-03-08T23:59:00Z")).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(weekStart(new Date("2026-03-09T00:00:00Z")).toISOString()).toBe("2026-03-09T00:00:00.000Z");
  });

  it("fills eight weeks, oldest first, counting opens and re-opens together", () => {
    const weeks = lastWeekStarts(at);
    expect(weeks).toHaveLength(8);
    expect(weeks[0]!.toISOString()).toBe("2026-01-12T00:00:00.000Z");
    const series = toWeeklySeries(
      [
        { week: new Date("2026-03-02T00:00:00Z"), type: "OPENED", count: 2 },
        { week: new Date("2026-03-02T00:00:00Z"), type: "REOPENED", count: 1 },
        { week: new Date("2026-03-02T00:00:00Z"), type: "COMPLETED", count: 1 },
        { week: new Date("2026-02-23T00:00:00Z"), type: "COMPLETED", count: 4 },
      ],
      at,
    );
    expect(series.at(-1)).toMatchObject({ opens: 3, completions: 1 });
    expect(series.at(-2)).toMatchObject({ opens: 0, completions: 4 });
    expect(series.slice(0, 6).every((p) => p.opens === 0 && p.completions === 0)).toBe(true);
  });
});

describe("scroll depth", () => {
  it("is the share of the article above the bottom of the screen, never outside 0-100", async () => {
    const { scrollDepth } = await import("../../components/reading/report-key");
    expect(scrollDepth({ top: 400, height: 4000 }, 800)).toBe(10);
    expect(scrollDepth({ top: -1600, height: 4000 }, 800)).toBe(60);
    expect(scrollDepth({ top: -3500, height: 4000 }, 800)).toBe(100);
    expect(scrollDepth({ top: 900, height: 4000 }, 800)).toBe(0);
    expect(scrollDepth({ top: 100, height: 300 }, 800)).toBe(100);
    expect(scrollDepth({ top: 0, height: 0 }, 800)).toBe(100);
  });
});
