// Issue 9 item 2: the client's address and host come from the connection, never from headers the
// client wrote — unless TRUST_PROXY says a proxy we run sits in front, and then only the
// configured number of hops is peeled from the right of X-Forwarded-For.
//
// A real Node HTTP server with the same request stamp `next start` gets from instrumentation.ts;
// its listener turns the Node request into Fetch headers (as Next.js does) and runs Haven's own
// code: requestMetaFrom → authenticate (throttle + audit row), isSameOriginRequest.
import http from "node:http";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { installPeerStamp, uninstallPeerStamp } from "../../server/request/client-address";
import { getDb } from "../../server/db";
import { proxyTrust, resetEnvForTests } from "../../server/env";
import { isSameOriginRequest } from "../../server/request/guards";
import { requestMetaFrom } from "../../server/request/meta";
import { authenticate, IP_FAILURES_PER_15_MIN } from "../../server/services/accounts/sign-in";
import { createClientOf, createTherapist, TEST_PASSWORD } from "../support/factories";

const PORT = 4231;
const BASE = `http://127.0.0.1:${PORT}`;
let server: http.Server;

function fetchHeaders(request: http.IncomingMessage): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers.set(key, value);
    else if (Array.isArray(value)) headers.set(key, value.join(", "));
  }
  return headers;
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", async () => {
      const headers = fetchHeaders(req);
      const meta = requestMetaFrom(headers);
      let result: unknown;
      if (req.url === "/signin") {
        const { email, password } = JSON.parse(body) as { email: string; password: string };
        const user = await authenticate(getDb(), { email, password }, meta);
        result = { ip: meta.ip, requestId: meta.requestId, signedIn: Boolean(user) };
      } else if (req.url === "/origin") {
        result = { sameOrigin: isSameOriginRequest(new Request(`${BASE}${req.url}`, { method: "POST", headers })) };
      } else {
        result = { ip: meta.ip };
      }
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(PORT, "127.0.0.1", resolve));
});

afterAll(async () => {
  uninstallPeerStamp();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(() => {
  vi.unstubAllEnvs();
  resetEnvForTests();
});

function trust(on: boolean, hops?: number) {
  vi.stubEnv("TRUST_PROXY", on ? "true" : "false");
  vi.stubEnv("TRUST_PROXY_HOPS", hops === undefined ? (undefined as unknown as string) : String(hops));
  resetEnvForTests();
  installPeerStamp(proxyTrust());
}

async function post(path: string, headers: Record<string, string>, body: unknown = {}) {
  const response = await fetch(`${BASE}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  return (await response.json()) as Record<string, unknown>;
}

describe("TRUST_PROXY=false (the default)", () => {
  beforeEach(() => trust(false));

  it("takes the socket address, whatever X-Forwarded-For, X-Real-IP and the stamp header say", async () => {
    const seen = await post("/whoami", {
      "x-forwarded-for": "198.51.100.1, 198.51.100.2",
      "x-real-ip": "198.51.100.3",
      forwarded: "for=198.51.100.4",
      "x-haven-peer": "forged 198.51.100.5",
    });
    expect(seen.ip).toBe("127.0.0.1");
  });

  it("does not let a forged X-Forwarded-For per attempt get around the per-address sign-in throttle", async () => {
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    for (let i = 0; i < IP_FAILURES_PER_15_MIN; i++) {
      // Unknown emails: the per-account lockout stays out of it; only the address throttle counts.
      const attempt = await post("/signin", { "x-forwarded-for": `203.0.113.${i + 1}` }, { email: `nobody-${i}@example.test`, password: "wrong" });
      expect(attempt).toMatchObject({ signedIn: false, ip: "127.0.0.1" });
    }
    const rightPassword = await post("/signin", { "x-forwarded-for": "192.0.2.200" }, { email: client.email, password: TEST_PASSWORD });
    expect(rightPassword).toMatchObject({ signedIn: false, ip: "127.0.0.1" });

    // The audit trail names the real address, never a forged one.
    const events = await getDb().auditEvent.findMany({ where: { action: "auth.sign_in_failed" }, select: { ip: true, detail: true } });
    expect(events.length).toBeGreaterThan(IP_FAILURES_PER_15_MIN);
    expect(new Set(events.map((event) => event.ip))).toEqual(new Set(["127.0.0.1"]));
    expect(events.some((event) => (event.detail as { reason?: string }).reason === "address_throttled")).toBe(true);
    await getDb().rateLimit.deleteMany({});
  });

  it("a forged X-Forwarded-Host does not make a cross-origin POST pass the Origin check", async () => {
    const seen = await post("/origin", { origin: "https://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(seen.sameOrigin).toBe(false);
    const own = await post("/origin", { origin: BASE });
    expect(own.sameOrigin).toBe(true);
  });

  it("ignores X-Forwarded-Host in the Origin check even on a request the server did not stamp", () => {
    const forged = new Request(`${BASE}/api/trpc/account.changePassword`, {
      method: "POST",
      headers: { origin: "https://evil.example", host: "127.0.0.1:4231", "x-forwarded-host": "evil.example" },
    });
    expect(isSameOriginRequest(forged)).toBe(false);
  });
});

describe("TRUST_PROXY=true", () => {
  it("with one hop (the default), the address the proxy appended counts, not the client's own entries", async () => {
    trust(true);
    // The client sent "X-Forwarded-For: 198.51.100.66"; our proxy appended the address it saw.
    const seen = await post("/whoami", { "x-forwarded-for": "198.51.100.66, 192.0.2.10" });
    expect(seen.ip).toBe("192.0.2.10");
    // Without the header, the socket is the client.
    expect((await post("/whoami", {})).ip).toBe("127.0.0.1");
  });

  it("with two hops, peels two from the right", async () => {
    trust(true, 2);
    const seen = await post("/whoami", { "x-forwarded-for": "198.51.100.66, 192.0.2.10, 10.0.0.2" });
    expect(seen.ip).toBe("192.0.2.10");
    // A shorter chain than the configured hops: the leftmost entry is the best there is.
    expect((await post("/whoami", { "x-forwarded-for": "192.0.2.11" })).ip).toBe("192.0.2.11");
  });

  it("counts a rotating forged first entry as one address for the throttle", async () => {
    trust(true);
    for (let i = 0; i < IP_FAILURES_PER_15_MIN; i++) {
      await post("/signin", { "x-forwarded-for": `203.0.113.${i + 1}, 192.0.2.77` }, { email: `nobody-${i}@example.test`, password: "wrong" });
    }
    const therapist = await createTherapist();
    const client = await createClientOf(therapist);
    const blocked = await post("/signin", { "x-forwarded-for": "203.0.113.250, 192.0.2.77" }, { email: client.email, password: TEST_PASSWORD });
    expect(blocked).toMatchObject({ signedIn: false, ip: "192.0.2.77" });
    // Another real client behind the same proxy is not affected.
    const other = await post("/signin", { "x-forwarded-for": "192.0.2.78" }, { email: client.email, password: TEST_PASSWORD });
    expect(other).toMatchObject({ signedIn: true, ip: "192.0.2.78" });
  });

  it("believes X-Forwarded-Host only from the trusted hop", async () => {
    trust(true);
    vi.stubEnv("APP_URL", "https://haven.example");
    resetEnvForTests();
    expect((await post("/origin", { origin: "https://haven.example", "x-forwarded-host": "haven.example" })).sameOrigin).toBe(true);
    expect((await post("/origin", { origin: "https://evil.example", "x-forwarded-host": "evil.example, haven.example" })).sameOrigin).toBe(false);
  });
});
