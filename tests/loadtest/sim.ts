// Simulated people: clients who open readings and report progress and "done" with real
// idempotency keys (kept across retries, as components/reading/use-progress-reporter.ts does),
// and therapists who load their home page and search the library.
import crypto from "node:crypto";
import { Browser, isSignInRedirect, looksSignedOut, type Reply } from "../harness/http";
import { Recorder, sleep } from "../harness/stats";
import type { SimAccount } from "./seed";
import { LOADTEST_PASSWORD } from "./seed";

export type SentReport = { assignmentId: string; key: string; progress: number | "done"; acked: boolean; attempts: number };

/** Every answer a scenario saw, sorted into what matters for its verdict. */
export class Tally {
  readonly recorder = new Recorder();
  ok = 0;
  unavailable = 0; // 503
  signedOut = 0; // 401 or a redirect to /signin
  otherErrors = 0; // 5xx other than 503, unexpected 4xx, network errors
  network = 0;
  afterRecoveryFailures = 0;
  samples: string[] = [];
  private sampled = new Set<string>();
  /** Set by the outage scenario: failures after this instant are counted as "after recovery". */
  recoveredAt: number | null = null;

  note(reply: Reply, what: string, startedAt: number) {
    const signedOut = looksSignedOut(reply);
    if (!signedOut && (reply.ok || (reply.status >= 300 && reply.status < 400))) {
      this.ok++;
      return;
    }
    if (signedOut) this.signedOut++;
    else if (reply.status === 503) this.unavailable++;
    else {
      this.otherErrors++;
      if (reply.status === 0) this.network++;
    }
    if (this.recoveredAt !== null && startedAt > this.recoveredAt) this.afterRecoveryFailures++;
    // One example of each kind of failure (what × status), so the log shows their variety.
    const kind = `${what} → ${reply.status || reply.networkError}${reply.location ? ` (to ${reply.location.replace(/\?.*/, "")})` : ""}`;
    if (!this.sampled.has(kind) && this.samples.length < 10) {
      this.sampled.add(kind);
      this.samples.push(kind);
    }
  }
}

export type SimOptions = {
  bases: string[];
  tally: Tally;
  /** Stop starting new work after this instant (ms since epoch). */
  softDeadline: number;
  /** Give up retrying unacknowledged reports after this instant. */
  hardDeadline: number;
  /** Treat network errors (the app is down) as retryable rather than errors: crash scenario. */
  step?: number;
};

class Alternating extends Browser {
  private turn = 0;
  constructor(private readonly bases: string[], recorder: Recorder) {
    super(bases[0] as string, recorder);
  }
  override request(pathname: string, init: Parameters<Browser["request"]>[1] = {}) {
    const base = init.base ?? (this.bases[this.turn++ % this.bases.length] as string);
    return super.request(pathname, { ...init, base });
  }
}

export class SimClient {
  readonly browser: Browser;
  readonly reports: SentReport[] = [];
  constructor(
    readonly account: SimAccount,
    private readonly options: SimOptions,
  ) {
    this.browser = new Alternating(options.bases, options.tally.recorder);
  }

  /** Sign-in takes a while for many clients; the run's clock starts afterwards. */
  setDeadlines(softDeadline: number, hardDeadline: number) {
    this.options.softDeadline = softDeadline;
    this.options.hardDeadline = hardDeadline;
  }

  private async timed(what: string, call: () => Promise<Reply>): Promise<Reply> {
    const started = Date.now();
    const reply = await call();
    this.options.tally.note(reply, what, started);
    return reply;
  }

  async signIn(): Promise<boolean> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const { ok } = await this.browser.signIn(this.account.email, LOADTEST_PASSWORD);
      if (ok) return true;
      await sleep(500 * (attempt + 1));
    }
    return false;
  }

  /** Sends one report until the server acknowledges it (2xx) or the hard deadline passes. Same key every time. */
  private async deliver(report: SentReport) {
    let delay = 200;
    while (!report.acked && Date.now() < this.options.hardDeadline) {
      report.attempts++;
      const reply =
        report.progress === "done"
          ? await this.timed("reading.complete", () => this.browser.trpcMutation("reading.complete", { id: report.assignmentId, key: report.key }))
          : await this.timed("POST /api/reading/progress", () =>
              this.browser.request("/api/reading/progress", {
                method: "POST",
                body: JSON.stringify({ assignmentId: report.assignmentId, progress: report.progress, key: report.key }),
                headers: { "content-type": "application/json" },
              }),
            );
      if (reply.ok) {
        report.acked = true;
        return;
      }
      // 400/403/404/413 can never succeed; 401 is retried (and counted) so the data check stays meaningful.
      if ([400, 403, 404, 413].includes(reply.status)) return;
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 3000);
    }
  }

  /** Opens each reading, reports 10 %, 20 % … 100 %, then "done"; moves to the next until the soft deadline. */
  async run() {
    const step = this.options.step ?? 10;
    for (const assignmentId of this.account.assignments) {
      if (Date.now() > this.options.softDeadline) break;
      await this.timed("GET reading page", () => this.browser.request(`/client/readings/${assignmentId}?ready=1`));
      for (let progress = step; progress <= 100; progress += step) {
        if (Date.now() > this.options.softDeadline) break;
        const report: SentReport = { assignmentId, key: crypto.randomUUID(), progress, acked: false, attempts: 0 };
        this.reports.push(report);
        await this.deliver(report);
        await sleep(Math.random() * 40);
      }
      if (Date.now() > this.options.softDeadline) break;
      const done: SentReport = { assignmentId, key: crypto.randomUUID(), progress: "done", acked: false, attempts: 0 };
      this.reports.push(done);
      await this.deliver(done);
    }
  }

  /** After an outage or crash: is the same cookie still a signed-in session? */
  async stillSignedIn(): Promise<boolean> {
    const reply = await this.browser.request("/client");
    return reply.ok && !isSignInRedirect(reply);
  }
}

const WORDS = ["attachment", "anxious", "grounding", "self-compassion", "avoidnt", "boundaries", "sleep", "grief", "shame", "breathing"];

export async function therapistLoop(account: SimAccount, options: SimOptions) {
  const browser = new Alternating(options.bases, options.tally.recorder);
  const { ok } = await browser.signIn(account.email, LOADTEST_PASSWORD);
  if (!ok) {
    options.tally.otherErrors++;
    options.tally.samples.push(`therapist sign-in failed for ${account.email}`);
    return;
  }
  let i = 0;
  while (Date.now() < options.softDeadline) {
    const word = WORDS[i++ % WORDS.length] as string;
    const started = Date.now();
    options.tally.note(await browser.request("/therapist"), "GET /therapist", started);
    options.tally.note(await browser.trpcQuery("library.search", { q: word }), "library.search", Date.now());
    options.tally.note(await browser.request(`/therapist/library?q=${encodeURIComponent(word)}`), "GET /therapist/library?q", Date.now());
    await sleep(100 + Math.random() * 200);
  }
}
