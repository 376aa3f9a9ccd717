"use client";
import { APP_ERRORS, isUnavailableDigest, UNAVAILABLE_DIGEST_PREFIX } from "@/server/app-error";

/** The reference people can quote: the request id of an outage, else Next's digest of the error. */
function referenceOf(digest: string | undefined): string | null {
  if (!digest) return null;
  return isUnavailableDigest(digest) ? digest.slice(UNAVAILABLE_DIGEST_PREFIX.length + 1) || null : digest;
}

/**
 * Unexpected errors: a plain message and a way forward; details stay in the server log. When
 * Haven couldn't reach its records (the digest says so), the calm outage sentence instead —
 * never a sign-in prompt.
 */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const unavailable = isUnavailableDigest(error.digest);
  const reference = referenceOf(error.digest);
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">{unavailable ? "Haven is taking a short pause" : "Something went wrong on our side"}</h1>
      <p className="mt-3 text-muted">
        {unavailable ? APP_ERRORS.SERVICE_UNAVAILABLE.message : "Nothing you did caused this. You can try again, or come back in a little while."}
        {reference ? ` (Reference ${reference})` : null}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md border border-border px-4 py-2">
        Try again
      </button>
    </main>
  );
}
