"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { newReportKey, scrollDepth } from "./report-key";

export const REPORT_INTERVAL_MS = 5000;
const ENDPOINT = "/api/reading/progress";

type Pending = { progress: number; key: string };

/**
 * Measures the furthest scroll depth of `articleRef` and reports it at most every few seconds,
 * and once more when the page is hidden (fetch keepalive, else sendBeacon). A report keeps its
 * idempotency key until the server has it, so a retry never counts twice.
 */
export function useProgressReporter(assignmentId: string, articleRef: RefObject<HTMLElement | null>, initial: number, enabled: boolean) {
  const [furthest, setFurthest] = useState(initial);
  const furthestRef = useRef(initial);
  const sentRef = useRef(initial);
  const pendingRef = useRef<Pending | null>(null);
  const inFlightRef = useRef<Promise<void> | null>(null);

  const nextReport = useCallback((): Pending | null => {
    if (furthestRef.current <= sentRef.current) return null;
    if (!pendingRef.current || pendingRef.current.progress !== furthestRef.current) {
      pendingRef.current = { progress: furthestRef.current, key: newReportKey() };
    }
    return pendingRef.current;
  }, []);

  const send = useCallback(
    async (onHide = false) => {
      if (!enabled) return;
      const report = nextReport();
      if (!report) return;
      const body = JSON.stringify({ assignmentId, progress: report.progress, key: report.key });
      try {
        const response = await fetch(ENDPOINT, { method: "POST", headers: { "content-type": "application/json" }, body, keepalive: true, credentials: "same-origin" });
        // 4xx means this report can never succeed (e.g. withdrawn); stop retrying it.
        if (response.ok || (response.status >= 400 && response.status < 500)) {
          sentRef.current = Math.max(sentRef.current, report.progress);
          if (pendingRef.current?.key === report.key) pendingRef.current = null;
        }
      } catch {
        if (onHide && typeof navigator.sendBeacon === "function") navigator.sendBeacon(ENDPOINT, body);
      }
    },
    [assignmentId, enabled, nextReport],
  );

  /** Sends whatever is unsent now (e.g. before "Mark as done"). */
  const flush = useCallback(async () => {
    if (inFlightRef.current) await inFlightRef.current;
    const run = send();
    inFlightRef.current = run;
    await run;
    inFlightRef.current = null;
  }, [send]);

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const article = articleRef.current;
      if (!article) return;
      const rect = article.getBoundingClientRect();
      const depth = scrollDepth({ top: rect.top, height: rect.height }, window.innerHeight);
      if (depth > furthestRef.current) {
        furthestRef.current = depth;
        setFurthest(depth);
      }
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    const timer = window.setInterval(() => void flush(), REPORT_INTERVAL_MS);
    const onHide = () => void send(true);
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onHide();
    };
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      window.clearInterval(timer);
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      // Leaving the page inside the app (client-side navigation): report what was read.
      void send(true);
    };
  }, [articleRef, flush, send]);

  /** Counts `value` as read (e.g. 100 after listening to the end) and sends it now. */
  const reportProgress = useCallback(
    async (value: number) => {
      if (value > furthestRef.current) {
        furthestRef.current = value;
        setFurthest(value);
      }
      await flush();
    },
    [flush],
  );

  return { furthest, flush, reportProgress };
}
