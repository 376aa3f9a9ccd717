import { describe, expect, it } from "vitest";
import { isUniqueViolation, mapDatabaseError } from "../../server/errors";
import { Prisma } from "../../server/generated/prisma/client";

const prismaError = (code: string) =>
  new Prisma.PrismaClientKnownRequestError("SELECT secret FROM users -- internal detail", { code, clientVersion: "7" });

describe("mapDatabaseError", () => {
  it("maps a unique violation to CONFLICT with a plain message", () => {
    const mapped = mapDatabaseError(prismaError("P2002"));
    expect(mapped?.code).toBe("CONFLICT");
    expect(mapped?.message).not.toMatch(/SELECT|users/);
    expect(isUniqueViolation(prismaError("P2002"))).toBe(true);
  });

  it("maps a missing record to NOT_FOUND", () => {
    expect(mapDatabaseError(prismaError("P2025"))?.code).toBe("NOT_FOUND");
  });

  it("maps an unreachable database to SERVICE_UNAVAILABLE without its text", () => {
    const mapped = mapDatabaseError(prismaError("P1001"));
    expect(mapped?.code).toBe("SERVICE_UNAVAILABLE");
    expect(mapped?.message).not.toMatch(/SELECT|users/);
  });

  it("leaves other errors to the generic handler", () => {
    expect(mapDatabaseError(prismaError("P2010"))).toBeNull();
    expect(mapDatabaseError(new Error("boom"))).toBeNull();
    expect(isUniqueViolation(new Error("P2002"))).toBe(false);
  });
});
