import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { adminRouter } from "./admin";
import { auditRouter } from "./audit";
import { passwordResetRouter } from "./password-reset";
import { preferencesRouter } from "./preferences";

export const appRouter = router({
  account: accountRouter,
  admin: adminRouter,
  audit: auditRouter,
  passwordReset: passwordResetRouter,
  preferences: preferencesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
