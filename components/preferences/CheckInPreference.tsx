"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Checkbox } from "@/components/ui/Checkbox";
import { Notice } from "@/components/ui/Notice";

/** The client's own choice: ask "how are you feeling now?" after a reading, or not. Saved at once. */
export function CheckInPreference() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.checkIn.prompt.queryOptions());
  const setPrompt = useMutation(
    trpc.checkIn.setPrompt.mutationOptions({
      onSuccess: (saved) => queryClient.setQueryData(trpc.checkIn.prompt.queryKey(), saved),
    }),
  );
  const enabled = setPrompt.isPending && setPrompt.variables ? setPrompt.variables.enabled : data.enabled;
  return (
    <section aria-labelledby="check-in-preference-heading" className="mt-8 flex max-w-xl flex-col gap-2">
      <h2 id="check-in-preference-heading" className="text-lg font-semibold">
        After a reading
      </h2>
      <Checkbox
        name="checkInAfterReading"
        checked={enabled}
        onChange={(e) => setPrompt.mutate({ enabled: e.currentTarget.checked })}
        label="Ask how I'm feeling after I finish a reading"
        hint="Always optional and private unless you choose to share it."
      />
      {setPrompt.isError ? <Notice tone="error" live>{messageOf(setPrompt.error)}</Notice> : null}
    </section>
  );
}
