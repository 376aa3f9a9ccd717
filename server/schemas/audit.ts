import { z } from "zod";
import { outputText, text } from "./text";
import { keysetCursor, optionalText } from "./admin";

// Audit actions, shared by the server and the admin audit screen.
export const AUDIT_ACTIONS = [
  "auth.sign_in",
  "auth.sign_in_failed",
  "auth.lockout",
  "auth.sign_out",
  "auth.quick_exit",
  "account.password_changed",
  "account.created",
  "account.deactivated",
  "account.reactivated",
  "account.role_changed",
  "invitation.created",
  "invitation.resent",
  "invitation.accepted",
  "invitation.revoked",
  "password_reset.issued",
  "password_reset.requested",
  "password_reset.used",
  "resource.created",
  "resource.edited",
  "resource.published",
  "resource.unpublished",
  "resource.archived",
  "resource.transferred",
  "assignment.created",
  "assignment.withdrawn",
  "assignment.reminded",
  "care.ended",
  "worksheet.shared",
  "worksheet.unshared",
  "worksheet.viewed",
  "client_data.viewed",
  "export.downloaded",
  "audit.exported",
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// Audit trail filters, list output and export: shared by the audit router, the CSV route and the screen.

const isoDay = text()
  .trim()
  .optional()
  .transform((value) => value || undefined)
  .pipe(z.iso.date("Use a date like 2025-01-31").optional());

/** Every filter is optional; dates are whole UTC days, `to` included. No window limit. */
export const auditFilterInput = z
  .object({
    /** An email or an account id. */
    actor: optionalText(254),
    action: text()
      .optional()
      .transform((value) => value || undefined)
      .pipe(z.enum(AUDIT_ACTIONS, "Choose an action from the list").optional()),
    targetType: optionalText(40),
    /** An id; for targetType "User" an email works too. */
    targetId: optionalText(254),
    from: isoDay,
    to: isoDay,
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { message: "The start date is after the end date.", path: ["to"] });
export type AuditFilterInput = z.input<typeof auditFilterInput>;
export type AuditFilter = z.output<typeof auditFilterInput>;

export const auditListInput = z.object({
  filter: auditFilterInput.prefault({}),
  cursor: keysetCursor.nullish(),
  limit: z.number().int().min(1).max(200).default(50),
});

export const auditEventView = z.object({
  id: outputText(),
  at: z.date(),
  actorId: outputText().nullable(),
  actorName: outputText().nullable(),
  actorEmail: outputText().nullable(),
  actorRole: z.enum(["ADMIN", "THERAPIST", "CLIENT"]).nullable(),
  action: outputText(),
  targetType: outputText().nullable(),
  targetId: outputText().nullable(),
  /** A readable name for the target when it is an account. */
  targetLabel: outputText().nullable(),
  requestId: outputText().nullable(),
  ip: outputText().nullable(),
  detail: z.record(outputText(), z.unknown()).nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditListOutput = z.object({ items: z.array(auditEventView), nextCursor: outputText().nullable() });

export const AUDIT_TARGET_TYPES = ["User", "Invitation", "Resource", "Assignment", "CareRelationship", "Collection", "AuditEvent"] as const;
