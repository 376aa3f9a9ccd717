// public/sw.js run in a VM with an in-memory Cache Storage and a scripted network: what it keeps,
// what it serves offline, what it never touches, and that it wipes itself when told or when the
// server says the session is gone.
import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { beforeEach, describe, expect, it } from "vitest";

const ORIGIN = "https://haven.test";
const source = fs.readFileSync(path.resolve(import.meta.dirname, "../../public/sw.js"), "utf8");

class MemoryCache {
  entries = new Map<string, Response>();
  private key(request: RequestInfo | URL) {
    return new URL(typeof request === "string" ? request : request instanceof URL ? request.href : request.url, ORIGIN).href;
  }
  async match(request: RequestInfo | URL) {
    return this.entries.get(this.key(request))?.clone();
  }
  async put(request: RequestInfo | URL, response: Response) {
    this.entries.set(this.key(request), response);
  }
}

class MemoryCacheStorage {
  caches = new Map<string, MemoryCache>();
  async open(name: string) {
    if (!this.caches.has(name)) this.caches.set(name, new MemoryCache());
    return this.caches.get(name)!;
  }
  async keys() {
    return [...this.caches.keys()];
  }
  async delete(name: string) {
    return this.caches.delete(name);
  }
  async match(request: RequestInfo | URL) {
    for (const cache of this.caches.values()) {
      const hit = await cache.match(request);
      if (hit) return hit;
    }
    return undefined;
  }
}

type Listener = (event: Record<string, unknown>) => void;

function load(network: (url: string, init?: RequestInit) => Promise<Response>) {
  const listeners = new Map<string, Listener>();
  const storage = new MemoryCacheStorage();
  const fetched: { url: string; init?: RequestInit }[] = [];
  const self = {
    location: new URL(ORIGIN),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
    skipWaiting: () => undefined,
    clients: { claim: async () => undefined },
  };
  const context = vm.createContext({
    self,
    caches: storage,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(typeof input === "string" ? input : input instanceof URL ? input.href : input.url, ORIGIN).href;
      fetched.push({ url, init });
      return network(url, init);
    },
    URL,
    Response,
    Set,
    Promise,
  });
  vm.runInContext(source, context);
  async function message(data: unknown) {
    let waited: Promise<unknown> = Promise.resolve();
    let reply: unknown;
    listeners.get("message")!({ data, ports: [{ postMessage: (m: unknown) => (reply = m) }], waitUntil: (p: Promise<unknown>) => (waited = p) });
    await waited;
    return reply;
  }
  function fetchEvent(url: string, init: { method?: string; mode?: string } = {}) {
    let responded: Promise<Response> | null = null;
    listeners.get("fetch")!({
      request: { url: new URL(url, ORIGIN).href, method: init.method ?? "GET", mode: init.mode ?? "navigate" },
      respondWith: (p: Promise<Response>) => (responded = p),
    });
    return responded as Promise<Response> | null;
  }
  return { storage, fetched, message, fetchEvent };
}

const page = (body: string) =>
  new Response(`<html><script src="/_next/static/chunks/app-${body}.js"></script><body>${body}</body></html>`, { headers: { "content-type": "text/html" } });

describe("service worker (public/sw.js)", () => {
  let online = true;
  let sessionEnded = false;
  const network = async (url: string) => {
    if (!online) throw new TypeError("Failed to fetch");
    const { pathname } = new URL(url);
    if (sessionEnded) return Object.defineProperty(new Response(null, { status: 200 }), "type", { value: "opaqueredirect" });
    if (pathname.startsWith("/_next/static/")) return new Response("js", { headers: { "content-type": "text/javascript" } });
    return page(pathname);
  };
  beforeEach(() => {
    online = true;
    sessionEnded = false;
  });

  it("keeps only reading pages (as a prefetch, so no open is recorded) and the static files they name", async () => {
    const sw = load(network);
    await sw.message({ type: "keep", urls: ["/client", "/client/readings/a1", "/client/readings/a1?ready=1", "/therapist", "https://evil.test/client", "/client/readings/a1/extra"] });
    const kept = [...(await sw.storage.open("haven-offline-v1")).entries.keys()].map((u) => u.replace(ORIGIN, ""));
    expect(kept.sort()).toEqual(
      ["/client", "/client/readings/a1", "/client/readings/a1?ready=1", "/_next/static/chunks/app-/client.js", "/_next/static/chunks/app-/client/readings/a1.js"].sort(),
    );
    const pageFetch = sw.fetched.find((f) => f.url.endsWith("/client/readings/a1"))!;
    expect((pageFetch.init?.headers as Record<string, string>)["x-purpose"]).toBe("prefetch");
  });

  it("serves a kept reading when the network is gone, and leaves everything else alone", async () => {
    const sw = load(network);
    await sw.message({ type: "keep", urls: ["/client/readings/a1"] });
    online = false;
    const served = await sw.fetchEvent("/client/readings/a1")!;
    expect(await served.text()).toContain("/client/readings/a1");
    // A reading that was never kept: the network error stands (the browser shows it is offline).
    await expect(sw.fetchEvent("/client/readings/other")!).rejects.toThrow("Failed to fetch");
    expect(sw.fetchEvent("/api/reading/progress", { method: "POST", mode: "cors" })).toBeNull();
    expect(sw.fetchEvent("/api/trpc/reading.list", { mode: "cors" })).toBeNull();
    expect(sw.fetchEvent("https://elsewhere.test/client/readings/a1")).toBeNull();
  });

  it("wipes everything when told to", async () => {
    const sw = load(network);
    await sw.message({ type: "keep", urls: ["/client/readings/a1"] });
    expect(await sw.message({ type: "wipe" })).toEqual({ wiped: true });
    expect(await sw.storage.keys()).toEqual([]);
  });

  it("wipes everything when the server says the session is gone", async () => {
    const sw = load(network);
    await sw.message({ type: "keep", urls: ["/client/readings/a1"] });
    sessionEnded = true;
    await sw.fetchEvent("/client/readings/a1")!;
    expect(await sw.storage.keys()).toEqual([]);
    // And keeping again while signed out keeps nothing.
    expect(await sw.message({ type: "keep", urls: ["/client/readings/a1"] })).toEqual({ kept: false, signedOut: true });
    expect(await sw.storage.keys()).toEqual([]);
  });
});
