import { describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { assignedReading, createResource } from "../support/assign-fixtures";
import { callerFor, createAdmin, createClientOf, createTherapist } from "../support/factories";

const viewedBy = (actorId: string) => getDb().auditEvent.findMany({ where: { actorId, action: "client_data.viewed" }, select: { targetType: true, targetId: true, detail: true } });

describe("audited reads of client data", () => {
  it("engagement for a resource the caller cannot see is NOT_FOUND and writes no audit row", async () => {
    const owner = await createTherapist();
    const client = await createClientOf(owner);
    const privatePiece = await createResource({ ownerId: owner.id, visibility: "PRIVATE" });
    await callerFor(owner).assignment.create({ resourceId: privatePiece.id, clientIds: [client.id] });
    const draft = await createResource({ ownerId: owner.id, visibility: "SHARED", status: "DRAFT" });
    const other = await createTherapist();
    await createClientOf(other);

    for (const resourceId of [privatePiece.id, draft.id, "00000000-0000-4000-8000-000000000000"]) {
      await expect(callerFor(other).assignment.engagement({ resourceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(callerFor(other).assignment.clientOptions({ resourceId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    expect(await viewedBy(other.id)).toEqual([]);

    // The owner sees their own piece's engagement, and that read is on the record.
    expect(await callerFor(owner).assignment.engagement({ resourceId: privatePiece.id })).toMatchObject({ assigned: 1 });
    expect(await viewedBy(owner.id)).toEqual([{ targetType: "Resource", targetId: privatePiece.id, detail: { view: "resource_engagement" } }]);
  });

  it("reads that showed no client data write no audit row", async () => {
    const { therapist, resourceId } = await assignedReading();
    const alone = await createTherapist();
    const admin = await createAdmin();

    expect(await callerFor(alone).client.list()).toEqual([]);
    expect(await callerFor(alone).client.list({ q: "nobody" })).toEqual([]);
    expect(await callerFor(alone).assignment.clientOptions()).toEqual([]);
    expect(await callerFor(alone).assignment.engagement({ resourceId })).toMatchObject({ assigned: 0 });
    expect(await callerFor(alone).dashboard.therapist({ since: null })).toMatchObject({ notOpened: [], finished: [], reflections: [] });
    expect(await viewedBy(alone.id)).toEqual([]);

    const newClient = await createClientOf(alone);
    expect(await callerFor(admin).admin.clientHistory({ userId: newClient.id })).toEqual([]);
    expect(await callerFor(admin).admin.caseload({ userId: (await createTherapist()).id })).toEqual([]);
    expect(await viewedBy(admin.id)).toEqual([]);

    // Refused reads neither.
    const someoneElsesClient = await createClientOf(therapist);
    await expect(callerFor(alone).client.byId({ id: someoneElsesClient.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await viewedBy(alone.id)).toEqual([]);

    // A read that did show someone is still audited.
    expect(await callerFor(therapist).client.list()).toHaveLength(2);
    expect(await viewedBy(therapist.id)).toHaveLength(1);
  });
});
