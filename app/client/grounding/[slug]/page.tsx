import { TRPCError } from "@trpc/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownBody } from "@/components/content/MarkdownBody";
import { requireUser } from "@/server/auth";
import { serverCaller } from "@/server/trpc/server";

// A grounding exercise from the shared library, offered after a hard check-in. Nothing is recorded.
export default async function GroundingPage({ params }: { params: Promise<{ slug: string }> }) {
  await requireUser("CLIENT");
  const { slug } = await params;
  const piece = await (await serverCaller()).checkIn.groundingPiece({ slug }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  return (
    <article aria-labelledby="grounding-title" className="mx-auto flex max-w-prose flex-col gap-6">
      <header className="flex flex-col gap-3">
        <Link href="/client" className="text-sm text-muted underline-offset-4 hover:underline">
          ← My readings
        </Link>
        <h1 id="grounding-title" className="text-2xl font-semibold leading-tight text-balance sm:text-3xl">
          {piece.title}
        </h1>
        <p className="text-sm text-muted">Exercise · about {piece.readingMinutes} min · take it at your own pace; nothing here is recorded.</p>
        <p className="text-lg text-muted">{piece.summary}</p>
      </header>
      <MarkdownBody source={piece.body} />
    </article>
  );
}
