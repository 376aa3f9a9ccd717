// A search cursor is opaque base64 from the caller: what it decodes to must obey the same
// storable-text rule as every other input (a NUL inside was a 500, PostgreSQL 22021).
import { describe, expect, it } from "vitest";
import { createTherapist } from "../support/factories";
import { callerFor } from "../support/factories";

const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

describe("library.search with a forged cursor", () => {
  it("answers BAD_REQUEST for NUL bytes and lone surrogates inside the cursor", async () => {
    const therapist = await createTherapist();
    for (const sort of ["title", "newest", "relevance", "length"] as const) {
      for (const cursor of [
        encode({ v: 2, s: sort, k: "a\u0000b", i: "x" }),
        encode({ v: 2, s: sort, k: "a", i: "x\u0000" }),
        encode({ v: 2, s: sort, k: "\uD800", i: "x" }),
      ]) {
        await expect(callerFor(therapist).library.search({ q: sort === "relevance" ? "calm" : "", sort, cursor }), `${sort} ${cursor}`).rejects.toMatchObject({
          code: "BAD_REQUEST",
        });
      }
    }
  });
});
