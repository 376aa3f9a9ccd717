import { z } from "zod";
import { outputText } from "../schemas/text";
import {
  completeInput,
  entityId,
  intensity,
  progressReportInput,
  readingStatus,
  reflectInput,
  resourceKind,
  timelineEntry,
  trackingSummary,
  trackingView,
} from "../schemas/assignment";
import { markComplete, reportProgress, saveReflection } from "../services/tracking/events";
import { listOwnReadings, ownReading, ownReadingAsTherapistSees } from "../services/tracking/readings";
import { clientProcedure, router } from "../trpc/init";

// The client's side: only ever their own, non-withdrawn assignments (anything else is NOT_FOUND).

const resourceCard = z.object({
  title: outputText(),
  summary: outputText(),
  kind: resourceKind,
  readingMinutes: z.number().int(),
  contentNote: outputText().nullable(),
  contentIntensity: intensity.nullable(),
});

const readingListItem = z.object({
  id: outputText(),
  status: readingStatus,
  progress: z.number().int(),
  note: outputText().nullable(),
  dueAt: z.date().nullable(),
  assignedAt: z.date(),
  completedAt: z.date().nullable(),
  therapistName: outputText(),
  careActive: z.boolean(),
  resource: resourceCard,
});

const ownReflection = z.object({ rating: z.number().int().nullable(), body: outputText(), sharedWithTherapist: z.boolean(), updatedAt: z.date() });

export const readingRouter = router({
  /** "My readings", newest first; the page groups them into new / in progress / done. */
  list: clientProcedure.output(z.array(readingListItem)).query(({ ctx }) => listOwnReadings(ctx.db, ctx.user.id)),

  /** The reading view. Tracking is off (careActive false) once care with the assigning therapist ended. */
  byId: clientProcedure
    .input(z.object({ id: entityId }))
    .output(
      z.object({
        id: outputText(),
        note: outputText().nullable(),
        dueAt: z.date().nullable(),
        therapistName: outputText(),
        careActive: z.boolean(),
        resource: resourceCard.extend({ body: outputText(), url: outputText().nullable() }),
        tracking: trackingSummary,
        reflection: ownReflection.nullable(),
      }),
    )
    .query(({ ctx, input }) => ownReading(ctx.db, ctx.user.id, input.id)),

  /** Exactly what the therapist can see about this reading: the same view and timeline they get. */
  therapistView: clientProcedure
    .input(z.object({ id: entityId }))
    .output(z.object({ therapistName: outputText(), careActive: z.boolean(), tracking: trackingView, events: z.array(timelineEntry) }))
    .query(({ ctx, input }) => ownReadingAsTherapistSees(ctx.db, ctx.user.id, input.id)),

  progress: clientProcedure
    .input(progressReportInput)
    .output(trackingSummary)
    .mutation(async ({ ctx, input }) => {
      const result = await reportProgress(ctx.db, { assignmentId: input.id, clientId: ctx.user.id, progress: input.progress, key: input.key });
      return result.summary;
    }),

  complete: clientProcedure
    .input(completeInput)
    .output(trackingSummary)
    .mutation(async ({ ctx, input }) => {
      const result = await markComplete(ctx.db, { assignmentId: input.id, clientId: ctx.user.id, key: input.key });
      return result.summary;
    }),

  /** "How did this land?" — rating and words, private unless shared. */
  reflect: clientProcedure
    .input(reflectInput)
    .output(ownReflection)
    .mutation(({ ctx, input }) =>
      saveReflection(ctx.db, {
        assignmentId: input.id,
        clientId: ctx.user.id,
        rating: input.rating ?? null,
        body: input.body,
        sharedWithTherapist: input.sharedWithTherapist,
      }),
    ),
});
