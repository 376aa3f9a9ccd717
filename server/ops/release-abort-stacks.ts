// A memory leak found under load (issue 10): the server's heap grew by ≈ 130 KB per page view,
// without bound. Heap snapshots showed why. Next.js aborts a per-request AbortController when a
// request ends, with an Error as the reason. V8 keeps an Error's stack as structured frames —
// including each frame's `this` — until someone reads `error.stack`. Nobody does, and the abort
// runs inside a setImmediate callback, so the frames hold that Immediate. Node never unlinks run
// Immediates from each other (`_idlePrev`/`_idleNext`), and each Immediate carries the async
// context (AsyncLocalStorage store) of the request that queued it. So every finished request kept
// the requests queued beside it, and those kept theirs: one request held by anything long-lived
// (a module first loaded during a request, a pool connection opened then) held all of them.
//
// Reading `.stack` once turns the frames into a string and lets them go. This wraps
// AbortController.prototype.abort to do that for every reason, given or default, in the server
// process only (instrumentation.ts). Behaviour is unchanged: the same reason, the same signal.
const MARK = Symbol.for("haven.releaseAbortStacks");

export function releaseAbortStacks(): void {
  const proto = AbortController.prototype as AbortController & { [MARK]?: true };
  if (proto[MARK]) return;
  const abort = proto.abort;
  proto.abort = function abortReleasingStack(this: AbortController, reason?: unknown) {
    if (reason instanceof Error) void reason.stack;
    abort.call(this, reason);
    const settled: unknown = this.signal.reason;
    if (settled instanceof Error) void settled.stack;
  };
  proto[MARK] = true;
}
