// Who may call each tRPC procedure — declared ONCE, here — and a valid input for every role that
// may. tests/integration/procedure-matrix.test.ts calls every procedure as every role from this
// table, and fails when a procedure has no entry or an entry names a procedure that is gone.
// tests/integration/procedure-fuzz.test.ts sends each one hostile inputs as an allowed role.
import crypto from "node:crypto";
import { getDb } from "../../server/db";
import { assignedReading, createCollection, createResource } from "./assign-fixtures";
import { callerFor, createAdmin, createTherapist, TEST_PASSWORD, type TestUser } from "./factories";

export type Actor = "ANONYMOUS" | "CLIENT" | "THERAPIST" | "ADMIN";
export const ACTORS: readonly Actor[] = ["ANONYMOUS", "CLIENT", "THERAPIST", "ADMIN"];

const PUBLIC: readonly Actor[] = ACTORS;
const SIGNED_IN: readonly Actor[] = ["CLIENT", "THERAPIST", "ADMIN"];
const STAFF: readonly Actor[] = ["THERAPIST", "ADMIN"];
const THERAPIST: readonly Actor[] = ["THERAPIST"];
const CLIENT: readonly Actor[] = ["CLIENT"];
const ADMIN: readonly Actor[] = ["ADMIN"];

/** A small practice, fresh for each procedure: what valid inputs refer to. */
export type World = {
  therapist: TestUser;
  client: TestUser;
  admin: TestUser;
  /** Another therapist the admin can act on (deactivate, change role…). */
  subject: TestUser;
  /** Shared, published, no owner (the admins' library). */
  sharedResourceId: string;
  sharedSlug: string;
  /** The therapist's own private draft. */
  ownResourceId: string;
  /** Assigned by `therapist` to `client`. */
  assignmentId: string;
  /** The therapist's reading plan holding the shared resource. */
  collectionId: string;
  /** The user an actor is (null for anonymous). */
  as(actor: Actor): TestUser | null;
};

export async function buildWorld(): Promise<World> {
  const { therapist, client, resourceId: sharedResourceId, assignmentId } = await assignedReading();
  const admin = await createAdmin();
  const subject = await createTherapist();
  const shared = await getDb().resource.findUniqueOrThrow({ where: { id: sharedResourceId }, select: { slug: true } });
  const own = await createResource({ ownerId: therapist.id, visibility: "PRIVATE", status: "DRAFT" });
  const collection = await createCollection(therapist.id, [sharedResourceId]);
  const users: Record<Actor, TestUser | null> = { ANONYMOUS: null, CLIENT: client, THERAPIST: therapist, ADMIN: admin };
  return {
    therapist,
    client,
    admin,
    subject,
    sharedResourceId,
    sharedSlug: shared.slug,
    ownResourceId: own.id,
    assignmentId,
    collectionId: collection.id,
    as: (actor) => users[actor],
  };
}

const unique = () => crypto.randomBytes(4).toString("hex");
const tokenOf = (link: string | null) => new URL(link ?? "http://x/none").pathname.split("/").pop()!;

async function clientInvitation(world: World) {
  const invited = await callerFor(world.therapist).client.invite({ name: "Invited Person", email: `invited-${unique()}@example.test` });
  return { id: invited.invitationId, token: tokenOf(invited.link) };
}

async function resetToken(world: World) {
  const issued = await callerFor(world.admin).admin.issuePasswordReset({ userId: world.subject.id });
  return tokenOf(issued.link);
}

/** Turns the world's assigned reading into a one-question worksheet; returns the assignment id. */
async function worksheetReading(world: World) {
  const body = "## Notice\n\n```prompt\nid: feel\ntype: text\nlabel: What do you notice now?\n```\n";
  await getDb().resource.update({ where: { id: world.sharedResourceId }, data: { body } });
  return world.assignmentId;
}

/** A worksheet the client answered and shared with their therapist; returns the assignment id. */
async function sharedWorksheet(world: World) {
  const id = await worksheetReading(world);
  const client = callerFor(world.client);
  await client.worksheet.saveAnswer({ id, promptId: "feel", value: "Calmer.", key: crypto.randomUUID(), baseRevision: 0 });
  await client.worksheet.setSharing({ id, shared: true });
  return id;
}

/** A shared grounding exercise (the check-in offers these after a hard time). */
async function groundingSlug() {
  const resource = await createResource({ title: `Grounding ${unique()}` });
  const tag = await getDb().tag.upsert({ where: { slug: "grounding" }, create: { slug: "grounding", name: "Grounding" }, update: {}, select: { id: true } });
  await getDb().resource.update({ where: { id: resource.id }, data: { kind: "EXERCISE", audience: "CLIENT", tags: { create: { tagId: tag.id } } } });
  return resource.slug;
}

/** The resource an actor may edit: a therapist's own, or for an admin the shared library's. */
const editable = (world: World, actor: Actor) => (actor === "ADMIN" ? world.sharedResourceId : world.ownResourceId);

const resourceFields = {
  summary: "A short summary of the piece.",
  kind: "ARTICLE",
  audience: "ANYONE",
  body: "## A heading\n\nSome calm words.",
  visibility: "PRIVATE",
  tags: [],
};

export type AccessEntry = {
  allow: readonly Actor[];
  /** A valid input for `actor` (one of `allow`); may set up what it needs. Omit for no input. */
  input?: (world: World, actor: Actor) => unknown;
};

export const PROCEDURE_ACCESS: Record<string, AccessEntry> = {
  "account.me": { allow: PUBLIC },
  "account.changePassword": { allow: SIGNED_IN, input: () => ({ currentPassword: TEST_PASSWORD, newPassword: "quiet river morning lantern" }) },

  "admin.overview": { allow: ADMIN },
  "admin.listAccounts": { allow: ADMIN, input: () => ({}) },
  "admin.accountById": { allow: ADMIN, input: (w) => ({ userId: w.subject.id }) },
  "admin.clientHistory": { allow: ADMIN, input: (w) => ({ userId: w.client.id }) },
  "admin.caseload": { allow: ADMIN, input: (w) => ({ userId: w.therapist.id }) },
  "admin.inviteStaff": { allow: ADMIN, input: () => ({ email: `staff-${unique()}@example.test`, name: "New Staff", role: "THERAPIST" }) },
  "admin.listInvitations": { allow: ADMIN },
  "admin.revokeInvitation": {
    allow: ADMIN,
    input: async (w) => {
      const email = `staff-${unique()}@example.test`;
      await callerFor(w.admin).admin.inviteStaff({ email, name: "Staff", role: "THERAPIST" });
      const invitation = await getDb().invitation.findFirstOrThrow({ where: { email }, select: { id: true } });
      return { invitationId: invitation.id };
    },
  },
  "admin.deactivate": { allow: ADMIN, input: (w) => ({ userId: w.subject.id }) },
  "admin.reactivate": {
    allow: ADMIN,
    input: async (w) => {
      await getDb().user.update({ where: { id: w.subject.id }, data: { status: "DEACTIVATED" } });
      return { userId: w.subject.id };
    },
  },
  "admin.changeRole": { allow: ADMIN, input: (w) => ({ userId: w.subject.id, role: "ADMIN" }) },
  "admin.issuePasswordReset": { allow: ADMIN, input: (w) => ({ userId: w.subject.id }) },
  "admin.libraryList": { allow: ADMIN, input: () => ({}) },
  "admin.transferSharedResources": {
    allow: ADMIN,
    input: async (w) => {
      await createResource({ ownerId: w.subject.id, visibility: "SHARED" });
      return { therapistId: w.subject.id };
    },
  },
  "audit.list": { allow: ADMIN, input: () => ({}) },

  "passwordReset.request": { allow: PUBLIC, input: (w) => ({ email: w.subject.email }) },
  "passwordReset.check": { allow: PUBLIC, input: async (w) => ({ token: await resetToken(w) }) },
  "passwordReset.reset": { allow: PUBLIC, input: async (w) => ({ token: await resetToken(w), password: "quiet river morning lantern" }) },

  "preferences.get": { allow: SIGNED_IN },
  "preferences.update": { allow: SIGNED_IN, input: () => ({ theme: "dark" }) },

  "client.list": { allow: THERAPIST, input: () => ({}) },
  "client.invitations": { allow: THERAPIST },
  "client.invite": { allow: THERAPIST, input: () => ({ name: "New Client", email: `client-${unique()}@example.test` }) },
  "client.resendInvite": { allow: THERAPIST, input: async (w) => ({ id: (await clientInvitation(w)).id }) },
  "client.revokeInvite": { allow: THERAPIST, input: async (w) => ({ id: (await clientInvitation(w)).id }) },
  "client.endCare": { allow: THERAPIST, input: (w) => ({ id: w.client.id }) },
  "client.byId": { allow: THERAPIST, input: (w) => ({ id: w.client.id }) },
  "client.header": { allow: THERAPIST, input: (w) => ({ id: w.client.id }) },

  "assignment.create": {
    allow: THERAPIST,
    input: async (w) => ({ resourceId: (await createResource()).id, clientIds: [w.client.id], note: "For this week", dueDate: "" }),
  },
  "assignment.withdraw": { allow: THERAPIST, input: (w) => ({ id: w.assignmentId }) },
  "assignment.remind": { allow: THERAPIST, input: (w) => ({ id: w.assignmentId }) },
  "assignment.clientOptions": { allow: THERAPIST, input: (w) => ({ resourceId: w.sharedResourceId }) },
  "assignment.pickerOptions": { allow: THERAPIST, input: () => ({ q: "resource" }) },
  "assignment.engagement": { allow: THERAPIST, input: (w) => ({ resourceId: w.sharedResourceId }) },

  "dashboard.visitHome": { allow: THERAPIST },
  "dashboard.therapist": { allow: THERAPIST, input: () => ({ since: null }) },

  "reading.list": { allow: CLIENT },
  "reading.byId": { allow: CLIENT, input: (w) => ({ id: w.assignmentId }) },
  "reading.therapistView": { allow: CLIENT, input: (w) => ({ id: w.assignmentId }) },
  "reading.progress": { allow: CLIENT, input: (w) => ({ id: w.assignmentId, progress: 40, key: crypto.randomUUID() }) },
  "reading.complete": { allow: CLIENT, input: (w) => ({ id: w.assignmentId, key: crypto.randomUUID() }) },
  "reading.reflect": { allow: CLIENT, input: (w) => ({ id: w.assignmentId, rating: 4, body: "It helped.", sharedWithTherapist: true }) },

  "invite.describe": { allow: PUBLIC, input: async (w) => ({ token: (await clientInvitation(w)).token }) },
  "invite.accept": { allow: PUBLIC, input: async (w) => ({ token: (await clientInvitation(w)).token, password: "quiet river morning lantern" }) },

  "library.search": { allow: STAFF, input: () => ({ q: "resource" }) },
  "library.bySlug": { allow: STAFF, input: (w) => ({ slug: w.sharedSlug }) },
  "library.byId": { allow: STAFF, input: (w) => ({ id: w.sharedResourceId }) },
  "library.tags": { allow: STAFF },
  "library.create": { allow: STAFF, input: () => ({ ...resourceFields, title: `New piece ${unique()}` }) },
  "library.update": {
    allow: STAFF,
    input: async (w, actor) => {
      const id = editable(w, actor);
      const { version } = await getDb().resource.findUniqueOrThrow({ where: { id }, select: { version: true } });
      return { ...resourceFields, id, version, title: `Edited ${unique()}` };
    },
  },
  "library.publish": { allow: STAFF, input: (w, actor) => ({ id: editable(w, actor) }) },
  "library.unpublish": { allow: STAFF, input: (w, actor) => ({ id: editable(w, actor) }) },
  "library.archive": { allow: STAFF, input: (w, actor) => ({ id: editable(w, actor) }) },
  "library.favourite": { allow: STAFF, input: (w) => ({ resourceId: w.sharedResourceId, favourite: true }) },
  "library.favourites": { allow: STAFF },

  "collection.list": { allow: THERAPIST, input: () => ({}) },
  "collection.byId": { allow: THERAPIST, input: (w) => ({ id: w.collectionId }) },
  "collection.create": { allow: THERAPIST, input: () => ({ title: "A new plan" }) },
  "collection.update": { allow: THERAPIST, input: (w) => ({ id: w.collectionId, title: "Renamed plan" }) },
  "collection.delete": { allow: THERAPIST, input: (w) => ({ id: w.collectionId }) },
  "collection.addItem": { allow: THERAPIST, input: async (w) => ({ collectionId: w.collectionId, resourceId: (await createResource()).id }) },
  "collection.removeItem": { allow: THERAPIST, input: (w) => ({ collectionId: w.collectionId, resourceId: w.sharedResourceId }) },
  "collection.reorder": { allow: THERAPIST, input: (w) => ({ collectionId: w.collectionId, resourceIds: [w.sharedResourceId] }) },

  "worksheet.mine": { allow: CLIENT, input: (w) => ({ id: w.assignmentId }) },
  "worksheet.saveAnswer": { allow: CLIENT, input: async (w) => ({ id: await worksheetReading(w), promptId: "feel", value: "Calmer than before.", key: crypto.randomUUID(), baseRevision: 0 }) },
  "worksheet.setSharing": { allow: CLIENT, input: (w) => ({ id: w.assignmentId, shared: true }) },
  "worksheet.shared": { allow: THERAPIST, input: async (w) => ({ id: await sharedWorksheet(w) }) },

  "checkIn.state": { allow: CLIENT, input: (w) => ({ id: w.assignmentId }) },
  "checkIn.save": { allow: CLIENT, input: (w) => ({ id: w.assignmentId, feeling: 6, words: "Steadier.", sharedWithTherapist: false }) },
  "checkIn.prompt": { allow: CLIENT },
  "checkIn.setPrompt": { allow: CLIENT, input: () => ({ enabled: false }) },
  "checkIn.grounding": { allow: CLIENT },
  "checkIn.groundingPiece": { allow: CLIENT, input: async () => ({ slug: await groundingSlug() }) },

  "offline.get": { allow: CLIENT },
  "offline.set": { allow: CLIENT, input: () => ({ enabled: true }) },
  "offline.pages": { allow: CLIENT },

  "reminders.get": { allow: ["CLIENT", "THERAPIST"] },
  "reminders.update": { allow: ["CLIENT", "THERAPIST"], input: (_w, actor) => (actor === "THERAPIST" ? { weeklyDigest: true } : { mode: "WEEKLY" }) },
};

type AnyCaller = Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;

/** Calls procedure `path` ("router.name") as `user` with `input`. */
export function callProcedure(path: string, user: TestUser | null, input: unknown): Promise<unknown> {
  const [namespace, name] = path.split(".") as [string, string];
  const caller = callerFor(user) as unknown as AnyCaller;
  return caller[namespace]![name]!(input);
}

/** A fingerprint of every mutable row (updatedAt/version/status…), so an UPDATE shows too. */
export async function stateFingerprint(): Promise<string> {
  const db = getDb();
  const rows = await Promise.all([
    db.user.findMany({ orderBy: { id: "asc" } }),
    db.invitation.findMany({ orderBy: { id: "asc" } }),
    db.passwordReset.findMany({ orderBy: { id: "asc" } }),
    db.careRelationship.findMany({ orderBy: { id: "asc" } }),
    db.resource.findMany({ orderBy: { id: "asc" } }),
    db.collection.findMany({ orderBy: { id: "asc" } }),
    db.collectionItem.findMany({ orderBy: { id: "asc" } }),
    db.assignment.findMany({ orderBy: { id: "asc" } }),
    db.reflection.findMany({ orderBy: { id: "asc" } }),
    db.favorite.count(),
    db.readingEvent.count(),
    db.auditEvent.count(),
  ]);
  return JSON.stringify(rows);
}

/**
 * One round trip: a hash of every row of every table a procedure can write (rate-limit counters
 * excepted: a refused attempt may rightly count against a throttle).
 */
export async function contentHash(): Promise<string> {
  const tables = ["User", "Invitation", "PasswordReset", "CareRelationship", "Resource", "Tag", "ResourceTag", "Favorite", "Collection", "CollectionItem", "Assignment", "ReadingEvent", "Reflection", "AuditEvent"];
  const parts = tables.map((table) => `(SELECT coalesce(md5(string_agg(t::text, ',' ORDER BY t::text)), '') FROM "${table}" t)`);
  const [row] = await getDb().$queryRawUnsafe<{ hash: string }[]>(`SELECT md5(${parts.join(" || ")}) AS hash`);
  return row!.hash;
}
