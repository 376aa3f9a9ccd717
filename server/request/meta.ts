import crypto from "node:crypto";
import { clientAddress } from "./client-address";
import { proxyTrust } from "../env";

export type RequestMeta = { requestId: string; ip: string | null };

/**
 * Request id and client address. The address is the socket's (stamped by the server, see
 * server/client-address.ts), or behind TRUST_PROXY the configured hop of X-Forwarded-For —
 * never a header the client wrote itself.
 */
export function requestMetaFrom(headers: Headers | null | undefined): RequestMeta {
  const requestId = headers?.get("x-request-id")?.slice(0, 64) || crypto.randomUUID();
  return { requestId, ip: clientAddress(headers, proxyTrust()) };
}
