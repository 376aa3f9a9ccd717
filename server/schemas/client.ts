import { z } from "zod";
import { outputText, text } from "./text";
import { clientReminderChoice } from "./reminders";
import { emailInput, newPasswordInput } from "./account";
import { entityId, resourceKind, timelineEntry, trackingView } from "./assignment";

export const inviteClientInput = z.object({
  name: text().trim().min(1, "Enter the client's name").max(120, "Keep the name under 120 characters"),
  email: emailInput,
});

export const inviteResult = z.object({
  invitationId: outputText(),
  email: outputText(),
  expiresAt: z.date(),
  delivered: z.enum(["smtp", "outbox"]),
  /** Only when no mail server is configured: shown once, for the therapist to copy and share. */
  link: outputText().nullable(),
});
export type InviteResult = z.infer<typeof inviteResult>;

/** The client list shows at most this many clients (by name); search finds the others. */
export const CLIENT_LIST_LIMIT = 500;

export const clientSearchInput = z.object({ q: text().trim().max(100).optional() }).optional();

export const clientSummary = z.object({
  id: outputText(),
  name: outputText(),
  email: outputText(),
  status: z.enum(["INVITED", "ACTIVE", "DEACTIVATED"]),
  inCareSince: z.date(),
  assigned: z.number().int(),
  opened: z.number().int(),
  finished: z.number().int(),
  lastActivityAt: z.date().nullable(),
});
export type ClientSummary = z.infer<typeof clientSummary>;

export const pendingInvitation = z.object({
  id: outputText(),
  name: outputText(),
  email: outputText(),
  createdAt: z.date(),
  expiresAt: z.date(),
  expired: z.boolean(),
});
export type PendingInvitation = z.infer<typeof pendingInvitation>;

export const therapistAssignmentRow = z.object({
  id: outputText(),
  resource: z.object({ id: outputText(), title: outputText(), slug: outputText(), kind: resourceKind, readingMinutes: z.number().int() }),
  collectionTitle: outputText().nullable(),
  note: outputText().nullable(),
  dueAt: z.date().nullable(),
  assignedAt: z.date(),
  lastReminderAt: z.date().nullable(),
  canRemind: z.boolean(),
  tracking: trackingView,
});
export type TherapistAssignmentRow = z.infer<typeof therapistAssignmentRow>;

export const clientDetail = z.object({
  client: z.object({ id: outputText(), name: outputText(), email: outputText(), status: z.enum(["INVITED", "ACTIVE", "DEACTIVATED"]), inCareSince: z.date() }),
  assignments: z.array(therapistAssignmentRow),
  /** The client's own reminder choice, so "Send a reminder" can say what will happen. */
  reminderChoice: clientReminderChoice,
  withdrawn: z.array(z.object({ id: outputText(), resourceTitle: outputText(), assignedAt: z.date(), withdrawnAt: z.date().nullable() })),
  timeline: z.array(timelineEntry),
});
export type ClientDetail = z.infer<typeof clientDetail>;

export const clientIdInput = z.object({ id: entityId });

export const acceptInviteInput = z.object({
  token: text().min(1).max(200),
  password: text().min(1, "Enter a password").max(200, "Use at most 200 characters"),
});

export { newPasswordInput };
