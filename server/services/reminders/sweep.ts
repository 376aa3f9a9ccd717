import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import { parsePreferences } from "../../schemas/preferences";
import { inQuietHours, localTime, weekKey, weeklyMailDue } from "../../schemas/reminders";
import { sendMail, type OutgoingMail } from "../mailer";
import {
  dueReminderMail,
  manualReminderMail,
  newReadingMail,
  therapistDigestMail,
  weeklySummaryMail,
  type DigestLine,
  type ReminderMail,
} from "./messages";
import { effectiveZone, quietOf } from "./settings";

const DAY_MS = 24 * 60 * 60 * 1000;
/** A "new reading" notice covers readings assigned in the last week; older ones get the due reminder. */
const NEW_WINDOW_MS = 7 * DAY_MS;
/** Recipients are read in pages of this size (by id), so a large practice never loads everyone at once. */
const PAGE = 200;

async function* recipientPages(db: PrismaClient, where: Prisma.UserWhereInput): AsyncGenerator<Recipient> {
  let cursor: string | undefined;
  for (;;) {
    const page = await db.user.findMany({
      where: { ...where, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: recipientSelect,
      orderBy: { id: "asc" },
      take: PAGE,
    });
    yield* page;
    if (page.length < PAGE) return;
    cursor = page[page.length - 1]!.id;
  }
}

export type SweepOptions = {
  /** The clock (tests move it); defaults to now. */
  now?: Date;
  /** How mail leaves; defaults to the app's mailer (SMTP_URL, else the outbox). */
  send?: (mail: OutgoingMail) => Promise<unknown>;
};

/** Keys sent in this pass, and keys whose send failed (rolled back; the next sweep tries again). */
export type SweepResult = { sent: string[]; failed: string[] };

type Tx = Prisma.TransactionClient;

/**
 * Sends one message exactly once: the key (kind:recipient:period) goes into ReminderLog in the same
 * transaction that sends it. A second worker with the same key waits on the unique key and then
 * inserts nothing, so it sends nothing. If the send fails the transaction rolls back and the next
 * sweep tries again. (A crash after the SMTP server accepted but before the commit could send twice;
 * that window is the length of one commit.)
 */
async function deliverOnce(
  db: PrismaClient,
  send: NonNullable<SweepOptions["send"]>,
  args: { key: string; kind: string; userId: string; to: string; mail: ReminderMail; now: Date; also?: (tx: Tx) => Promise<unknown> },
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const inserted = await tx.$executeRaw`
      INSERT INTO "ReminderLog" ("key", "kind", "userId", "sentAt")
      VALUES (${args.key}, ${args.kind}, ${args.userId}, ${args.now})
      ON CONFLICT ("key") DO NOTHING`;
    if (inserted !== 1) return false;
    await args.also?.(tx);
    await send({ to: args.to, subject: args.mail.subject, text: args.mail.text });
    return true;
  });
}

const recipientSelect = {
  id: true,
  email: true,
  name: true,
  preferences: true,
  reminderMode: true,
  quietHoursStart: true,
  quietHoursEnd: true,
  timeZone: true,
} as const;

type Recipient = Prisma.UserGetPayload<{ select: typeof recipientSelect }>;

function quietNow(user: Recipient, now: Date): boolean {
  return inQuietHours(localTime(now, effectiveZone(user.timeZone)).minutes, quietOf(user));
}

/** One pass: every reminder that is due at `now` and not yet sent goes out once. */
export async function runReminderSweep(db: PrismaClient, options: SweepOptions = {}): Promise<SweepResult> {
  const now = options.now ?? new Date();
  const send = options.send ?? sendMail;
  const sent: string[] = [];
  const failed: string[] = [];
  // One recipient's failing mailbox never holds up everyone else's reminders.
  const deliver = async (args: Omit<Parameters<typeof deliverOnce>[2], "now">) => {
    try {
      if (await deliverOnce(db, send, { ...args, now })) sent.push(args.key);
    } catch {
      failed.push(args.key);
    }
  };

  await dropQueuedRemindersNoLongerWanted(db);

  // Clients who get reminders as things happen: new readings, due readings, their therapist's reminder.
  const unopened = { active: true, firstOpenedAt: null } satisfies Prisma.AssignmentWhereInput;
  for await (const client of recipientPages(db, { role: "CLIENT", status: "ACTIVE", reminderMode: "NEW_READING", assignmentsReceived: { some: unopened } })) {
    if (quietNow(client, now)) continue;
    const discreet = parsePreferences(client.preferences).discreet;
    const zone = effectiveZone(client.timeZone);

    // A therapist's reminder asked for during quiet hours.
    const queued = await db.assignment.findMany({
      where: { clientId: client.id, ...unopened, reminderQueuedAt: { not: null } },
      select: { id: true, reminderQueuedAt: true, therapist: { select: { name: true } } },
      orderBy: { reminderQueuedAt: "desc" },
    });
    if (queued[0]) {
      const ids = queued.map((a) => a.id);
      await deliver({
        key: `manual:${client.id}:${queued[0].reminderQueuedAt!.toISOString()}`,
        kind: "manual",
        userId: client.id,
        to: client.email,
        mail: manualReminderMail(discreet, queued[0].therapist.name),
        also: (tx) => tx.assignment.updateMany({ where: { id: { in: ids } }, data: { reminderQueuedAt: null } }),
      });
    }

    // "Something new": one note for everything assigned (in the last week) that no note has covered yet.
    const fresh = await db.assignment.findMany({
      where: { clientId: client.id, ...unopened, announcedAt: null, assignedAt: { gt: new Date(now.getTime() - NEW_WINDOW_MS), lte: now } },
      orderBy: [{ assignedAt: "desc" }, { id: "desc" }],
      select: { id: true },
      take: 100,
    });
    if (fresh[0]) {
      const ids = fresh.map((a) => a.id);
      await deliver({
        key: `new:${client.id}:${fresh[0].id}`,
        kind: "new",
        userId: client.id,
        to: client.email,
        mail: newReadingMail(discreet),
        also: (tx) => tx.assignment.updateMany({ where: { id: { in: ids } }, data: { announcedAt: now } }),
      });
    }

    // Unopened readings due within a day (or overdue): one automatic reminder each, at most one email a day.
    const due = await db.assignment.findMany({
      where: {
        clientId: client.id,
        ...unopened,
        autoRemindedAt: null,
        dueAt: { not: null, lte: new Date(now.getTime() + DAY_MS) },
        assignedAt: { lte: new Date(now.getTime() - DAY_MS) },
        OR: [{ lastReminderAt: null }, { lastReminderAt: { lte: new Date(now.getTime() - DAY_MS) } }],
      },
      select: { id: true },
    });
    if (due.length > 0) {
      const ids = due.map((a) => a.id);
      await deliver({
        key: `due:${client.id}:${localTime(now, zone).date}`,
        kind: "due",
        userId: client.id,
        to: client.email,
        mail: dueReminderMail(discreet),
        also: (tx) => tx.assignment.updateMany({ where: { id: { in: ids } }, data: { autoRemindedAt: now, lastReminderAt: now } }),
      });
    }
  }

  // Clients who chose one weekly summary instead.
  for await (const client of recipientPages(db, { role: "CLIENT", status: "ACTIVE", reminderMode: "WEEKLY", assignmentsReceived: { some: { active: true, completedAt: null } } })) {
    const zone = effectiveZone(client.timeZone);
    if (quietNow(client, now) || !weeklyMailDue(now, zone)) continue;
    const key = `weekly:${client.id}:${weekKey(now, zone)}`;
    if (await db.reminderLog.findUnique({ where: { key }, select: { key: true } })) continue;
    const waiting = { clientId: client.id, active: true, completedAt: null } satisfies Prisma.AssignmentWhereInput;
    const [count, fresh] = await Promise.all([
      db.assignment.count({ where: waiting }),
      db.assignment.count({ where: { ...waiting, assignedAt: { gt: new Date(now.getTime() - NEW_WINDOW_MS) } } }),
    ]);
    if (count === 0) continue;
    await deliver({ key, kind: "weekly", userId: client.id, to: client.email, mail: weeklySummaryMail(parsePreferences(client.preferences).discreet, count, fresh) });
  }

  // Therapists who asked for the weekly digest: counts and client names only.
  for await (const therapist of recipientPages(db, { role: "THERAPIST", status: "ACTIVE", weeklyDigest: true })) {
    const zone = effectiveZone(therapist.timeZone);
    if (quietNow(therapist, now) || !weeklyMailDue(now, zone)) continue;
    const key = `digest:${therapist.id}:${weekKey(now, zone)}`;
    if (await db.reminderLog.findUnique({ where: { key }, select: { key: true } })) continue;
    await deliver({ key, kind: "digest", userId: therapist.id, to: therapist.email, mail: therapistDigestMail(await digestLines(db, therapist.id, now)) });
  }

  return { sent, failed };
}

async function digestLines(db: PrismaClient, therapistId: string, now: Date): Promise<DigestLine[]> {
  const weekAgo = new Date(now.getTime() - NEW_WINDOW_MS);
  const cares = await db.careRelationship.findMany({
    where: { therapistId, active: true },
    select: { client: { select: { id: true, name: true } } },
    orderBy: { client: { name: "asc" } },
    take: 200,
  });
  const lines: DigestLine[] = [];
  for (const { client } of cares) {
    const scope = { therapistId, clientId: client.id, active: true } satisfies Prisma.AssignmentWhereInput;
    const [opened, finished, unopened] = await Promise.all([
      db.assignment.count({ where: { ...scope, firstOpenedAt: { gt: weekAgo, lte: now } } }),
      db.assignment.count({ where: { ...scope, completedAt: { gt: weekAgo, lte: now } } }),
      db.assignment.count({ where: { ...scope, firstOpenedAt: null } }),
    ]);
    lines.push({ name: client.name, opened, finished, unopened });
  }
  return lines;
}

/** A reminder queued for after quiet hours is dropped when the client has since turned reminders off or opened it. */
async function dropQueuedRemindersNoLongerWanted(db: PrismaClient) {
  await db.assignment.updateMany({
    where: {
      reminderQueuedAt: { not: null },
      OR: [{ active: null }, { firstOpenedAt: { not: null } }, { client: { reminderMode: { not: "NEW_READING" } } }],
    },
    data: { reminderQueuedAt: null },
  });
}
