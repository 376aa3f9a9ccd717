"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { applyDisplayAttributes, rememberThemeOnDevice } from "@/components/shell/apply-display";
import { useTRPC } from "@/server/trpc/react";
import { Card } from "@/components/ui/Card";
import { Checkbox } from "@/components/ui/Checkbox";
import { Notice } from "@/components/ui/Notice";
import { RadioGroup } from "@/components/ui/RadioGroup";
import {
  displayAttributes,
  preferencesUpdateInput,
  type Preferences,
  type PreferencesUpdate,
} from "@/server/schemas/preferences";

const TEXT_SIZE_OPTIONS = [
  { value: "s", label: "Small" },
  { value: "m", label: "Medium" },
  { value: "l", label: "Large" },
  { value: "xl", label: "Extra large" },
];
const LINE_SPACING_OPTIONS = [
  { value: "normal", label: "Normal" },
  { value: "relaxed", label: "Relaxed" },
  { value: "loose", label: "Loose" },
];
const THEME_OPTIONS = [
  { value: "system", label: "Follow my device" },
  { value: "light", label: "Light" },
  { value: "dark", label: "Dark" },
];

/** Show the change on this page at once; the server renders the same attributes on the next load. */
function applyToPage(preferences: Preferences) {
  applyDisplayAttributes(displayAttributes(preferences));
}

type Status = "idle" | "saving" | "saved" | "error";

export function PreferencesForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const queryKey = trpc.preferences.get.queryKey();
  const { data: preferences } = useSuspenseQuery(trpc.preferences.get.queryOptions());
  const [status, setStatus] = useState<Status>("idle");

  const update = useMutation(
    trpc.preferences.update.mutationOptions({
      onMutate: async (patch) => {
        await queryClient.cancelQueries({ queryKey });
        const previous = queryClient.getQueryData(queryKey);
        if (previous) {
          const next = { ...previous, ...patch } as Preferences;
          queryClient.setQueryData(queryKey, next);
          applyToPage(next);
        }
        setStatus("saving");
        return { previous };
      },
      onError: (_error, _patch, context) => {
        if (context?.previous) {
          queryClient.setQueryData(queryKey, context.previous);
          applyToPage(context.previous);
        }
        setStatus("error");
      },
      onSuccess: (saved, patch) => {
        queryClient.setQueryData(queryKey, saved);
        if (patch.theme) rememberThemeOnDevice(patch.theme);
        setStatus("saved");
        // Quick exit and tab titles are rendered by the client area's layout on the server.
        if (patch.quickExit !== undefined || patch.discreet !== undefined) router.refresh();
      },
    }),
  );

  const change = (patch: PreferencesUpdate) => {
    if (preferencesUpdateInput.safeParse(patch).success) update.mutate(patch);
  };

  return (
    <div className="flex max-w-2xl flex-col gap-8">
      <section aria-labelledby="reading-heading" className="flex flex-col gap-5">
        <h2 id="reading-heading" className="text-xl font-semibold">
          Reading
        </h2>
        <RadioGroup
          legend="Text size"
          name="textSize"
          layout="row"
          value={preferences.textSize}
          onValueChange={(value) => change({ textSize: value as Preferences["textSize"] })}
          options={TEXT_SIZE_OPTIONS}
        />
        <RadioGroup
          legend="Line spacing"
          name="lineSpacing"
          layout="row"
          value={preferences.lineSpacing}
          onValueChange={(value) => change({ lineSpacing: value as Preferences["lineSpacing"] })}
          options={LINE_SPACING_OPTIONS}
        />
        <Card as="section" aria-labelledby="preview-heading" className="bg-surface">
          <h3 id="preview-heading" className="text-sm font-medium text-muted">
            Preview
          </h3>
          <p className="reading mt-2">
            Take a slow breath. There is no rush here: you can read a little, pause, and come back
            whenever you&rsquo;re ready. Your place is kept for you.
          </p>
        </Card>
      </section>

      <section aria-labelledby="look-heading" className="flex flex-col gap-5">
        <h2 id="look-heading" className="text-xl font-semibold">
          Look and feel
        </h2>
        <RadioGroup
          legend="Colour theme"
          name="theme"
          layout="row"
          value={preferences.theme}
          onValueChange={(value) => change({ theme: value as Preferences["theme"] })}
          options={THEME_OPTIONS}
        />
        <Checkbox
          label="Reduce motion"
          hint="Turns off animations and smooth scrolling, even if your device allows them."
          checked={preferences.reduceMotion}
          onChange={(event) => change({ reduceMotion: event.currentTarget.checked })}
        />
      </section>

      <section aria-labelledby="privacy-heading" className="flex flex-col gap-5">
        <h2 id="privacy-heading" className="text-xl font-semibold">
          Privacy and safety
        </h2>
        <Checkbox
          label="Show the Quick exit button"
          hint="The button at the top of each page, or Escape pressed three times, opens a neutral website and signs you out."
          checked={preferences.quickExit}
          onChange={(event) => change({ quickExit: event.currentTarget.checked })}
        />
        <Checkbox
          label="Discreet tab titles"
          hint={'Browser tabs say "Reading" instead of naming Haven or the page.'}
          checked={preferences.discreet}
          onChange={(event) => change({ discreet: event.currentTarget.checked })}
        />
      </section>

      <div aria-live="polite" className="min-h-6 text-sm text-muted">
        {status === "saving" ? "Saving…" : status === "saved" ? "Saved. Your preferences are remembered." : null}
      </div>
      {status === "error" ? (
        <Notice tone="error" live>
          We couldn&rsquo;t save that change, so it has been put back. Check your connection and try again.
        </Notice>
      ) : null}
    </div>
  );
}
