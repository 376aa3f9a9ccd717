"use client";
import { useSyncExternalStore } from "react";
import { formatDate, type DateStyle } from "@/server/schemas/dates";

const subscribe = () => () => {};

/**
 * A date in the reader's own time zone. The server (and hydration) render it in UTC (times marked
 * "UTC"); right after hydration it switches to local time, so the two renders never disagree.
 */
export function LocalTime({ value, style = "dateTime" }: { value: Date; style?: DateStyle }) {
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  return <time dateTime={value.toISOString()}>{formatDate(value, style, { zone: hydrated ? "local" : "UTC" })}</time>;
}
