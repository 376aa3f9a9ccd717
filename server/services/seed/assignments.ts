import type { PrismaClient } from "../../generated/prisma/client";
import { markComplete, recordOpen, reportProgress } from "../tracking/events";

const DAY = 24 * 60 * 60 * 1000;

type DemoAssignment = {
  therapist: string;
  client: string;
  slug: string;
  note?: string;
  dueInDays?: number;
  assignedDaysAgo: number;
  opened?: { daysAgo: number; progress: number };
  completedDaysAgo?: number;
  reflection?: { rating: number; body: string; shared: boolean };
};

const DEMO: DemoAssignment[] = [
  {
    therapist: "therapist@haven.test",
    client: "client@haven.test",
    slug: "understanding-anxious-attachment",
    note: "This is the piece we talked about on Tuesday. Read it whenever you have a quiet half hour.",
    dueInDays: 5,
    assignedDaysAgo: 1,
  },
  {
    therapist: "therapist@haven.test",
    client: "client@haven.test",
    slug: "what-is-the-window-of-tolerance",
    assignedDaysAgo: 6,
    opened: { daysAgo: 2, progress: 60 },
  },
  {
    therapist: "therapist@haven.test",
    client: "client@haven.test",
    slug: "self-compassion-and-attachment",
    note: "Be gentle with yourself as you read this one.",
    assignedDaysAgo: 10,
    opened: { daysAgo: 4, progress: 100 },
    completedDaysAgo: 3,
    reflection: { rating: 4, body: "The part about talking to myself like a friend stayed with me.", shared: true },
  },
  { therapist: "therapist@haven.test", client: "client@haven.test", slug: "feet-on-the-floor-grounding", assignedDaysAgo: 9 },
  { therapist: "therapist2@haven.test", client: "client2@haven.test", slug: "grounding-with-your-five-senses", assignedDaysAgo: 2, dueInDays: 7 },
];

/**
 * Demo assignments with a little history, so the therapist home, client page and "My readings"
 * have something to show. Idempotent: an existing (client, resource) assignment is left alone;
 * a slug missing from the library is skipped.
 */
export async function seedDemoAssignments(db: PrismaClient, log: (line: string) => void = () => {}) {
  const now = Date.now();
  let created = 0;
  for (const demo of DEMO) {
    const [therapist, client, resource] = await Promise.all([
      db.user.findUnique({ where: { email: demo.therapist }, select: { id: true } }),
      db.user.findUnique({ where: { email: demo.client }, select: { id: true } }),
      db.resource.findUnique({ where: { slug: demo.slug }, select: { id: true } }),
    ]);
    if (!therapist || !client || !resource) {
      log(`demo assignment skipped: ${demo.slug} (not in the library)`);
      continue;
    }
    const exists = await db.assignment.findFirst({ where: { clientId: client.id, resourceId: resource.id }, select: { id: true } });
    if (exists) continue;
    const assignment = await db.assignment.create({
      data: {
        therapistId: therapist.id,
        clientId: client.id,
        resourceId: resource.id,
        note: demo.note ?? null,
        assignedAt: new Date(now - demo.assignedDaysAgo * DAY),
        dueAt: demo.dueInDays ? new Date(new Date(now + demo.dueInDays * DAY).toISOString().slice(0, 10) + "T12:00:00Z") : null,
      },
      select: { id: true },
    });
    const scope = { assignmentId: assignment.id, clientId: client.id };
    if (demo.opened) {
      const at = new Date(now - demo.opened.daysAgo * DAY);
      await recordOpen(db, { ...scope, at });
      await reportProgress(db, { ...scope, progress: demo.opened.progress, key: `seed-progress-${assignment.id}`, at: new Date(at.getTime() + 6 * 60_000) });
    }
    if (demo.completedDaysAgo !== undefined) {
      await markComplete(db, { ...scope, key: `seed-complete-${assignment.id}`, at: new Date(now - demo.completedDaysAgo * DAY) });
    }
    if (demo.reflection) {
      const at = new Date(now - (demo.completedDaysAgo ?? 0) * DAY + 10 * 60_000);
      await db.reflection.create({
        data: {
          assignmentId: assignment.id,
          rating: demo.reflection.rating,
          body: demo.reflection.body,
          sharedWithTherapist: demo.reflection.shared,
          sharedAt: demo.reflection.shared ? at : null,
        },
      });
    }
    created += 1;
  }
  log(`demo assignments ready (${created} new)`);
}
