import { z } from "zod";
import { outputText, text } from "./text";
import { emailInput, roleSchema } from "./account";

// Admin console inputs and outputs, shared by the admin router and the admin screens.

export const entityId = text().trim().min(1, "Choose an account").max(40);

/** "<unix ms>_<id>": where the next page starts in an (time desc, id desc) keyset. */
export const keysetCursor = text()
  .max(60)
  .regex(/^\d{1,15}_[A-Za-z0-9_-]{1,40}$/, "That page link is out of date. Start again from the first page.");

/** Empty form and URL values mean "no filter". */
export function optionalText(max: number) {
  return text()
    .trim()
    .max(max)
    .optional()
    .transform((value) => value || undefined);
}

export const ACCOUNT_STATUSES = ["INVITED", "ACTIVE", "DEACTIVATED"] as const;
export const accountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof accountStatusSchema>;

/** Staff accounts are created by invitation; clients are invited by their therapist. */
export const staffRoleSchema = z.enum(["THERAPIST", "ADMIN"]);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const accountListInput = z.object({
  role: roleSchema.optional(),
  status: accountStatusSchema.optional(),
  search: optionalText(200),
  cursor: keysetCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type AccountListInput = z.input<typeof accountListInput>;

export const accountRow = z.object({
  id: outputText(),
  email: outputText(),
  name: outputText(),
  role: roleSchema,
  status: accountStatusSchema,
  lastLoginAt: z.date().nullable(),
  createdAt: z.date(),
});
export type AccountRow = z.infer<typeof accountRow>;

export const accountListOutput = z.object({ items: z.array(accountRow), nextCursor: outputText().nullable() });

export const accountIdInput = z.object({ userId: entityId });

export const accountDetail = accountRow.extend({
  lockedUntil: z.date().nullable(),
  updatedAt: z.date(),
  activeClientCount: z.number().int(),
  sharedResourceCount: z.number().int(),
  activeAdminCount: z.number().int(),
});
export type AccountDetail = z.infer<typeof accountDetail>;

export const inviteStaffInput = z.object({
  email: emailInput,
  name: text().trim().min(1, "Enter their name").max(120, "Use at most 120 characters"),
  role: staffRoleSchema,
});

export const changeRoleInput = z.object({ userId: entityId, role: staffRoleSchema });

/** A link shown once to the admin, only when there is no mail server to send it. */
export const issuedLinkOutput = z.object({
  email: outputText(),
  expiresAt: z.date(),
  delivered: z.enum(["smtp", "outbox"]),
  link: outputText().nullable(),
});
export type IssuedLink = z.infer<typeof issuedLinkOutput>;

export const staffInvitation = z.object({
  id: outputText(),
  email: outputText(),
  name: outputText(),
  role: roleSchema,
  createdAt: z.date(),
  expiresAt: z.date(),
  invitedByName: outputText(),
});
export type StaffInvitation = z.infer<typeof staffInvitation>;

export const clientHistoryItem = z.object({
  id: outputText(),
  resourceTitle: outputText(),
  therapistName: outputText(),
  assignedAt: z.date(),
  withdrawnAt: z.date().nullable(),
  firstOpenedAt: z.date().nullable(),
  lastOpenedAt: z.date().nullable(),
  openCount: z.number().int(),
  progress: z.number().int(),
  completedAt: z.date().nullable(),
});
export type ClientHistoryItem = z.infer<typeof clientHistoryItem>;

export const caseloadItem = z.object({
  relationshipId: outputText(),
  clientId: outputText(),
  clientName: outputText(),
  clientStatus: accountStatusSchema,
  careStatus: z.enum(["ACTIVE", "ENDED"]),
  startedAt: z.date(),
  endedAt: z.date().nullable(),
  assignmentCount: z.number().int(),
});
export type CaseloadItem = z.infer<typeof caseloadItem>;

export const ROLE_LABELS: Record<z.infer<typeof roleSchema>, string> = {
  ADMIN: "Admin",
  THERAPIST: "Therapist",
  CLIENT: "Client",
};

export const STATUS_LABELS: Record<AccountStatus, string> = {
  INVITED: "Invited",
  ACTIVE: "Active",
  DEACTIVATED: "Deactivated",
};

export const overviewOutput = z.object({
  users: z.array(z.object({ role: roleSchema, status: accountStatusSchema, count: z.number().int() })),
  resources: z.array(z.object({ status: z.enum(["DRAFT", "PUBLISHED", "ARCHIVED"]), shared: z.boolean(), count: z.number().int() })),
  activeAssignments: z.number().int(),
  opensLast7Days: z.number().int(),
  completionsLast7Days: z.number().int(),
});
export type Overview = z.infer<typeof overviewOutput>;

export const LIBRARY_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;

export const adminLibraryListInput = z.object({
  status: z.enum(LIBRARY_STATUSES).optional(),
  search: optionalText(200),
  cursor: keysetCursor.nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type AdminLibraryListInput = z.input<typeof adminLibraryListInput>;

export const adminLibraryRow = z.object({
  id: outputText(),
  slug: outputText(),
  title: outputText(),
  summary: outputText(),
  status: z.enum(LIBRARY_STATUSES),
  version: z.number().int(),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
});
export type AdminLibraryRow = z.infer<typeof adminLibraryRow>;

export const adminLibraryListOutput = z.object({ items: z.array(adminLibraryRow), nextCursor: outputText().nullable() });

export const transferSharedInput = z.object({ therapistId: entityId });
