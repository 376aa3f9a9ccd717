// Signing out without next-auth's browser bundle (next-auth/react, ≈ 18 KB gzipped on every signed-in
// page — issue 10). The same two requests its signOut() makes: the CSRF token, then a POST to
// next-auth's sign-out route, which clears the session cookie and records the audit row. If that
// cannot be done (offline, an outage), Haven's own quick-exit route still deletes the cookies, so
// pressing "Sign out" never leaves this browser signed in.
const SIGNED_OUT_URL = "/signin?signedOut=1";

export async function signOutOfHaven(): Promise<void> {
  try {
    const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: unknown };
    if (typeof csrf.csrfToken !== "string") throw new Error("no CSRF token");
    const response = await fetch("/api/auth/signout", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ csrfToken: csrf.csrfToken, callbackUrl: SIGNED_OUT_URL, json: "true" }),
    });
    if (!response.ok) throw new Error(`sign-out answered ${response.status}`);
  } catch {
    await fetch("/api/quick-exit", { method: "POST", keepalive: true }).catch(() => undefined);
  }
  // A full page load (nothing of the session stays in memory), and only ever Haven's own sign-in
  // page (next-auth's answer may name another callback).
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose
  window.location.href = SIGNED_OUT_URL;
}
