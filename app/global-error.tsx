"use client";
import ErrorPage from "./error";
import "./globals.css";

/** Errors in the root layout itself: the same calm page, in a document of its own. */
export default function GlobalError(props: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-canvas text-ink antialiased">
        <ErrorPage {...props} />
      </body>
    </html>
  );
}
