import { describe, expect, it } from "vitest";
import { formatDate } from "../../server/schemas/dates";

// Late evening in UTC: a formatter that used the machine's zone instead would show another day in
// many zones, and the server render would disagree with the browser's.
const at = new Date("2026-03-04T23:30:00Z");

describe("formatDate (every date Haven shows)", () => {
  it("formats in UTC by default, whatever the machine's zone", () => {
    expect(formatDate(at)).toBe("4 Mar 2026");
    expect(formatDate(at, "dateTime")).toBe("4 Mar 2026, 23:30 UTC");
    expect(formatDate(at, "longDate")).toBe("4 March 2026");
    expect(formatDate(at, "dayMonth")).toBe("4 Mar");
    expect(formatDate(at, "dayMonthLong")).toBe("4 March");
    expect(formatDate(at, "weekday")).toBe("Wednesday");
  });

  it("shows a placeholder for a missing date", () => {
    expect(formatDate(null)).toBe("—");
    expect(formatDate(undefined, "dateTime", { empty: "Never" })).toBe("Never");
  });

  it("uses the local zone only when asked, and then does not claim UTC", () => {
    expect(formatDate(at, "dateTime", { zone: "local" })).not.toContain("UTC");
  });
});
