import { TRPCError } from "@trpc/server";
import { reminderSettings, reminderSettingsUpdate } from "../schemas/reminders";
import { readReminderSettings, updateReminderSettings } from "../services/reminders/settings";
import { protectedProcedure, router } from "../trpc/init";

/** Reminder emails are for clients (their choice) and therapists (the weekly digest); admins get none. */
const recipientProcedure = protectedProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "CLIENT" && ctx.user.role !== "THERAPIST") {
    throw new TRPCError({ code: "FORBIDDEN", message: "This part of Haven isn't available to your account." });
  }
  return next();
});

/** The caller's own reminder settings: read and change only their own. */
export const remindersRouter = router({
  get: recipientProcedure.output(reminderSettings).query(({ ctx }) => readReminderSettings(ctx.db, ctx.user.id)),

  update: recipientProcedure
    .input(reminderSettingsUpdate)
    .output(reminderSettings)
    .mutation(({ ctx, input }) => updateReminderSettings(ctx.db, ctx.user, input)),
});
