"use client";
import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import type { ReportQueue } from "./report-queue";
import { scrollDepth } from "./report-key";

export const REPORT_INTERVAL_MS = 5000;

/**
 * Measures the furthest scroll depth of `articleRef` and hands it to the report queue, which
 * keeps it (page and localStorage) until the server acknowledged it. The queue is flushed at
 * most every few seconds while reading, and at once when the page is hidden, becomes visible
 * or the browser comes back online (see report-queue-browser.ts).
 */
export function useProgressReporter(queue: ReportQueue | null, assignmentId: string, articleRef: RefObject<HTMLElement | null>, initial: number) {
  const [furthest, setFurthest] = useState(initial);
  const furthestRef = useRef(initial);
  /** The furthest figure handed to the queue (or known to the server): only more than this is news. */
  const handedRef = useRef(initial);

  /** Sends whatever is unsent now (e.g. before "Mark as done"). */
  const flush = useCallback(async () => {
    await queue?.flush({ force: true });
  }, [queue]);

  /** Records a new furthest point (if it is one) and hands anything unsent to the queue. */
  const advance = useCallback(
    (value: number) => {
      if (value > furthestRef.current) {
        furthestRef.current = value;
        setFurthest(value);
      }
      if (queue && furthestRef.current > handedRef.current) {
        handedRef.current = furthestRef.current;
        queue.progress(assignmentId, furthestRef.current);
      }
    },
    [assignmentId, queue],
  );

  useEffect(() => {
    let frame = 0;
    const measure = () => {
      frame = 0;
      const article = articleRef.current;
      if (!article) return;
      const rect = article.getBoundingClientRect();
      advance(scrollDepth({ top: rect.top, height: rect.height }, window.innerHeight));
    };
    const onScroll = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", onScroll);
    const timer = window.setInterval(() => void queue?.flush(), REPORT_INTERVAL_MS);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", onScroll);
      window.clearInterval(timer);
      // Leaving the page inside the app (client-side navigation): report what was read.
      void queue?.flush();
    };
  }, [advance, articleRef, queue]);

  /** Counts `value` as read (e.g. 100 after listening to the end) and sends it now. */
  const reportProgress = useCallback(
    async (value: number) => {
      advance(value);
      await flush();
    },
    [advance, flush],
  );

  return { furthest, flush, reportProgress };
}
