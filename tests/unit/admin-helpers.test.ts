import { describe, expect, it } from "vitest";
import { actionLabel, detailText } from "../../components/admin/format";
import { formatDate } from "../../server/schemas/dates";
import { keysetCursor } from "../../server/schemas/admin";
import { auditFilterInput } from "../../server/schemas/audit";
import { afterCursor, decodeCursor, encodeCursor, pageOf } from "../../server/services/keyset";

describe("keyset cursors", () => {
  it("round-trip a time and an id, including ids with underscores", () => {
    const key = { at: new Date("2025-03-04T05:06:07.089Z"), id: "ck_abc-123" };
    const cursor = encodeCursor(key);
    expect(keysetCursor.safeParse(cursor).success).toBe(true);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it("refuse anything that is not a cursor", () => {
    for (const bad of ["", "abc", "_id", "12_", "1' OR '1'='1_x", `${"9".repeat(16)}_x`]) {
      expect(keysetCursor.safeParse(bad).success, bad).toBe(false);
    }
    expect(decodeCursor(null)).toBeNull();
  });

  it("builds an index-friendly 'after' condition: at <= t AND (at < t OR id < id)", () => {
    const at = new Date(1000);
    expect(afterCursor("at", { at, id: "m" })).toEqual({ AND: [{ at: { lte: at } }, { OR: [{ at: { lt: at } }, { id: { lt: "m" } }] }] });
    expect(afterCursor("at", null)).toEqual({});
  });

  it("gives a next cursor only when there is a row beyond the page", () => {
    const rows = [1, 2, 3].map((n) => ({ at: new Date(n), id: `r${n}` }));
    expect(pageOf(rows, 3, (r) => r)).toEqual({ items: rows, nextCursor: null });
    expect(pageOf(rows, 2, (r) => r)).toEqual({ items: rows.slice(0, 2), nextCursor: encodeCursor(rows[1] as { at: Date; id: string }) });
  });
});

describe("audit filters", () => {
  it("treat empty values as no filter and keep whole-day dates", () => {
    expect(auditFilterInput.parse({ actor: " ", action: "", from: "2025-01-01", to: "" })).toEqual({ from: "2025-01-01" });
  });

  it("refuse a range that ends before it starts, unknown actions and malformed dates", () => {
    expect(auditFilterInput.safeParse({ from: "2025-02-01", to: "2025-01-31" }).success).toBe(false);
    expect(auditFilterInput.safeParse({ action: "account.deleted" }).success).toBe(false);
    expect(auditFilterInput.safeParse({ from: "2025-13-01" }).success).toBe(false);
  });
});

describe("admin display helpers", () => {
  it("say actions and details in words", () => {
    expect(actionLabel("account.role_changed")).toBe("Account role changed");
    expect(detailText({ from: "THERAPIST", to: "ADMIN" })).toBe("from: THERAPIST · to: ADMIN");
    expect(detailText({ filters: { actor: "a@b.c" } })).toBe('filters: {"actor":"a@b.c"}');
    expect(detailText(null)).toBe("");
  });

  it("show times in UTC, the same on the server and in the browser", () => {
    expect(formatDate(new Date("2025-06-01T23:30:00Z"), "dateTime")).toBe("1 Jun 2025, 23:30 UTC");
    expect(formatDate(null, "dateTime", { empty: "Never" })).toBe("Never");
  });
});
