import { describe, expect, it } from "vitest";
import { fieldErrorsOf, fieldMessage, messageOf } from "@/components/forms/field-errors";

const refused = Object.assign(new Error("Check the form."), {
  data: { fieldErrors: { title: ["Give it a title.", "Too long."], body: [], note: undefined, odd: "not a list" } },
});

describe("form error helpers", () => {
  it("keeps the first message of each field the server refused", () => {
    expect(fieldErrorsOf(refused)).toEqual({ title: "Give it a title." });
    expect(fieldErrorsOf(null)).toEqual({});
    expect(fieldErrorsOf(new Error("x"))).toEqual({});
  });

  it("falls back to the error's own message", () => {
    expect(fieldMessage(refused, "title")).toBe("Give it a title.");
    expect(fieldMessage(refused, "body")).toBe("Check the form.");
    expect(messageOf(refused)).toBe("Check the form.");
    expect(messageOf("boom")).toBe("Something went wrong. Please try again.");
  });
});
