"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { messageOf } from "@/components/forms/field-errors";
import { flushReportsBeforeLeaving } from "@/components/reading/report-queue-browser";
import { useTRPC } from "@/server/trpc/react";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Notice } from "@/components/ui/Notice";
import { forgetDeviceCopies } from "./device-copies";

/** "Keep my readings on this device": off by default; turning it off deletes what was kept. */
export function OfflineReadingSetting() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.offline.get.queryOptions());
  const [message, setMessage] = useState<string | null>(null);
  // Shown at once; put back if the change could not be saved.
  const [checked, setChecked] = useState(data.enabled);
  const set = useMutation(
    trpc.offline.set.mutationOptions({
      onError: (_error, input) => setChecked(!input.enabled),
      onSuccess: async ({ enabled }) => {
        queryClient.setQueryData(trpc.offline.get.queryKey(), { enabled });
        if (!enabled) {
          await flushReportsBeforeLeaving(2000);
          await forgetDeviceCopies();
        }
        await queryClient.invalidateQueries(trpc.offline.pages.pathFilter());
        setMessage(enabled ? "Your readings are being kept on this device." : "Nothing is kept on this device any more.");
        // The client area's layout registers (or removes) the offline worker.
        router.refresh();
      },
    }),
  );

  return (
    <Card as="section" aria-labelledby="offline-heading" className="flex max-w-xl flex-col gap-3">
      <h2 id="offline-heading" className="text-lg font-semibold">
        Reading without a connection
      </h2>
      <Checkbox
        name="offlineReading"
        checked={checked}
        disabled={set.isPending}
        onChange={(event) => {
          const enabled = event.currentTarget.checked;
          setMessage(null);
          setChecked(enabled);
          set.mutate({ enabled });
        }}
        label="Keep my readings on this device"
        hint="Anyone who can open this device could then read them too, so leave this off on a shared or watched device."
      />
      {message ? (
        <p role="status" className="text-sm text-muted">
          {message}
        </p>
      ) : null}
      {set.isError ? (
        <Notice tone="error" live>
          {messageOf(set.error)}
        </Notice>
      ) : null}
    </Card>
  );
}
