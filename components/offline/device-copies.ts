"use client";
// Everything Haven keeps on a device for one client — kept readings (Cache Storage and the
// service worker), queued reports and the offline bookkeeping in localStorage — and the one
// function that deletes it: signing out, Quick exit, turning offline reading off, and when the
// server says the session is gone.
import { clearAllReportQueues } from "@/components/reading/report-queue-browser";

export const OFFLINE_STORAGE_PREFIX = "haven:offline:";
export const OFFLINE_CACHE_PREFIX = "haven-";
export const SERVICE_WORKER_URL = "/sw.js";

function removeLocal(prefix: string) {
  try {
    for (const name of Object.keys(window.localStorage)) if (name.startsWith(prefix)) window.localStorage.removeItem(name);
  } catch {
    // Storage off: nothing was kept there.
  }
}

/**
 * Deletes the device's copies. The synchronous part (localStorage, telling the service worker)
 * happens before this returns, so it holds even when the page leaves at once (Quick exit): the
 * worker finishes the deletion on its own. `queues: false` keeps unsent reports (the session
 * merely timed out; they go once the same person signs in again).
 */
export function forgetDeviceCopies({ queues = true }: { queues?: boolean } = {}): Promise<void> {
  if (queues) clearAllReportQueues();
  removeLocal(OFFLINE_STORAGE_PREFIX);
  const sw = typeof navigator !== "undefined" && "serviceWorker" in navigator ? navigator.serviceWorker : null;
  try {
    sw?.controller?.postMessage({ type: "wipe" });
  } catch {
    // No worker in control: the steps below still run.
  }
  return (async () => {
    try {
      if (typeof caches !== "undefined") {
        for (const name of await caches.keys()) if (name.startsWith(OFFLINE_CACHE_PREFIX)) await caches.delete(name);
      }
      if (sw) for (const registration of await sw.getRegistrations()) await registration.unregister();
    } catch {
      // Storage access refused: nothing of ours can be there either.
    }
  })();
}
