import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { exportAuditCsv } from "../../server/request/audit-export";
import { callerFor, createAdmin, createTherapist, type TestUser } from "../support/factories";

const DAY = 86_400_000;
let admin: TestUser;
let therapist: TestUser;
let other: TestUser;
const base = new Date("2026-11-20T12:00:00.000Z").getTime();

/** 60 events by the therapist spread over 200 days (several share a timestamp), plus noise by others. */
beforeAll(async () => {
  admin = await createAdmin();
  therapist = await createTherapist({ name: "=HYPERLINK(\"x\")" });
  other = await createTherapist();
  const rows = [];
  for (let i = 0; i < 60; i++) {
    rows.push({
      actorId: therapist.id,
      actorRole: "THERAPIST" as const,
      action: i % 3 === 0 ? "auth.sign_in" : "resource.edited",
      targetType: i % 3 === 0 ? "User" : "Resource",
      targetId: i % 3 === 0 ? therapist.id : `res-${i % 5}`,
      // Pairs of events share the same instant: the id breaks the tie.
      at: new Date(base - Math.floor(i / 2) * (200 / 30) * DAY),
      detail: { n: i },
    });
  }
  for (let i = 0; i < 15; i++) {
    rows.push({ actorId: other.id, actorRole: "THERAPIST" as const, action: "auth.sign_in", targetType: "User", targetId: other.id, at: new Date(base - i * DAY) });
  }
  await getDb().auditEvent.createMany({ data: rows });
});

type ListInput = Parameters<ReturnType<typeof callerFor>["audit"]["list"]>[0];

async function allPages(input: ListInput & object, limit: number) {
  const ids: string[] = [];
  const times: number[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: Awaited<ReturnType<ReturnType<typeof callerFor>["audit"]["list"]>> = await callerFor(admin).audit.list({ ...input, limit, cursor });
    ids.push(...page.items.map((e) => e.id));
    times.push(...page.items.map((e) => e.at.getTime()));
    cursor = page.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { ids, times, pages };
}

describe("audit trail pagination", () => {
  it("walks every row newest first with no duplicates and no skips, whatever the page size", async () => {
    const expected = await getDb().auditEvent.findMany({ where: { actorId: therapist.id }, orderBy: [{ at: "desc" }, { id: "desc" }], select: { id: true } });
    expect(expected).toHaveLength(60);
    for (const limit of [1, 7, 25, 200]) {
      const { ids, times } = await allPages({ filter: { actor: therapist.email } }, limit);
      expect(ids).toEqual(expected.map((e) => e.id));
      expect(times).toEqual([...times].sort((a, b) => b - a));
    }
  });

  it("refuses a malformed cursor", async () => {
    await expect(callerFor(admin).audit.list({ cursor: "'; DROP TABLE x;--" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("audit trail filters", () => {
  it("filters by actor (email or id), action, and target", async () => {
    const byEmail = await allPages({ filter: { actor: therapist.email, action: "auth.sign_in" } }, 50);
    expect(byEmail.ids).toHaveLength(20);
    const byId = await allPages({ filter: { actor: therapist.id, action: "auth.sign_in" } }, 50);
    expect(byId.ids).toEqual(byEmail.ids);
    const target = await callerFor(admin).audit.list({ filter: { targetType: "Resource", targetId: "res-1" }, limit: 200 });
    expect(target.items.length).toBeGreaterThan(0);
    expect(target.items.every((e) => e.targetType === "Resource" && e.targetId === "res-1")).toBe(true);
    const aboutOther = await callerFor(admin).audit.list({ filter: { targetType: "User", targetId: other.email }, limit: 200 });
    expect(aboutOther.items).toHaveLength(15);
    expect(aboutOther.items[0]?.targetLabel).toContain(other.email);
    const nobody = await callerFor(admin).audit.list({ filter: { actor: "nobody@example.test" } });
    expect(nobody.items).toEqual([]);
  });

  it("finds events older than three months with a date range, including the whole last day", async () => {
    const from = new Date(base - 200 * DAY).toISOString().slice(0, 10);
    const to = new Date(base - 100 * DAY).toISOString().slice(0, 10);
    const { ids } = await allPages({ filter: { actor: therapist.id, from, to } }, 10);
    const expected = await getDb().auditEvent.count({
      where: { actorId: therapist.id, at: { gte: new Date(`${from}T00:00:00Z`), lt: new Date(new Date(`${to}T00:00:00Z`).getTime() + DAY) } },
    });
    expect(expected).toBeGreaterThan(10);
    expect(ids).toHaveLength(expected);
    const oneDay = new Date(base).toISOString().slice(0, 10);
    const sameDay = await callerFor(admin).audit.list({ filter: { actor: therapist.id, from: oneDay, to: oneDay } });
    expect(sameDay.items).toHaveLength(2);
  });

  it("refuses a range that ends before it starts, and malformed dates", async () => {
    await expect(callerFor(admin).audit.list({ filter: { from: "2026-02-01", to: "2026-01-01" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(admin).audit.list({ filter: { from: "yesterday" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(callerFor(admin).audit.list({ filter: { action: "not.an.action" } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("CSV export", () => {
  const meta = { requestId: "export-test", ip: "198.51.100.3" };

  it("refuses anyone but an admin", async () => {
    expect((await exportAuditCsv(getDb(), null, new URLSearchParams(), meta)).status).toBe(401);
    expect((await exportAuditCsv(getDb(), { id: therapist.id, role: "THERAPIST" }, new URLSearchParams(), meta)).status).toBe(403);
    expect(await getDb().auditEvent.count({ where: { action: "audit.exported" } })).toBe(0);
  });

  it("exports exactly the filtered rows, defuses formulas, and audits the export", async () => {
    const response = await exportAuditCsv(getDb(), admin, new URLSearchParams({ actor: therapist.email, action: "auth.sign_in" }), meta);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("time_utc,actor_email,actor_name,actor_role,action,target_type,target_id,target,request_id,client_address,detail");
    expect(lines).toHaveLength(21);
    expect(lines.slice(1).every((line) => line.includes(",auth.sign_in,"))).toBe(true);
    // The therapist's name starts with "=": it must arrive as text, not a formula.
    expect(lines[1]).toContain(`"'=HYPERLINK(""x"")"`);
    const exported = await getDb().auditEvent.findFirstOrThrow({ where: { action: "audit.exported", actorId: admin.id } });
    expect(exported.detail).toEqual({ filters: { actor: therapist.email, action: "auth.sign_in" } });
  });

  it("streams more rows than one batch and sends just the header when nothing matches", async () => {
    const many = Array.from({ length: 1100 }, (_, i) => ({ actorId: other.id, action: "auth.sign_out", at: new Date(base - 400 * DAY - i * 1000) }));
    await getDb().auditEvent.createMany({ data: many });
    const response = await exportAuditCsv(getDb(), admin, new URLSearchParams({ actor: other.id, action: "auth.sign_out" }), meta);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines).toHaveLength(1101);
    expect(new Set(lines).size).toBe(1101);
    const empty = await exportAuditCsv(getDb(), admin, new URLSearchParams({ actor: "nobody@example.test" }), meta);
    expect((await empty.text()).trim().split("\r\n")).toHaveLength(1);
  });

  it("answers 400 for malformed filters", async () => {
    expect((await exportAuditCsv(getDb(), admin, new URLSearchParams({ from: "not-a-date" }), meta)).status).toBe(400);
  });
});

describe("audited actions", () => {
  it("records actor, action, target, time, request id and address for an admin action", async () => {
    const subject = await createTherapist();
    await callerFor(admin).admin.deactivate({ userId: subject.id });
    const event = await getDb().auditEvent.findFirstOrThrow({ where: { action: "account.deactivated", targetId: subject.id } });
    expect(event).toMatchObject({ actorId: admin.id, actorRole: "ADMIN", targetType: "User", ip: "203.0.113.7" });
    expect(event.requestId).toBeTruthy();
    expect(Date.now() - event.at.getTime()).toBeLessThan(60_000);
    await callerFor(admin).admin.reactivate({ userId: subject.id });
  });
});
