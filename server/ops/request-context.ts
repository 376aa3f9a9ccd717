// Per-request facts for the request log line: the custom server (server/serve.ts) opens a context
// around Next's handler; server code notes the signed-in user's id in it. Shared through
// globalThis, because the server and Next's bundles each load their own copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string; userId?: string };

const KEY = Symbol.for("haven.requestContext");
const holder = globalThis as unknown as { [KEY]?: AsyncLocalStorage<RequestContext> };

export const requestContext: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Records who made this request (an id, never an email). No-op outside the custom server. */
export function noteRequestUser(userId: string) {
  const store = requestContext.getStore();
  if (store) store.userId = userId;
}

/** The state of the process for /api/ready: "stopping" once a graceful shutdown began. */
const STATE = Symbol.for("haven.lifecycle");
const lifecycle = globalThis as unknown as { [STATE]?: { stopping: boolean } };
export function processLifecycle(): { stopping: boolean } {
  return (lifecycle[STATE] ??= { stopping: false });
}
