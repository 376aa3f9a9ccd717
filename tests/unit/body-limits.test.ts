// Issue 9 item 5: Next.js buffers request bodies in its proxy before Haven's cap runs; its own
// limit must match Haven's, not Next's 10 MB default.
import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import { MAX_BODY_BYTES } from "../../server/http";

describe("framework body limits", () => {
  it("the proxy buffers at most one byte more than Haven's cap", () => {
    expect(nextConfig.experimental?.proxyClientMaxBodySize).toBe(MAX_BODY_BYTES + 1);
  });

  it("server actions accept no more than Haven's cap", () => {
    expect(nextConfig.experimental?.serverActions?.bodySizeLimit).toBe("1mb");
    expect(1024 * 1024).toBeGreaterThanOrEqual(MAX_BODY_BYTES);
  });
});
