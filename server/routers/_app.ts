import { createCallerFactory, router } from "../trpc/init";
import { accountRouter } from "./account";
import { adminRouter } from "./admin";
import { assignmentRouter } from "./assignment";
import { auditRouter } from "./audit";
import { checkInRouter } from "./check-in";
import { clientRouter } from "./client";
import { collectionRouter } from "./collection";
import { dashboardRouter } from "./dashboard";
import { inviteRouter } from "./invite";
import { libraryRouter } from "./library";
import { offlineRouter } from "./offline";
import { passwordResetRouter } from "./password-reset";
import { preferencesRouter } from "./preferences";
import { readingRouter } from "./reading";
import { remindersRouter } from "./reminders";
import { worksheetRouter } from "./worksheet";

export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  audit: auditRouter,
  passwordReset: passwordResetRouter,
  preferences: preferencesRouter,
  client: clientRouter,
  assignment: assignmentRouter,
  dashboard: dashboardRouter,
  reading: readingRouter,
  invite: inviteRouter,
  library: libraryRouter,
  collection: collectionRouter,
  worksheet: worksheetRouter,
  checkIn: checkInRouter,
  offline: offlineRouter,
  reminders: remindersRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
