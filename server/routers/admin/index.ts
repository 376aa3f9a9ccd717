import { mergeRouters } from "../../trpc/init";
import { adminAccountsRouter } from "./accounts";
import { adminInvitationsRouter } from "./invitations";
import { adminLibraryRouter } from "./library";
import { adminOverviewRouter } from "./overview";

// The admin area, one file per noun; merged so every procedure keeps its path (`admin.listAccounts`).
export const adminRouter = mergeRouters(adminOverviewRouter, adminAccountsRouter, adminInvitationsRouter, adminLibraryRouter);
