"use client";
import { useEffect } from "react";

const REFRESH_EVERY_MS = 5 * 60_000;

/**
 * Sessions end after 30 idle minutes. While the person is actually using the page (keys,
 * pointer, scrolling), refresh the session cookie every few minutes; an idle tab lets it lapse.
 */
export function SessionKeepAlive() {
  useEffect(() => {
    let active = false;
    const markActive = () => {
      active = true;
    };
    const events = ["keydown", "pointerdown", "scroll", "touchstart"] as const;
    for (const name of events) window.addEventListener(name, markActive, { passive: true });
    const timer = window.setInterval(() => {
      if (!active || document.visibilityState !== "visible") return;
      active = false;
      void fetch("/api/auth/session", { credentials: "same-origin", cache: "no-store" }).catch(() => {});
    }, REFRESH_EVERY_MS);
    return () => {
      window.clearInterval(timer);
      for (const name of events) window.removeEventListener(name, markActive);
    };
  }, []);
  return null;
}
