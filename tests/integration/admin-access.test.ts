import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { appRouter } from "../../server/routers/_app";
import { callerFor, createAdmin, createClientOf, createTherapist, type TestUser } from "../support/factories";

type Caller = ReturnType<typeof callerFor>;

let subject: TestUser;

beforeAll(async () => {
  subject = await createTherapist();
  await getDb().resource.create({
    data: { slug: "access-shared", title: "Shared", summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 1, ownerId: subject.id, visibility: "SHARED" },
  });
});

// Every admin-only procedure, with an input that would be valid for an admin.
const calls: Record<string, (caller: Caller) => Promise<unknown>> = {
  "admin.overview": (c) => c.admin.overview(),
  "admin.listAccounts": (c) => c.admin.listAccounts({}),
  "admin.accountById": (c) => c.admin.accountById({ userId: subject.id }),
  "admin.clientHistory": (c) => c.admin.clientHistory({ userId: subject.id }),
  "admin.caseload": (c) => c.admin.caseload({ userId: subject.id }),
  "admin.inviteStaff": (c) => c.admin.inviteStaff({ email: "new-staff@example.test", name: "New Staff", role: "THERAPIST" }),
  "admin.listInvitations": (c) => c.admin.listInvitations(),
  "admin.revokeInvitation": (c) => c.admin.revokeInvitation({ invitationId: "cl0000000000000000000000" }),
  "admin.deactivate": (c) => c.admin.deactivate({ userId: subject.id }),
  "admin.reactivate": (c) => c.admin.reactivate({ userId: subject.id }),
  "admin.changeRole": (c) => c.admin.changeRole({ userId: subject.id, role: "ADMIN" }),
  "admin.issuePasswordReset": (c) => c.admin.issuePasswordReset({ userId: subject.id }),
  "admin.libraryList": (c) => c.admin.libraryList({}),
  "admin.transferSharedResources": (c) => c.admin.transferSharedResources({ therapistId: subject.id }),
  "audit.list": (c) => c.audit.list({}),
};

describe("admin and audit procedures", () => {
  it("are all listed here, so none escapes these checks", () => {
    const procedures = Object.keys(appRouter._def.procedures).filter((p) => p.startsWith("admin.") || p.startsWith("audit."));
    expect(procedures.sort()).toEqual(Object.keys(calls).sort());
  });

  it("refuse signed-out callers with UNAUTHORIZED", async () => {
    for (const [name, call] of Object.entries(calls)) {
      await expect(call(callerFor(null)), name).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
  });

  it("refuse therapists and clients with FORBIDDEN, changing nothing", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const before = await getDb().user.findUniqueOrThrow({ where: { id: subject.id } });
    for (const user of [therapist, client]) {
      for (const [name, call] of Object.entries(calls)) {
        await expect(call(callerFor(user)), `${name} as ${user.role}`).rejects.toMatchObject({ code: "FORBIDDEN" });
      }
    }
    const after = await getDb().user.findUniqueOrThrow({ where: { id: subject.id } });
    expect(after).toEqual(before);
    expect(await getDb().resource.count({ where: { ownerId: subject.id } })).toBe(1);
    expect(await getDb().auditEvent.count()).toBe(0);
    expect(await getDb().invitation.count()).toBe(0);
  });

  it("let an admin in", async () => {
    const admin = await createAdmin();
    await expect(callerFor(admin).admin.overview()).resolves.toMatchObject({ activeAssignments: 0 });
    await expect(callerFor(admin).audit.list({})).resolves.toMatchObject({ items: [] });
  });
});
