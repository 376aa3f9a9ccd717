import { AppError } from "../../app-error";
import { z } from "zod";
import { outputText } from "../../schemas/text";
import {
  accountDetail as accountDetailOutput,
  accountIdInput,
  accountListInput,
  accountListOutput,
  caseloadItem,
  changeRoleInput,
  clientHistoryItem,
  issuedLinkOutput,
} from "../../schemas/admin";
import { auditEventView } from "../../schemas/audit";
import { changeAccount } from "../../services/accounts/changes";
import { issuePasswordReset } from "../../services/accounts/password-reset";
import { accountDetail, caseloadForAdmin, clientHistoryForAdmin, listAccounts } from "../../services/accounts/queries";
import { eventsAboutAccount } from "../../services/audit/query";
import { linkForDisplay } from "../../services/invitations";
import { adminProcedure, router } from "../../trpc/init";

const NOT_FOUND = "We couldn't find that account.";
const changedOutput = z.object({ id: outputText(), role: z.enum(["ADMIN", "THERAPIST", "CLIENT"]), status: z.enum(["INVITED", "ACTIVE", "DEACTIVATED"]) });

export const adminAccountsRouter = router({
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
});
