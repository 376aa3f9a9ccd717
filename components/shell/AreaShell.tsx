import type { ReactNode } from "react";
import type { SessionUser } from "@/server/auth";
import { AppHeader } from "./AppHeader";
import { SessionKeepAlive } from "./SessionKeepAlive";

/** Header, main landmark and session keep-alive shared by the therapist, client and admin areas.
 *  `quickExitShown`: the fixed Quick exit button is on the page, so the header keeps its corner free. */
export function AreaShell({
  user,
  children,
  before,
  footer,
  quickExitShown = false,
}: {
  user: SessionUser;
  children: ReactNode;
  before?: ReactNode;
  footer?: ReactNode;
  quickExitShown?: boolean;
}) {
  return (
    <>
      {before}
      <AppHeader user={user} reserveQuickExitSpace={quickExitShown} />
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-6xl px-4 py-8 focus:outline-none">
        {children}
      </main>
      {footer}
      <SessionKeepAlive />
    </>
  );
}
