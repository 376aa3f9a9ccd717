"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent, type ReactNode } from "react";
import { fieldErrorsOf, messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { HARD_TIME_AT_OR_BELOW, MAX_CHECK_IN_WORDS, type GroundingPiece } from "@/server/schemas/worksheet";

const FEELINGS = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: String(n) }));

/**
 * "How are you feeling now?" after marking a reading done: optional, private unless shared, and
 * off entirely if the client turned it off in preferences. A hard time gets grounding pieces and
 * the "not for emergencies" notice, calmly — no alarms, no one is alerted.
 */
export function CheckInAfterReading({ assignmentId, therapistName, crisisNotice }: { assignmentId: string; therapistName: string; crisisNotice?: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const state = useQuery(trpc.checkIn.state.queryOptions({ id: assignmentId }));
  const [skipped, setSkipped] = useState(false);
  const [feeling, setFeeling] = useState("");
  const [words, setWords] = useState("");
  const [shared, setShared] = useState(false);
  const [grounding, setGrounding] = useState<GroundingPiece[] | null>(null);
  const save = useMutation(
    trpc.checkIn.save.mutationOptions({
      onSuccess: async (result) => {
        setGrounding(result.grounding);
        await queryClient.invalidateQueries(trpc.checkIn.state.queryFilter({ id: assignmentId }));
        await queryClient.invalidateQueries(trpc.reading.therapistView.queryFilter({ id: assignmentId }));
      },
    }),
  );
  const errors = fieldErrorsOf(save.error);

  if (!state.data || !state.data.promptEnabled || skipped) return null;
  const existing = state.data.checkIn;

  if (existing || grounding) {
    const hard = (existing?.feeling ?? Number(feeling)) <= HARD_TIME_AT_OR_BELOW;
    return (
      <section aria-labelledby="check-in-heading" className="flex flex-col gap-3" data-check-in="saved">
        <h2 id="check-in-heading" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
          Thank you for checking in
        </h2>
        <p className="text-muted">
          {existing?.sharedWithTherapist ? `You shared this with ${therapistName}.` : "This stays private: only you can see it."}
        </p>
        {hard ? (
          <div className="flex flex-col gap-3" data-check-in="hard-time">
            <p>
              It sounds like this is a hard moment. That makes sense after reading about things that matter. There is no rush — if it
              helps, one of these short pieces may help you settle:
            </p>
            {grounding?.length ? <GroundingLinks pieces={grounding} /> : <GroundingList />}
            {crisisNotice}
          </div>
        ) : null}
      </section>
    );
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (feeling === "") return;
    save.mutate({ id: assignmentId, feeling: Number(feeling), words, sharedWithTherapist: shared });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="check-in-heading" className="flex flex-col gap-4" data-check-in="form">
      <h2 id="check-in-heading" tabIndex={-1} className="text-xl font-semibold focus:outline-none">
        How are you feeling now?
      </h2>
      <p className="text-muted">If you like, take a moment to notice. You can skip this; you can also turn it off in your preferences.</p>
      <RadioGroup
        legend="How you feel right now, from 0 to 10"
        hint="0 means really struggling, 10 means settled and well."
        name="feeling"
        options={FEELINGS}
        value={feeling}
        onValueChange={setFeeling}
        className="[&>div]:flex-row [&>div]:flex-wrap [&>div]:gap-x-4"
        error={errors.feeling}
      />
      <Field label="A few words" optional hint={`Up to ${MAX_CHECK_IN_WORDS} characters.`} error={errors.words}>
        {(p) => <Input {...p} name="words" maxLength={MAX_CHECK_IN_WORDS} value={words} onChange={(e) => setWords(e.currentTarget.value)} />}
      </Field>
      <Checkbox
        name="shareCheckIn"
        checked={shared}
        onChange={(e) => setShared(e.currentTarget.checked)}
        label={`Share this check-in with ${therapistName}`}
        hint="Leave this unticked to keep it just for you."
      />
      {save.isError && !errors.feeling && !errors.words ? <Notice tone="error" live>{messageOf(save.error)}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" loading={save.isPending} disabled={feeling === ""}>
          Save check-in
        </Button>
        <Button type="button" variant="ghost" onClick={() => setSkipped(true)}>
          Skip
        </Button>
      </div>
    </form>
  );
}

function GroundingLinks({ pieces }: { pieces: GroundingPiece[] }) {
  return (
    <ul className="flex flex-col gap-2">
      {pieces.map((piece) => (
        <li key={piece.slug}>
          <Link href={`/client/grounding/${piece.slug}`} className="font-medium underline underline-offset-4">
            {piece.title}
          </Link>
          <span className="text-sm text-muted"> · about {piece.readingMinutes} min</span>
        </li>
      ))}
    </ul>
  );
}

/** On a later visit the pieces come from the server again. */
function GroundingList() {
  const trpc = useTRPC();
  const pieces = useQuery(trpc.checkIn.grounding.queryOptions());
  return pieces.data?.length ? <GroundingLinks pieces={pieces.data} /> : null;
}
