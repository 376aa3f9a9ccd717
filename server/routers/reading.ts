import { AppError } from "../app-error";
import { z } from "zod";
import { outputText } from "../schemas/text";
import type { Prisma } from "../generated/prisma/client";
import {
  completeInput,
  deriveReadingStatus,
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
import { toTrackingView, trackingViewSelect } from "../services/care/scope";
import { clientTimeline } from "../services/tracking/engagement";
import { markComplete, NOT_FOUND_MESSAGE, reportProgress, saveReflection } from "../services/tracking/events";
import { clientProcedure, router } from "../trpc/init";

// The client's side: only ever their own, non-withdrawn assignments (anything else is NOT_FOUND).

const ownAssignment = (clientId: string, id?: string) => ({ ...(id ? { id } : {}), clientId, active: true }) satisfies Prisma.AssignmentWhereInput;

const therapistSelect = (clientId: string) =>
  ({ name: true, careAsTherapist: { where: { clientId, active: true }, select: { id: true }, take: 1 } }) satisfies Prisma.UserSelect;

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
  list: clientProcedure.output(z.array(readingListItem)).query(async ({ ctx }) => {
    const rows = await ctx.db.assignment.findMany({
      where: ownAssignment(ctx.user.id),
      orderBy: { assignedAt: "desc" },
      take: 300,
      select: {
        id: true,
        note: true,
        dueAt: true,
        assignedAt: true,
        firstOpenedAt: true,
        completedAt: true,
        progress: true,
        therapist: { select: therapistSelect(ctx.user.id) },
        resource: { select: { title: true, summary: true, kind: true, readingMinutes: true, contentNote: true, contentIntensity: true } },
      },
    });
    return rows.map(({ therapist, firstOpenedAt, ...row }) => ({
      ...row,
      status: deriveReadingStatus({ firstOpenedAt, completedAt: row.completedAt, progress: row.progress }),
      therapistName: therapist.name,
      careActive: therapist.careAsTherapist.length > 0,
    }));
  }),

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
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.assignment.findFirst({
        where: ownAssignment(ctx.user.id, input.id),
        select: {
          id: true,
          note: true,
          dueAt: true,
          firstOpenedAt: true,
          lastOpenedAt: true,
          openCount: true,
          progress: true,
          completedAt: true,
          therapist: { select: therapistSelect(ctx.user.id) },
          resource: {
            select: { title: true, summary: true, body: true, url: true, kind: true, readingMinutes: true, contentNote: true, contentIntensity: true },
          },
          reflection: { select: { rating: true, body: true, sharedWithTherapist: true, updatedAt: true } },
        },
      });
      if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
      const { therapist, firstOpenedAt, lastOpenedAt, openCount, progress, completedAt, ...rest } = row;
      return {
        ...rest,
        therapistName: therapist.name,
        careActive: therapist.careAsTherapist.length > 0,
        tracking: { firstOpenedAt, lastOpenedAt, openCount, progress, completedAt },
      };
    }),

  /** Exactly what the therapist can see about this reading: the same view and timeline they get. */
  therapistView: clientProcedure
    .input(z.object({ id: entityId }))
    .output(z.object({ therapistName: outputText(), careActive: z.boolean(), tracking: trackingView, events: z.array(timelineEntry) }))
    .query(async ({ ctx, input }) => {
      const row = await ctx.db.assignment.findFirst({
        where: ownAssignment(ctx.user.id, input.id),
        select: { ...trackingViewSelect, therapist: { select: therapistSelect(ctx.user.id) } },
      });
      if (!row) throw new AppError("NOT_FOUND", NOT_FOUND_MESSAGE);
      const careActive = row.therapist.careAsTherapist.length > 0;
      return {
        therapistName: row.therapist.name,
        careActive,
        tracking: toTrackingView(row),
        events: await clientTimeline(ctx.db, { id: input.id, clientId: ctx.user.id }, 30),
      };
    }),

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
