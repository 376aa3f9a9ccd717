"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/server/trpc/react";
import { forgetDeviceCopies, OFFLINE_STORAGE_PREFIX, SERVICE_WORKER_URL } from "./device-copies";

/** Re-fetch the kept pages at most this often (and whenever the list of readings changed). */
export const REKEEP_AFTER_MS = 10 * 60 * 1000;
const KEPT_KEY = `${OFFLINE_STORAGE_PREFIX}kept`;

function askWorker(worker: ServiceWorker, message: unknown): Promise<unknown> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });
}

async function activeWorker(registration: ServiceWorkerRegistration): Promise<ServiceWorker | null> {
  if (registration.active) return registration.active;
  const pending = registration.installing ?? registration.waiting;
  if (!pending) return null;
  await new Promise<void>((resolve) => {
    pending.addEventListener("statechange", () => {
      if (pending.state === "activated" || pending.state === "redundant") resolve();
    });
  });
  return registration.active;
}

/**
 * On every client page: with "Keep my readings on this device" on, registers the service worker
 * and has it keep the client's assigned readings; off, makes sure nothing is kept.
 */
export function OfflineReading({ enabled }: { enabled: boolean }) {
  const trpc = useTRPC();
  const pages = useQuery(trpc.offline.pages.queryOptions(undefined, { enabled, staleTime: REKEEP_AFTER_MS }));
  const urls = pages.data?.urls;

  useEffect(() => {
    if (enabled || !("serviceWorker" in navigator)) return;
    // Off (or turned off on another device): forget kept readings; unsent reports stay queued.
    void navigator.serviceWorker.getRegistrations().then((registrations) => {
      if (registrations.length > 0) void forgetDeviceCopies({ queues: false });
    });
  }, [enabled]);

  useEffect(() => {
    if (!enabled || !urls || !("serviceWorker" in navigator)) return;
    let cancelled = false;
    void (async () => {
      try {
        const registration = await navigator.serviceWorker.register(SERVICE_WORKER_URL, { scope: "/" });
        const worker = await activeWorker(registration);
        if (!worker || cancelled || !navigator.onLine) return;
        const signature = urls.join(" ");
        const last = JSON.parse(window.localStorage.getItem(KEPT_KEY) ?? "null") as { at: number; signature: string } | null;
        if (last && last.signature === signature && Date.now() - last.at < REKEEP_AFTER_MS) return;
        const answer = (await askWorker(worker, { type: "keep", urls })) as { kept?: boolean } | undefined;
        if (answer?.kept && !cancelled) window.localStorage.setItem(KEPT_KEY, JSON.stringify({ at: Date.now(), signature }));
      } catch {
        // Not supported or refused (private mode): reading online works as always.
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [enabled, urls]);

  return null;
}
