"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * A date in the reader's own time zone. The server (and hydration) render it in UTC, marked so;
 * right after hydration it switches to local time, so the two renders never disagree.
 */
export function LocalTime({ value, dateOnly = false }: { value: Date; dateOnly?: boolean }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const options: Intl.DateTimeFormatOptions = dateOnly ? { dateStyle: "medium" } : { dateStyle: "medium", timeStyle: "short" };
  const text = hydrated
    ? new Intl.DateTimeFormat("en-GB", options).format(value)
    : `${new Intl.DateTimeFormat("en-GB", { ...options, timeZone: "UTC" }).format(value)}${dateOnly ? "" : " UTC"}`;
  return <time dateTime={value.toISOString()}>{text}</time>;
}
