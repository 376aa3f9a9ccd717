import { reminderSettings, reminderSettingsUpdate } from "../schemas/reminders";
import { readReminderSettings, updateReminderSettings } from "../services/reminders/settings";
import { recipientProcedure, router } from "../trpc/init";

/** The caller's own reminder settings: read and change only their own. */
export const remindersRouter = router({
  get: recipientProcedure.output(reminderSettings).query(({ ctx }) => readReminderSettings(ctx.db, ctx.user.id)),

  update: recipientProcedure
    .input(reminderSettingsUpdate)
    .output(reminderSettings)
    .mutation(({ ctx, input }) => updateReminderSettings(ctx.db, ctx.user, input)),
});
