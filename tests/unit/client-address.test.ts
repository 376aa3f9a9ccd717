import { describe, expect, it } from "vitest";
import { clientAddress, normalizeAddress, PEER_HEADER, requestHost, requestIsHttps, socketAddress, stampRequest } from "../../server/request/client-address";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

function stamped(remoteAddress: string, headers: Record<string, string>, trustProxy = false): Headers {
  const request = { headers: { ...headers } } as unknown as IncomingMessage;
  stampRequest(request, { remoteAddress } as Socket, { trustProxy, hops: 1 });
  return new Headers(request.headers as Record<string, string>);
}

describe("client address", () => {
  it("a client-written stamp is never believed", () => {
    expect(socketAddress(new Headers({ [PEER_HEADER]: "anything 198.51.100.9" }))).toBeNull();
    expect(socketAddress(new Headers({ [PEER_HEADER]: "198.51.100.9" }))).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "198.51.100.9" }), { trustProxy: true, hops: 1 })).toBeNull();
  });

  it("the server's stamp replaces the client's copy and, without a trusted proxy, drops forwarding headers", () => {
    const headers = stamped("::ffff:192.0.2.5", { [PEER_HEADER]: "x 198.51.100.9", "x-forwarded-for": "198.51.100.9", "x-forwarded-host": "evil.example", "x-real-ip": "198.51.100.9", "x-forwarded-proto": "https" });
    expect(socketAddress(headers)).toBe("192.0.2.5");
    expect(headers.has("x-forwarded-for") || headers.has("x-forwarded-host") || headers.has("x-real-ip") || headers.has("x-forwarded-proto")).toBe(false);
    expect(clientAddress(headers, { trustProxy: false, hops: 1 })).toBe("192.0.2.5");
  });

  it("behind trusted proxies, peels the configured hops from the right", () => {
    const headers = stamped("10.0.0.1", { "x-forwarded-for": "198.51.100.9, 203.0.113.4, 10.0.0.2" }, true);
    expect(clientAddress(headers, { trustProxy: true, hops: 1 })).toBe("10.0.0.2");
    expect(clientAddress(headers, { trustProxy: true, hops: 2 })).toBe("203.0.113.4");
    expect(clientAddress(headers, { trustProxy: true, hops: 9 })).toBe("198.51.100.9");
    expect(clientAddress(headers, { trustProxy: false, hops: 1 })).toBe("10.0.0.1");
  });

  it("host and scheme headers count only behind a trusted proxy", () => {
    const headers = new Headers({ host: "haven.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(requestHost(headers, { trustProxy: false, hops: 1 })).toBe("haven.example");
    expect(requestHost(headers, { trustProxy: true, hops: 1 })).toBe("evil.example");
    expect(requestIsHttps(headers, "http://haven.example/", { trustProxy: false, hops: 1 })).toBe(false);
    expect(requestIsHttps(headers, "http://haven.example/", { trustProxy: true, hops: 1 })).toBe(true);
    expect(requestIsHttps(new Headers(), "https://haven.example/", { trustProxy: false, hops: 1 })).toBe(true);
  });

  it("keeps only address-like values", () => {
    expect(normalizeAddress("<script>")).toBeNull();
    expect(normalizeAddress("1".repeat(65))).toBeNull();
    expect(normalizeAddress(" 2001:db8::1 ")).toBe("2001:db8::1");
  });
});
