import { describe, expect, it } from "vitest";
import { splitSentences } from "@/components/reading/listen-text";

const pieces = (text: string) => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe("splitSentences (what Listen reads as one utterance)", () => {
  it("splits at sentence ends and trims the spaces between", () => {
    expect(pieces("The first sentence is calm. The second sentence is slow!  Is this a third?")).toEqual([
      "The first sentence is calm.",
      "The second sentence is slow!",
      "Is this a third?",
    ]);
  });

  it("keeps a heading or list item without a full stop as one piece", () => {
    expect(pieces("Breathing out")).toEqual(["Breathing out"]);
  });

  it("skips pieces with nothing to say", () => {
    expect(pieces("  …  ")).toEqual([]);
    expect(pieces("")).toEqual([]);
  });

  it("offsets point into the original text (for the highlight range)", () => {
    const text = "  One.   Two. ";
    for (const { start, end } of splitSentences(text)) expect(text.slice(start, end)).toMatch(/^(One|Two)\.$/);
  });

  it("an unbroken 300-character word is one sentence, not a crash", () => {
    const word = "x".repeat(300);
    expect(pieces(`${word}. Then more.`)).toEqual([`${word}.`, "Then more."]);
  });
});
