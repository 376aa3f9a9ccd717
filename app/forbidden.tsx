import Link from "next/link";

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-16">
      <h1 className="text-2xl font-semibold">This page isn&apos;t part of your account</h1>
      <p className="mt-3 text-muted">
        You&apos;re signed in, but this area belongs to a different kind of account. Nothing has been changed.
      </p>
      <p className="mt-6">
        <Link href="/" className="underline underline-offset-4">Go to your home page</Link>
      </p>
    </main>
  );
}
