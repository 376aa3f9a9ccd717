import { TRPCError } from "@trpc/server";
import { isAppError } from "@/server/app-error";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MarkdownBody } from "@/components/content/MarkdownBody";
import { ContentNoteInterstitial } from "@/components/reading/ContentNoteInterstitial";
import { ReadingSession } from "@/components/reading/ReadingSession";
import { ContentNoteBadge } from "@/components/ui/ContentNoteBadge";
import { requireUser } from "@/server/auth";
import { getRequestDisplay } from "@/server/request-display";
import { gentleDueLabel, KIND_LABEL } from "@/server/schemas/assignment";
import { classifyOpen, isPrefetchOrBot } from "@/server/services/tracking/events";
import { recordPageOpen } from "@/server/services/tracking/page-open";
import { HydrateClient, prefetch, serverCaller, trpc } from "@/server/trpc/server";
import { TherapistNote } from "@/components/reading/TherapistNote";
import { CrisisNotice } from "@/components/shell/CrisisNotice";
import { WorksheetAnswers } from "@/components/worksheet/WorksheetAnswers";
import { DEFAULT_CRISIS_RESOURCES, env } from "@/server/env";
import { extractPrompts } from "@/server/schemas/worksheet-prompts";

// No metadata: the tab title stays "Reading" (discreet by default).
export default async function ReadingPage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser("CLIENT");
  const { preferences } = await getRequestDisplay();
  // Discreet by default (as the tab title): a printed page then names neither Haven nor the therapist.
  const discreet = preferences?.discreet ?? true;
  const { assignmentId } = await params;
  const ready = (await searchParams).ready === "1";
  const caller = await serverCaller();
  const reading = await caller.reading.byId({ id: assignmentId }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  const { resource } = reading;

  if (resource.contentNote && !ready) {
    return <ContentNoteInterstitial assignmentId={reading.id} title={resource.title} contentNote={resource.contentNote} intensity={resource.contentIntensity} />;
  }

  // Opened = this server render for its client (works without JavaScript). Not from a tRPC
  // procedure, so no script can count opens, and never for prefetches or link-preview bots.
  // A render inside the current open's window records nothing: skip the round trip (the summary
  // above was read for this client a moment ago, and the window only moves forward).
  if (reading.careActive && classifyOpen(reading.tracking, new Date()) && !isPrefetchOrBot(await headers())) {
    await recordPageOpen({ assignmentId: reading.id, clientId: user.id }).catch((error: unknown) => {
      // Withdrawn or care ended between the read above and now: show the page, record nothing.
      if (!(isAppError(error) && error.code === "NOT_FOUND")) throw error;
    });
  }
  prefetch(trpc.reading.therapistView.queryOptions({ id: reading.id }));
  if (reading.careActive) prefetch(trpc.checkIn.state.queryOptions({ id: reading.id }));
  // Worksheets: the client's own answers, filled into the prompts (private until they share).
  const worksheet = extractPrompts(resource.body).prompts.length ? await caller.worksheet.mine({ id: reading.id }) : null;
  const config = env();

  return (
    <article aria-labelledby="reading-title" className="mx-auto flex max-w-prose flex-col gap-6">
      <header className="flex flex-col gap-3">
        {/* Printed only: a neutral header in discreet mode. */}
        <p className="hidden text-sm text-muted print:block">{discreet ? "Reading" : `Haven · shared by ${reading.therapistName}`}</p>
        <Link href="/client" className="text-sm text-muted underline-offset-4 hover:underline print:hidden">
          ← My readings
        </Link>
        <h1 id="reading-title" className="text-2xl font-semibold leading-tight text-balance sm:text-3xl">
          {resource.title}
        </h1>
        <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
          <span>
            {KIND_LABEL[resource.kind]} · about {resource.readingMinutes} min
          </span>
          {resource.contentIntensity ? <ContentNoteBadge intensity={resource.contentIntensity} /> : null}
          {reading.dueAt && !reading.tracking.completedAt ? <span>{gentleDueLabel(reading.dueAt, new Date())}</span> : null}
        </p>
        <p className="text-lg text-muted">{resource.summary}</p>
        {resource.contentNote ? (
          // On screen the note came first (the interstitial); on paper it goes with the reading.
          <p className="hidden print:block">
            <strong>Content note:</strong> {resource.contentNote}
          </p>
        ) : null}
        {reading.note ? (
          // Discreet: the therapist's name and words stay off paper.
          <div className={discreet ? "print:hidden" : undefined}>
            <TherapistNote therapistName={reading.therapistName} note={reading.note} />
          </div>
        ) : null}
        {resource.url && /^https?:\/\//i.test(resource.url) ? (
          <p>
            <a href={resource.url} target="_blank" rel="noopener noreferrer nofollow" className="underline underline-offset-4">
              Open the linked {KIND_LABEL[resource.kind].toLowerCase()}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
            <span className="hidden print:block">Source: {resource.url}</span>
          </p>
        ) : null}
      </header>
      <HydrateClient>
        <ReadingSession
          userId={user.id}
          assignmentId={reading.id}
          therapistName={reading.therapistName}
          careActive={reading.careActive}
          initialProgress={reading.tracking.progress}
          initiallyDone={Boolean(reading.tracking.completedAt)}
          reflection={reading.reflection}
          crisisNotice={<CrisisNotice resources={config.CRISIS_RESOURCES ?? DEFAULT_CRISIS_RESOURCES} />}
        >
          <div data-reading-body>
            {worksheet ? (
              <WorksheetAnswers assignmentId={reading.id} therapistName={reading.therapistName} initial={worksheet} canShare={reading.careActive}>
                <MarkdownBody source={resource.body} />
              </WorksheetAnswers>
            ) : (
              <MarkdownBody source={resource.body} />
            )}
          </div>
        </ReadingSession>
      </HydrateClient>
    </article>
  );
}
