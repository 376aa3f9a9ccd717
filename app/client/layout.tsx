import type { Metadata } from "next";
import type { ReactNode } from "react";
import { AreaShell } from "@/components/shell/AreaShell";
import { CrisisNotice } from "@/components/shell/CrisisNotice";
import { OfflineReading } from "@/components/offline/OfflineReading";
import { QuickExit } from "@/components/shell/QuickExit";
import { requireUser } from "@/server/auth";
import { getRequestDisplay } from "@/server/request/display";
import { DEFAULT_CRISIS_RESOURCES, env } from "@/server/env";
import { serverCaller } from "@/server/trpc/server";

/** Discreet by default: a neutral tab title on every client page. Off: the normal "… · Haven" titles. */
export async function generateMetadata(): Promise<Metadata> {
  const { preferences } = await getRequestDisplay();
  // Added to the home screen, Haven keeps the same discretion: a neutral name and icon.
  if (preferences && !preferences.discreet) return { title: { default: "Haven", template: "%s · Haven" }, manifest: "/manifest.webmanifest" };
  return { title: { absolute: "Reading", template: "Reading" }, manifest: "/manifest-discreet.webmanifest" };
}

export default async function ClientLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("CLIENT");
  // The session check read the display settings and the offline choice with the account (one
  // query); the offline choice is asked for separately only when it was not (a chunked cookie).
  const { preferences, offlineReading } = await getRequestDisplay();
  const offline = offlineReading === null ? await serverCaller().then((caller) => caller.offline.get()) : { enabled: offlineReading };
  const config = env();
  const quickExit = preferences?.quickExit ?? true;
  return (
    <AreaShell
      user={user}
      // Safety features stay on unless the client turned them off (also if preferences can't be read).
      // In a landmark of its own (nothing on the page sits outside landmarks); fixed to the top
      // right corner, above everything else, so it stays on screen however the page scrolls.
      before={
        quickExit ? (
          <aside aria-label="Leave quickly" className="print:hidden">
            <QuickExit exitUrl={config.QUICK_EXIT_URL} enabled />
          </aside>
        ) : null
      }
      quickExitShown={quickExit}
      footer={
        <footer className="mx-auto w-full max-w-6xl px-4 pb-10">
          <CrisisNotice resources={config.CRISIS_RESOURCES ?? DEFAULT_CRISIS_RESOURCES} />
        </footer>
      }
    >
      {children}
      <OfflineReading enabled={offline.enabled} />
    </AreaShell>
  );
}
