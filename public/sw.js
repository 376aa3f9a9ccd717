/* Haven's service worker: "Keep my readings on this device" (off by default).
 *
 * Registered only for a client who turned the option on (components/offline/OfflineReading.tsx).
 * It keeps the pages the server lists (offline.pages: "My readings" and each assigned reading)
 * plus the static files they need, in one Cache Storage cache, and serves them when the network
 * is unreachable. It never caches anything else, never touches POSTs (the page's report queue
 * sends progress, "done" and reflections itself), and deletes everything it holds when told to
 * ("wipe": sign-out, Quick exit, option off) or when the server says the session is gone (a
 * reading page redirects to /signin).
 */
const CACHE = "haven-offline-v1";
const MAX_ASSETS = 200;
const READING_PATH = /^\/client(\/readings\/[^/]+)?$/;

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name.startsWith("haven-") && name !== CACHE) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

async function wipe() {
  for (const name of await caches.keys()) await caches.delete(name);
}

/** Same-origin static files a page needs (scripts, styles, fonts), as written in its HTML. */
function assetsOf(html) {
  const found = new Set();
  for (const match of html.matchAll(/\/_next\/static\/[A-Za-z0-9_\-./~%]+/g)) {
    const url = match[0].replace(/[\\]+$/, "");
    if (!url.includes("..")) found.add(url);
    if (found.size >= MAX_ASSETS) break;
  }
  return [...found];
}

function isKeptPage(url) {
  return url.origin === self.location.origin && READING_PATH.test(url.pathname) && (url.search === "" || url.search === "?ready=1");
}

/** The server ended the session: the page answered with (or redirected to) the sign-in page. */
function sessionGone(response) {
  if (response.type === "opaqueredirect") return true;
  if (response.redirected && new URL(response.url).pathname === "/signin") return true;
  return false;
}

async function keep(urls) {
  const cache = await caches.open(CACHE);
  const assets = new Set();
  for (const path of urls) {
    const url = new URL(path, self.location.origin);
    if (!isKeptPage(url)) continue;
    let response;
    try {
      // "prefetch": keeping a copy is not opening a reading (the server records no open).
      response = await fetch(url, { credentials: "same-origin", redirect: "manual", headers: { "x-purpose": "prefetch" }, cache: "no-store" });
    } catch {
      return { kept: false };
    }
    if (sessionGone(response) || response.status === 401) {
      await wipe();
      return { kept: false, signedOut: true };
    }
    if (!response.ok || !(response.headers.get("content-type") ?? "").includes("text/html")) continue;
    const html = await response.clone().text();
    for (const asset of assetsOf(html)) assets.add(asset);
    await cache.put(url, response);
  }
  for (const asset of assets) {
    if (await cache.match(asset)) continue;
    try {
      const response = await fetch(asset, { credentials: "same-origin" });
      if (response.ok) await cache.put(asset, response);
    } catch {
      // Offline halfway: what is kept so far still works.
    }
  }
  return { kept: true };
}

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  const reply = (message) => event.ports?.[0]?.postMessage(message);
  if (data.type === "wipe") {
    event.waitUntil(wipe().then(() => reply({ wiped: true })));
  } else if (data.type === "keep" && Array.isArray(data.urls)) {
    event.waitUntil(keep(data.urls.slice(0, 200).filter((u) => typeof u === "string")).then(reply));
  }
});

async function fromNetworkElseKept(request, url) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (sessionGone(response)) {
      await wipe();
      return response;
    }
    // A fresher copy of a page already kept replaces it (never adds new pages here).
    if (response.ok && (await cache.match(url.href, { ignoreVary: true }))) await cache.put(url.href, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(url.href, { ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith("/_next/static/")) {
    // Content-hashed, immutable: a kept copy is as good as the network's.
    event.respondWith(caches.match(request).then((kept) => kept ?? fetch(request)));
    return;
  }
  if (request.mode === "navigate" && isKeptPage(url)) {
    event.respondWith(fromNetworkElseKept(request, url));
  }
});
