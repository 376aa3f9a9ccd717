import { describe, expect, it } from "vitest";
import { routeForLog } from "../../server/ops/http-server";

describe("the route written to the request log", () => {
  it("drops the query string and hides tokens and ids", () => {
    expect(routeForLog("/therapist/library?q=attachment&page=2")).toBe("/therapist/library");
    expect(routeForLog("/invite/Zq3xv_9aK2mNpQrStUvWxYz0123456789abcdefGHIJ")).toBe("/invite/:token");
    expect(routeForLog("/reset-password/short-token")).toBe("/reset-password/:token");
    expect(routeForLog("/client/readings/cmi1x9k2f0000abcd1234efgh")).toBe("/client/readings/:id");
    expect(routeForLog("/therapist/library/understanding-anxious-attachment")).toBe("/therapist/library/understanding-anxious-attachment");
    expect(routeForLog("/api/trpc/library.search,assignment.list?batch=1&input=%7B%7D")).toBe("/api/trpc/library.search,assignment.list");
    expect(routeForLog(undefined)).toBe("/");
  });
});
