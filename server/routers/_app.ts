import { createCallerFactory, router } from "../trpc";
import { accountRouter } from "./account";
import { preferencesRouter } from "./preferences";

export const appRouter = router({
  account: accountRouter,
  preferences: preferencesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
