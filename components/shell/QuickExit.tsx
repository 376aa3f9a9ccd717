"use client";

import { useCallback, useEffect, useId, useRef, type FormEvent } from "react";
import { forgetDeviceCopies } from "@/components/offline/device-copies";

export interface QuickExitProps {
  /** Where to go. A neutral, fast-loading site. */
  exitUrl?: string;
  /** The client's setting; when false nothing renders and Escape does nothing special. */
  enabled: boolean;
}

const ESCAPE_PRESSES = 3;
const WITHIN_MS = 1500;

/**
 * Leaves Haven at once: ends the session (best effort), clears sessionStorage and replaces
 * this page in history with a neutral site, so Back does not return here. Also on Escape
 * pressed three times within 1.5 s. It is a form so that it still leaves without JavaScript.
 */
export function QuickExit({ exitUrl = "https://www.bbc.co.uk/weather", enabled }: QuickExitProps) {
  const descriptionId = useId();
  const presses = useRef<number[]>([]);
  const exited = useRef(false);

  const leave = useCallback(() => {
    try {
      void fetch("/api/quick-exit", { method: "POST", keepalive: true, credentials: "same-origin" }).catch(
        () => undefined,
      );
    } catch {
      // The session still ends at its idle timeout; leaving matters more.
    }
    // Kept readings, queued reports: gone from this device (the worker finishes after we leave).
    void forgetDeviceCopies();
    try {
      window.sessionStorage.clear();
    } catch {
      // Storage may be unavailable; nothing to clear then.
    }
    exited.current = true;
    // Hide the page at once so nothing stays on screen while the next site loads.
    document.documentElement.style.visibility = "hidden";
    window.location.replace(exitUrl);
  }, [exitUrl]);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.repeat) return;
      const now = performance.now();
      const recent = [...presses.current.filter((t) => now - t <= WITHIN_MS), now];
      presses.current = recent;
      if (recent.length >= ESCAPE_PRESSES) {
        presses.current = [];
        leave();
      }
    };
    // Back may restore this page from the back/forward cache (earlier Haven entries in
    // history): leave again rather than show it.
    const onPageShow = (event: PageTransitionEvent) => {
      if (event.persisted && exited.current) window.location.replace(exitUrl);
    };
    // Capture phase: dialogs and menus also use Escape and must not swallow these presses.
    document.addEventListener("keydown", onKeyDown, { capture: true });
    window.addEventListener("pageshow", onPageShow);
    return () => {
      document.removeEventListener("keydown", onKeyDown, { capture: true });
      window.removeEventListener("pageshow", onPageShow);
    };
  }, [enabled, leave, exitUrl]);

  if (!enabled) return null;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    leave();
  };

  return (
    <form action={exitUrl} method="get" onSubmit={onSubmit} className="fixed top-2 right-2 z-50 sm:top-3 sm:right-3">
      <button
        type="submit"
        aria-describedby={descriptionId}
        className="inline-flex min-h-11 min-w-11 items-center rounded-lg border-2 border-canvas bg-ink px-4 text-base font-semibold text-canvas shadow-md hover:underline"
      >
        Quick exit
      </button>
      <span id={descriptionId} className="sr-only">
        Leaves Haven immediately and opens a neutral website
      </span>
    </form>
  );
}
