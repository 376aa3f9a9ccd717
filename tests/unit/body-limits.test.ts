// Issue 9 item 5: Next.js buffers request bodies in its proxy before Haven's cap runs; its own
// limit must match Haven's, not Next's 10 MB default.
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { MAX_BODY_BYTES } from "../../server/request/guards";

describe("framework body limits", () => {
  it("the proxy buffers about Haven's cap, with a margin over one socket read so truncation still shows", () => {
    const limit = nextConfig.experimental?.proxyClientMaxBodySize as number;
    expect(limit - MAX_BODY_BYTES).toBeGreaterThanOrEqual(2 * 64 * 1024);
    expect(limit).toBeLessThanOrEqual(MAX_BODY_BYTES + 512 * 1024);
  });

  it("server actions accept no more than Haven's cap", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe("1mb");
    expect(1024 * 1024).toBeGreaterThanOrEqual(MAX_BODY_BYTES);
  });
});
