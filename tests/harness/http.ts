// A tiny browser stand-in for the harnesses: a cookie jar, same-origin headers, timeouts, and
// next-auth's credentials sign-in.
import { Recorder } from "./stats";

export type Reply = { status: number; ok: boolean; ms: number; location: string | null; body: string; networkError: string | null };

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(
    public base: string,
    private recorder?: Recorder,
  ) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  /** One request, no redirects followed. A network failure answers status 0. */
  async request(pathname: string, init: { method?: string; body?: string; headers?: Record<string, string>; timeoutMs?: number; base?: string } = {}): Promise<Reply> {
    const base = init.base ?? this.base;
    const headers: Record<string, string> = { "user-agent": "Mozilla/5.0 (haven-harness)", accept: "text/html,application/json", ...init.headers };
    if (this.cookies.size) headers.cookie = this.cookieHeader();
    if (init.method && init.method !== "GET") {
      headers.origin = base;
      headers["sec-fetch-site"] = "same-origin";
    }
    const start = performance.now();
    try {
      const response = await fetch(`${base}${pathname}`, {
        method: init.method ?? "GET",
        headers,
        body: init.body,
        redirect: "manual",
        signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
      });
      const body = await response.text();
      const ms = performance.now() - start;
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const eq = (pair ?? "").indexOf("=");
        if (eq <= 0) continue;
        const name = (pair as string).slice(0, eq).trim();
        const value = (pair as string).slice(eq + 1).trim();
        if (value === "" || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const reply = { status: response.status, ok: response.status >= 200 && response.status < 300, ms, location: response.headers.get("location"), body, networkError: null };
      this.recorder?.add(ms, reply.ok || (reply.status >= 300 && reply.status < 400 && !isSignInRedirect(reply)));
      return reply;
    } catch (error) {
      const ms = performance.now() - start;
      this.recorder?.add(ms, false);
      return { status: 0, ok: false, ms, location: null, body: "", networkError: (error as Error).message };
    }
  }

  /** next-auth credentials sign-in. True when a session cookie came back. */
  async signIn(email: string, password: string, base = this.base): Promise<{ ok: boolean; reply: Reply }> {
    const csrf = await this.request("/api/auth/csrf", { base });
    if (!csrf.ok) return { ok: false, reply: csrf };
    const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
    const form = new URLSearchParams({ csrfToken, email, password, callbackUrl: `${base}/`, json: "true" });
    const reply = await this.request("/api/auth/callback/credentials", {
      base,
      method: "POST",
      body: form.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    const failed = /error=/.test(reply.location ?? "") || /error=/.test(reply.body);
    return { ok: !failed && this.hasSession(), reply };
  }

  hasSession(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("next-auth.session-token"));
  }

  trpcQuery(procedure: string, input: unknown, base?: string) {
    const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
    return this.request(`/api/trpc/${procedure}${query}`, { base });
  }

  trpcMutation(procedure: string, input: unknown, base?: string) {
    return this.request(`/api/trpc/${procedure}`, {
      base,
      method: "POST",
      body: JSON.stringify({ json: input }),
      headers: { "content-type": "application/json" },
    });
  }
}

/** A redirect to the sign-in page, or a tRPC/route 401: what a signed-out user would see. */
export function isSignInRedirect(reply: Reply): boolean {
  if (reply.status >= 300 && reply.status < 400) return /\/signin/.test(reply.location ?? "");
  // A redirect decided after streaming began arrives as a 200 page that navigates away.
  return /__next-page-redirect[^>]*\/signin|NEXT_REDIRECT;[^"]*\/signin/.test(reply.body);
}

export function looksSignedOut(reply: Reply): boolean {
  return reply.status === 401 || isSignInRedirect(reply);
}
