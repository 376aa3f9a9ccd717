"use client";
import { useId, type RefObject } from "react";
import { Button } from "@/components/ui/Button";
import { Select } from "@/components/ui/Select";
import { LISTEN_RATES, useListen, type ListenState } from "./use-listen";

const STATUS: Record<ListenState, string> = {
  idle: "",
  playing: "Reading aloud.",
  paused: "Paused.",
  finished: "Finished reading aloud.",
};

/**
 * "Listen": the reading read aloud by this device's own voice (nothing is sent anywhere), with
 * pause/resume, stop and speed; the sentence being read is highlighted and kept in view. Not shown
 * when the browser has no voice on this device.
 */
export function ListenControls({ bodyRef, onFinished }: { bodyRef: RefObject<HTMLElement | null>; onFinished: () => void }) {
  const { available, state, rate, position, play, pause, stop, setRate } = useListen(bodyRef, onFinished);
  const rateId = useId();
  if (!available) return null;

  const playing = state === "playing";
  return (
    <section aria-label="Listen" className="flex flex-col gap-2 rounded-xl border border-border-subtle bg-surface p-3 print:hidden">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={playing ? pause : play}>
          <span aria-hidden="true">{playing ? "❚❚" : "▶"}</span>
          {playing ? "Pause" : state === "paused" ? "Resume" : state === "finished" ? "Listen again" : "Listen"}
        </Button>
        {state === "playing" || state === "paused" ? (
          <Button variant="ghost" onClick={stop}>
            Stop
          </Button>
        ) : null}
        <div className="flex items-center gap-2">
          <label htmlFor={rateId} className="text-sm text-muted">
            Speed
          </label>
          <Select id={rateId} value={String(rate)} onChange={(event) => setRate(Number(event.currentTarget.value))} className="w-auto">
            {LISTEN_RATES.map((value) => (
              <option key={value} value={String(value)}>
                {value}×
              </option>
            ))}
          </Select>
        </div>
      </div>
      <p className="flex flex-wrap gap-x-2 text-sm text-muted">
        {/* Announced when it changes: playing, paused, finished (never every sentence). */}
        <span role="status">{STATUS[state]}</span>
        {state === "playing" || state === "paused" ? (
          <span>
            Sentence {position.index + 1} of {position.total}
          </span>
        ) : null}
      </p>
    </section>
  );
}
