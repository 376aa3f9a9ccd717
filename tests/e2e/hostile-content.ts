// Real-world text that breaks layouts: unbroken words and links as long as the app's own limits
// allow, in every place people type text — names, emails, titles, summaries, tags, notes,
// reflections, reading-plan names, invitations. Own accounts (phone-*), so no other spec sees them.
import { e2eDatabase } from "./fixtures";
import { ensureUser } from "./ui-support";

type Db = ReturnType<typeof e2eDatabase>;

/** An unbroken "word" of `length` characters (letters only, so nothing offers a break). */
export function longWord(length: number, seed = "Unbroken") {
  return (seed + "x".repeat(length)).slice(0, length);
}

/** An unbroken link of about `length` characters. */
export function longUrl(length: number) {
  const base = "https://example.org/";
  return base + "a-very-long-path/".repeat(Math.ceil(length / 17)).replace(/\//g, "_").slice(0, length - base.length);
}

// Within the schemas' limits (names 120, titles 200, tags 40, emails 254, notes 1000).
const NAME_WORD = longWord(118, "Alexandrinaaaa");
export const PHONE_THERAPIST = `${"t".repeat(60)}@${"therapist".repeat(6)}x.haven.test`;
export const PHONE_CLIENT = `${"c".repeat(60)}@${"clientxx".repeat(7)}x.haven.test`;
const WORD_300 = longWord(300, "Overwhelmed");
const URL_300 = longUrl(300);

export const HOSTILE = {
  therapistName: `Dr ${NAME_WORD}`,
  clientName: NAME_WORD,
  title: `${longWord(190, "Attachmentandselfcompassion")} attachment`,
  noteTitle: `Content ${longWord(180, "Heavymaterial")}`,
  summary: `A summary about attachment with ${WORD_300} and ${URL_300}`,
  body: [
    "## A heading with a very long word",
    "",
    `The first sentence of the hostile reading. ${WORD_300} stays on screen. See ${URL_300} for more.`,
    "",
    `- A list item holding ${URL_300}`,
    "",
    "| column | another column |",
    "|---|---|",
    `| ${longWord(120, "Cell")} | ${URL_300} |`,
    "",
    "`" + longWord(200, "inlinecode") + "`",
    "",
    "The last sentence of the hostile reading.",
  ].join("\n"),
  contentNote: `Mentions ${WORD_300}`,
  tags: [longWord(39, "Tagwithoutspaces"), longWord(39, "Secondtagwithoutspaces")],
  note: `Please read this: ${URL_300} ${WORD_300}`,
  reflection: `${WORD_300} ${URL_300}`,
  collectionTitle: longWord(118, "Readingplanname"),
  collectionDescription: `${WORD_300} ${URL_300}`,
  inviteName: longWord(118, "Invitedperson"),
  inviteEmail: `${"i".repeat(60)}@${"invitedxx".repeat(6)}x.haven.test`,
};

export interface HostileIds {
  therapistId: string;
  clientId: string;
  resourceSlug: string;
  contentNoteAssignmentId: string;
  plainAssignmentId: string;
  collectionId: string;
}

/** Creates (or finds) the hostile therapist, client, resources, readings, plan and invitation. */
export async function ensureHostileContent(db: Db): Promise<HostileIds> {
  const therapist = await ensureUser(db, PHONE_THERAPIST, HOSTILE.therapistName, "THERAPIST");
  const client = await ensureUser(db, PHONE_CLIENT, HOSTILE.clientName, "CLIENT");
  const care = await db.careRelationship.findFirst({ where: { therapistId: therapist.id, clientId: client.id, status: "ACTIVE" } });
  if (!care) await db.careRelationship.create({ data: { therapistId: therapist.id, clientId: client.id } });

  const resource = async (slug: string, title: string, withNote: boolean) => {
    const row = await db.resource.upsert({
      where: { slug },
      create: {
        slug,
        title,
        summary: HOSTILE.summary,
        body: HOSTILE.body,
        kind: "ARTICLE",
        url: URL_300,
        readingMinutes: 3,
        audience: "ANYONE",
        contentNote: withNote ? HOSTILE.contentNote : null,
        contentIntensity: withNote ? "MODERATE" : null,
        ownerId: therapist.id,
        visibility: "PRIVATE",
        status: "PUBLISHED",
        publishedAt: new Date(),
        tagText: HOSTILE.tags.join(" "),
      },
      update: {},
      select: { id: true, slug: true },
    });
    for (const name of HOSTILE.tags) {
      const tag = await db.tag.upsert({ where: { slug: name.toLowerCase() }, create: { slug: name.toLowerCase(), name }, update: {}, select: { id: true } });
      await db.resourceTag.upsert({ where: { resourceId_tagId: { resourceId: row.id, tagId: tag.id } }, create: { resourceId: row.id, tagId: tag.id }, update: {} });
    }
    return row;
  };
  const plain = await resource("phone-hostile-plain", HOSTILE.title, false);
  const noted = await resource("phone-hostile-noted", HOSTILE.noteTitle, true);
  // A shared-library draft, so the admin's library list shows hostile text too (drafts reach no therapist).
  await db.resource.upsert({
    where: { slug: "phone-hostile-shared-draft" },
    create: { slug: "phone-hostile-shared-draft", title: HOSTILE.title, summary: HOSTILE.summary, body: HOSTILE.body, kind: "ARTICLE", readingMinutes: 3, ownerId: null, visibility: "SHARED", status: "DRAFT" },
    update: {},
  });

  const collection =
    (await db.collection.findFirst({ where: { ownerId: therapist.id }, select: { id: true } })) ??
    (await db.collection.create({
      data: {
        ownerId: therapist.id,
        title: HOSTILE.collectionTitle,
        description: HOSTILE.collectionDescription,
        items: { create: [{ resourceId: plain.id, position: 0 }, { resourceId: noted.id, position: 1 }] },
      },
      select: { id: true },
    }));

  const assign = async (resourceId: string) => {
    const existing = await db.assignment.findFirst({ where: { clientId: client.id, resourceId, active: true }, select: { id: true } });
    return (
      existing ??
      db.assignment.create({
        data: { therapistId: therapist.id, clientId: client.id, resourceId, collectionId: collection.id, note: HOSTILE.note, dueAt: new Date(Date.now() + 3 * 86_400_000) },
        select: { id: true },
      })
    );
  };
  const plainAssignment = await assign(plain.id);
  const notedAssignment = await assign(noted.id);
  // Finished and reflected on, shared with the therapist: shows on both sides.
  await db.assignment.update({ where: { id: notedAssignment.id }, data: { progress: 100, completedAt: new Date(), firstOpenedAt: new Date(), lastOpenedAt: new Date(), openCount: 1 } });
  await db.reflection.upsert({
    where: { assignmentId: notedAssignment.id },
    create: { assignmentId: notedAssignment.id, body: HOSTILE.reflection, rating: 3, sharedWithTherapist: true, sharedAt: new Date() },
    update: {},
  });
  await db.favorite.upsert({ where: { userId_resourceId: { userId: therapist.id, resourceId: plain.id } }, create: { userId: therapist.id, resourceId: plain.id }, update: {} });

  const pending = await db.invitation.findFirst({ where: { email: HOSTILE.inviteEmail } });
  if (!pending) {
    await db.invitation.create({
      data: {
        tokenHash: `phone-hostile-${Date.now()}`,
        email: HOSTILE.inviteEmail,
        name: HOSTILE.inviteName,
        role: "CLIENT",
        invitedById: therapist.id,
        therapistId: therapist.id,
        expiresAt: new Date(Date.now() + 7 * 86_400_000),
      },
    });
  }
  // The audit trail shows actors' emails and names.
  await db.auditEvent.create({ data: { actorId: therapist.id, actorRole: "THERAPIST", action: "resource.create", targetType: "Resource", targetId: plain.id, detail: { title: HOSTILE.title } } });

  return {
    therapistId: therapist.id,
    clientId: client.id,
    resourceSlug: plain.slug,
    contentNoteAssignmentId: notedAssignment.id,
    plainAssignmentId: plainAssignment.id,
    collectionId: collection.id,
  };
}
