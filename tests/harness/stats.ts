// Latency and throughput bookkeeping shared by `npm run loadtest` and `npm run bench`.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] as number;
}

export type Summary = { count: number; errors: number; seconds: number; rps: number; p50: number; p95: number; p99: number };

export class Recorder {
  private latencies: number[] = [];
  errors = 0;
  private started = performance.now();
  private stopped: number | null = null;

  add(ms: number, ok: boolean) {
    this.latencies.push(ms);
    if (!ok) this.errors++;
  }

  stop() {
    this.stopped ??= performance.now();
  }

  summary(): Summary {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const seconds = ((this.stopped ?? performance.now()) - this.started) / 1000;
    return {
      count: sorted.length,
      errors: this.errors,
      seconds,
      rps: sorted.length / Math.max(seconds, 0.001),
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
    };
  }
}

export const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : "–");

export function latencyText(s: Pick<Summary, "p50" | "p95" | "p99">): string {
  return `p50/p95/p99 ${ms(s.p50)}/${ms(s.p95)}/${ms(s.p99)} ms`;
}

/** Runs `worker` for each item with at most `limit` in flight. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, worker: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await worker(items[index] as T, index);
    }
  });
  await Promise.all(lanes);
  return results;
}

export const sleep = (msec: number) => new Promise<void>((resolve) => setTimeout(resolve, msec));
