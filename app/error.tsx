"use client";

/** Unexpected errors: a plain message and a way forward; details stay in the server log. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">Something went wrong on our side</h1>
      <p className="mt-3 text-muted">
        Nothing you did caused this. You can try again, or come back in a little while.
        {error.digest ? ` (Reference ${error.digest})` : null}
      </p>
      <button type="button" onClick={reset} className="mt-6 rounded-md border border-border px-4 py-2">
        Try again
      </button>
    </main>
  );
}
