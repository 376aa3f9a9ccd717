"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState, useSyncExternalStore, type FormEvent } from "react";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Checkbox } from "@/components/ui/Checkbox";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { Notice } from "@/components/ui/Notice";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { Select } from "@/components/ui/Select";
import { DEFAULT_REMINDERS, type ReminderSettings, type ReminderSettingsUpdate } from "@/server/schemas/reminders";

const MODE_OPTIONS = [
  { value: "NEW_READING", label: "When something new is shared with me", hint: "A short note, at most once for each new reading, plus one reminder if a reading is due." },
  { value: "WEEKLY", label: "A weekly summary", hint: "One email on Monday saying how many readings are waiting. Nothing else." },
  { value: "OFF", label: "No reminders", hint: "Haven won't email you about readings. Your practitioner will see this choice." },
];

const noSubscribe = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function zones(current: string): string[] {
  const list = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  return list.includes(current) ? list : [current, ...list];
}

/**
 * The person's own reminder emails: which ones (clients), the weekly digest (therapists), quiet
 * hours and the time zone they are counted in. Emails never name a reading or what's in it.
 */
export function ReminderPreferences({ audience }: { audience: "client" | "therapist" }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useSuspenseQuery(trpc.reminders.get.queryOptions());
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.reminders.update.mutationOptions({
      onSuccess: (next) => {
        queryClient.setQueryData(trpc.reminders.get.queryKey(), next);
        setSaved(true);
      },
    }),
  );
  const change = (patch: ReminderSettingsUpdate) => {
    setSaved(false);
    update.mutate(patch);
  };
  const pending = update.isPending ? update.variables : undefined;
  const shown: ReminderSettings = { ...data, ...(pending?.mode ? { mode: pending.mode } : {}), ...(pending?.weeklyDigest !== undefined ? { weeklyDigest: pending.weeklyDigest } : {}) };
  // The device's zone is known only in the browser; the server renders without it (no hydration mismatch).
  const deviceZone = useSyncExternalStore(noSubscribe, browserZone, () => undefined);

  const saveQuiet = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const on = form.get("quietOn") === "on";
    change({
      quietHours: on ? { start: String(form.get("quietStart")), end: String(form.get("quietEnd")) } : null,
      timeZone: String(form.get("timeZone")),
    });
  };

  return (
    <section aria-labelledby="reminders-heading" className="mt-8 flex max-w-xl flex-col gap-5">
      <h2 id="reminders-heading" className="text-xl font-semibold">
        Reminder emails
      </h2>
      {audience === "client" ? (
        <RadioGroup
          legend="Email me"
          name="reminderMode"
          hint="Emails are plain and never name a reading or what's in it."
          value={shown.mode}
          onValueChange={(value) => change({ mode: value as ReminderSettings["mode"] })}
          options={MODE_OPTIONS}
        />
      ) : (
        <Checkbox
          name="weeklyDigest"
          label="Send me a weekly digest"
          hint="On Monday: how many readings each client opened and finished. Names and counts only, never content."
          checked={shown.weeklyDigest}
          onChange={(event) => change({ weeklyDigest: event.currentTarget.checked })}
        />
      )}
      <form onSubmit={saveQuiet} className="flex flex-col gap-4" aria-labelledby="quiet-heading">
        <h3 id="quiet-heading" className="text-lg font-semibold">
          Quiet hours
        </h3>
        <QuietHoursFields key={JSON.stringify([data.quietHours, data.timeZone, deviceZone])} settings={data} deviceZone={deviceZone} />
        <div>
          <Button type="submit" variant="secondary" loading={update.isPending && update.variables?.timeZone !== undefined}>
            Save quiet hours
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="min-h-6 text-sm text-muted">
        {update.isPending ? "Saving…" : saved ? "Saved." : null}
      </div>
      {update.isError ? (
        <Notice tone="error" live>
          {messageOf(update.error)}
        </Notice>
      ) : null}
    </section>
  );
}

function QuietHoursFields({ settings, deviceZone }: { settings: ReminderSettings; deviceZone: string | undefined }) {
  const [on, setOn] = useState(settings.quietHours !== null);
  const quiet = settings.quietHours ?? DEFAULT_REMINDERS.quietHours;
  const zone = settings.timeZone ?? deviceZone ?? settings.effectiveTimeZone;
  return (
    <>
      <Checkbox
        name="quietOn"
        label="Don't email me during quiet hours"
        hint="Anything due then waits until your quiet hours end."
        checked={on}
        onChange={(event) => setOn(event.currentTarget.checked)}
      />
      <div className="flex flex-wrap gap-4">
        <Field label="From">{(p) => <Input {...p} type="time" name="quietStart" defaultValue={quiet.start} disabled={!on} required className="w-36" />}</Field>
        <Field label="Until">{(p) => <Input {...p} type="time" name="quietEnd" defaultValue={quiet.end} disabled={!on} required className="w-36" />}</Field>
      </div>
      <Field label="Time zone" hint={settings.timeZone ? undefined : "Suggested from this device. Save to keep it."}>
        {(p) => (
          <Select {...p} name="timeZone" defaultValue={zone}>
            {zones(zone).map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        )}
      </Field>
    </>
  );
}
