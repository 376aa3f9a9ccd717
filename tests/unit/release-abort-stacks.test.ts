// server/ops/release-abort-stacks.ts: an abort reason's unread stack keeps every frame's `this`
// alive (in production, Immediates that chained finished requests together: an unbounded leak).
// The wrapper reads the stack at abort time, so the frames — and what they hold — can go.
import v8 from "node:v8";
import vm from "node:vm";
import { describe, expect, it } from "vitest";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

class Holder {
  // A method, so `this` (the Holder) is a frame's receiver when the reason is created.
  abortWithReason(controller: AbortController) {
    controller.abort(new Error("request finished"));
  }
  abortWithDefault(controller: AbortController) {
    controller.abort();
  }
}

async function holdersAliveAfter(abort: (holder: Holder, controller: AbortController) => void): Promise<number> {
  const controllers: AbortController[] = [];
  for (let i = 0; i < 20; i++) {
    const controller = new AbortController();
    abort(new Holder(), controller);
    controllers.push(controller); // the signal — and its reason — stay alive, as Next's do
  }
  await new Promise((resolve) => setImmediate(resolve));
  gc();
  const alive = (await v8.queryObjects(Holder, { format: "count" })) as number;
  expect(controllers.every((c) => c.signal.aborted)).toBe(true);
  return alive;
}

describe("releaseAbortStacks", () => {
  it("an unread abort reason keeps its frames' receivers alive; after the wrapper it does not", async () => {
    // Without the wrapper (a fresh prototype method is not installed yet): the leak the bench found.
    expect(await holdersAliveAfter((holder, controller) => holder.abortWithReason(controller))).toBeGreaterThan(0);
    const { releaseAbortStacks } = await import("../../server/ops/release-abort-stacks");
    releaseAbortStacks();
    releaseAbortStacks(); // installing twice wraps once
    expect(await holdersAliveAfter((holder, controller) => holder.abortWithReason(controller))).toBe(0);
    expect(await holdersAliveAfter((holder, controller) => holder.abortWithDefault(controller))).toBe(0);
  });

  it("keeps abort's behaviour: the given reason, the default AbortError, one abort event", async () => {
    const { releaseAbortStacks } = await import("../../server/ops/release-abort-stacks");
    releaseAbortStacks();
    const reason = new Error("done");
    const given = new AbortController();
    let events = 0;
    given.signal.addEventListener("abort", () => events++);
    given.abort(reason);
    given.abort(new Error("again"));
    expect(given.signal.reason).toBe(reason);
    expect(events).toBe(1);
    const plain = new AbortController();
    plain.abort();
    expect((plain.signal.reason as DOMException).name).toBe("AbortError");
    const value = new AbortController();
    value.abort("not an error");
    expect(value.signal.reason).toBe("not an error");
  });
});
