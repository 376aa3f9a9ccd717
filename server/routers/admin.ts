import { AppError } from "../app-error";
import { z } from "zod";
import { outputText } from "../schemas/text";
import {
  accountDetail as accountDetailOutput,
  accountIdInput,
  accountListInput,
  accountListOutput,
  adminLibraryListInput,
  adminLibraryListOutput,
  caseloadItem,
  changeRoleInput,
  clientHistoryItem,
  entityId,
  inviteStaffInput,
  issuedLinkOutput,
  overviewOutput,
  staffInvitation,
  transferSharedInput,
} from "../schemas/admin";
import { auditEventView } from "../schemas/audit";
import { changeAccount } from "../services/accounts/changes";
import { accountDetail, caseloadForAdmin, clientHistoryForAdmin, listAccounts, listStaffInvitations } from "../services/accounts/queries";
import { listSharedLibrary, transferSharedResources } from "../services/library/shared-admin";
import { systemOverview } from "../services/dashboard/admin";
import { eventsAboutAccount, pageAuditEvents } from "../services/audit/query";
import { createInvitation, revokeInvitation } from "../services/invitations";
import { issuePasswordReset } from "../services/accounts/password-reset";
import { adminProcedure, router } from "../trpc/init";

const NOT_FOUND = "We couldn't find that account.";
const changedOutput = z.object({ id: outputText(), role: z.enum(["ADMIN", "THERAPIST", "CLIENT"]), status: z.enum(["INVITED", "ACTIVE", "DEACTIVATED"]) });

/** The link is shown to the admin only when no mail server sent it (development, demos). */
function linkForDisplay(issued: { email: string; expiresAt: Date; link: string; mail: { delivered: "smtp" | "outbox" } }) {
  return {
    email: issued.email,
    expiresAt: issued.expiresAt,
    delivered: issued.mail.delivered,
    link: issued.mail.delivered === "outbox" ? issued.link : null,
  };
}

export const adminRouter = router({
  /** Counts for the overview, plus the 20 newest audit events. */
  overview: adminProcedure
    .output(overviewOutput.extend({ recentEvents: z.array(auditEventView) }))
    .query(async ({ ctx }) => {
      const [counts, recent] = await Promise.all([systemOverview(ctx.db), pageAuditEvents(ctx.db, {}, { limit: 20 })]);
      return { ...counts, recentEvents: recent.items };
    }),

  listAccounts: adminProcedure
    .input(accountListInput)
    .output(accountListOutput)
    .query(({ ctx, input }) => listAccounts(ctx.db, input)),

  accountById: adminProcedure
    .input(accountIdInput)
    .output(z.object({ account: accountDetailOutput, recentEvents: z.array(auditEventView) }))
    .query(async ({ ctx, input }) => {
      const account = await accountDetail(ctx.db, input.userId);
      if (!account) throw new AppError("NOT_FOUND", NOT_FOUND);
      return { account, recentEvents: await eventsAboutAccount(ctx.db, input.userId, 20) };
    }),

  /** A client's readings across all their therapists. Audited as a read of client data. */
  clientHistory: adminProcedure
    .input(accountIdInput)
    .output(z.array(clientHistoryItem))
    .query(async ({ ctx, input }) => {
      const history = await clientHistoryForAdmin(ctx.db, ctx.actor, input.userId);
      if (!history) throw new AppError("NOT_FOUND", NOT_FOUND);
      return history;
    }),

  /** A therapist's clients, current and past. Audited as a read of client data. */
  caseload: adminProcedure
    .input(accountIdInput)
    .output(z.array(caseloadItem))
    .query(async ({ ctx, input }) => {
      const caseload = await caseloadForAdmin(ctx.db, ctx.actor, input.userId);
      if (!caseload) throw new AppError("NOT_FOUND", NOT_FOUND);
      return caseload;
    }),

  inviteStaff: adminProcedure
    .input(inviteStaffInput)
    .output(issuedLinkOutput)
    .mutation(async ({ ctx, input }) => {
      const existing = await ctx.db.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) {
        throw new AppError("CONFLICT", "Someone already has a Haven account with this email. Find them in the list to change their role or status.");
      }
      const invitation = await createInvitation(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, { ...input, therapistId: null });
      return linkForDisplay(invitation);
    }),

  listInvitations: adminProcedure.output(z.array(staffInvitation)).query(({ ctx }) => listStaffInvitations(ctx.db)),

  revokeInvitation: adminProcedure
    .input(z.object({ invitationId: entityId }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      await revokeInvitation(ctx.db, ctx.actor, input.invitationId, { role: { in: ["THERAPIST", "ADMIN"] } });
      return { ok: true as const };
    }),

  deactivate: adminProcedure
    .input(accountIdInput)
    .output(changedOutput)
    .mutation(({ ctx, input }) => changeAccount(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, input.userId, { kind: "deactivate" })),

  reactivate: adminProcedure
    .input(accountIdInput)
    .output(changedOutput)
    .mutation(({ ctx, input }) => changeAccount(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, input.userId, { kind: "reactivate" })),

  changeRole: adminProcedure
    .input(changeRoleInput)
    .output(changedOutput)
    .mutation(({ ctx, input }) =>
      changeAccount(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, input.userId, { kind: "changeRole", role: input.role }),
    ),

  issuePasswordReset: adminProcedure
    .input(accountIdInput)
    .output(issuedLinkOutput)
    .mutation(async ({ ctx, input }) => linkForDisplay(await issuePasswordReset(ctx.db, { ...ctx.actor, actorId: ctx.user.id }, input.userId))),


  /** The shared library for curation (any status). Edits and status changes: the library router. */
  libraryList: adminProcedure
    .input(adminLibraryListInput)
    .output(adminLibraryListOutput)
    .query(({ ctx, input }) => listSharedLibrary(ctx.db, input)),

  /** Moves a therapist's shared resources into the practice's library. */
  transferSharedResources: adminProcedure
    .input(transferSharedInput)
    .output(z.object({ transferred: z.number().int() }))
    .mutation(({ ctx, input }) => transferSharedResources(ctx.db, ctx.actor, input.therapistId)),
});
