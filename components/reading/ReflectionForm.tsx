"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { Textarea } from "@/components/ui/Textarea";
import { useToast } from "@/components/ui/ToastProvider";
import { MAX_REFLECTION_LENGTH } from "@/server/schemas/assignment";
import { classify, type ReportQueue } from "./report-queue";

const RATINGS = [
  { value: "none", label: "I'd rather not say" },
  { value: "1", label: "1 · It was hard" },
  { value: "2", label: "2 · A bit difficult" },
  { value: "3", label: "3 · Somewhere in between" },
  { value: "4", label: "4 · Helpful" },
  { value: "5", label: "5 · Really helpful" },
];

export type OwnReflection = { rating: number | null; body: string; sharedWithTherapist: boolean };

/** "How did this land?" — an optional rating and words, private unless the client ticks "share". */
export function ReflectionForm({
  assignmentId,
  therapistName,
  initial,
  queue = null,
}: {
  assignmentId: string;
  therapistName: string;
  initial: OwnReflection | null;
  /** When saving fails for a passing reason (offline, an outage), the reflection waits here to be sent. */
  queue?: ReportQueue | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [rating, setRating] = useState(initial?.rating ? String(initial.rating) : "none");
  const [body, setBody] = useState(initial?.body ?? "");
  const [shared, setShared] = useState(initial?.sharedWithTherapist ?? false);
  const [kept, setKept] = useState(false);
  const reflect = useMutation(
    trpc.reading.reflect.mutationOptions({
      // Offline, fail at once (and keep the reflection in the queue) rather than wait paused.
      networkMode: "always",
      onMutate: () => setKept(false),
      onError: (error, input) => {
        const status = (error as { data?: { httpStatus?: number } | null }).data?.httpStatus;
        const outcome = typeof status === "number" ? classify(status) : "retry";
        if (!queue || (outcome !== "retry" && outcome !== "signin")) return;
        queue.reflection(assignmentId, { rating: input.rating ?? null, body: input.body ?? "", sharedWithTherapist: input.sharedWithTherapist ?? false });
        setKept(true);
        void queue.flush();
      },
      onSuccess: async (saved) => {
        toast.show(saved.sharedWithTherapist ? `Saved and shared with ${therapistName}.` : "Saved. Only you can see it.", { tone: "success" });
        await queryClient.invalidateQueries(trpc.reading.pathFilter());
      },
    }),
  );
  const errors = fieldErrorsOf(reflect.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    reflect.mutate({ id: assignmentId, rating: rating === "none" ? null : Number(rating), body, sharedWithTherapist: shared });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate aria-labelledby="reflection-heading">
      <h2 id="reflection-heading" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        How did this land?
      </h2>
      <p className="text-muted">Entirely optional. Whatever you write stays private unless you choose to share it.</p>
      <RadioGroup legend="How it felt to read" name="rating" options={RATINGS} value={rating} onValueChange={setRating} layout="column" />
      <Field label="Your reflection" optional hint={`Up to ${MAX_REFLECTION_LENGTH} characters.`} error={errors.body}>
        {(p) => <Textarea {...p} name="body" rows={5} maxLength={MAX_REFLECTION_LENGTH} value={body} onChange={(e) => setBody(e.target.value)} />}
      </Field>
      <Checkbox
        name="sharedWithTherapist"
        checked={shared}
        onChange={(e) => setShared(e.currentTarget.checked)}
        label={`Share my rating and reflection with ${therapistName}`}
        hint="Leave this unticked to keep them just for you. You can change your mind later."
      />
      {kept ? (
        <Notice tone="info" live>
          Your reflection is kept on this device and will be saved as soon as Haven can be reached.
        </Notice>
      ) : reflect.isError && !errors.body ? (
        <Notice tone="error" live>
          {messageOf(reflect.error)}
        </Notice>
      ) : null}
      <div>
        <Button type="submit" loading={reflect.isPending}>
          Save reflection
        </Button>
      </div>
    </form>
  );
}
