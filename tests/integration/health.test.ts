import { describe, expect, it } from "vitest";
import { GET } from "../../app/api/health/route";
import { getDb, setDbForTests, type Db } from "../../server/db";

describe("GET /api/health", () => {
  it("answers 200 ok when the database answers", async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 when the database does not", async () => {
    const real = getDb();
    setDbForTests({ $queryRaw: () => Promise.reject(new Error("connection refused")) } as unknown as Db);
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "unavailable" });
    } finally {
      setDbForTests(real);
    }
  });
});
