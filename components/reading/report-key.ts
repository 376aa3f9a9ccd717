/** A fresh idempotency key for one report. randomUUID needs a secure context; getRandomValues does not. */
export function newReportKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** How far down the article the reader has seen, 0–100 (an article that fits on screen is 100). */
export function scrollDepth(article: { top: number; height: number }, viewportHeight: number): number {
  if (article.height <= 0) return 100;
  const seen = (viewportHeight - article.top) / article.height;
  return Math.round(Math.min(1, Math.max(0, seen)) * 100);
}
