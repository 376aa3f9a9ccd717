import { describe, expect, it } from "vitest";
import { countWords, readingMinutes, slugCandidate, slugify, splitForHighlight } from "../../server/schemas/library-text";

const words = (n: number) => Array.from({ length: n }, () => "calm").join(" ");

describe("reading minutes", () => {
  it("counts about 200 words a minute, rounding to the nearest minute", () => {
    expect(readingMinutes(words(200))).toBe(1);
    expect(readingMinutes(words(1000))).toBe(5);
    expect(readingMinutes(words(1099))).toBe(5);
    expect(readingMinutes(words(1100))).toBe(6);
    expect(readingMinutes(words(3000))).toBe(15);
  });

  it("never says less than one minute, even for an empty body", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("Just a line.")).toBe(1);
  });

  it("counts the words a reader sees, not Markdown syntax or link targets", () => {
    expect(countWords("## Heading here\n\n- one\n- two **bold**")).toBe(5);
    expect(countWords("[the NHS site](https://www.nhs.uk/mental-health/conditions/)")).toBe(3);
    expect(countWords("don't can’t 5-4-3-2-1")).toBe(7);
    expect(countWords("| a | b |\n|---|---|\n| c | d |")).toBe(4);
  });
});

describe("slugs", () => {
  it("makes lower-case, hyphenated, accent-free slugs", () => {
    expect(slugify("Self-compassion & You!")).toBe("self-compassion-you");
    expect(slugify("  Café notes: Grounding  ")).toBe("cafe-notes-grounding");
    expect(slugify("Don't panic")).toBe("dont-panic");
    expect(slugify("What is the window of tolerance?")).toBe("what-is-the-window-of-tolerance");
  });

  it("falls back when nothing usable is left", () => {
    expect(slugify("!!!")).toBe("resource");
    expect(slugify("日本語")).toBe("resource");
  });

  it("stays within 80 characters, cutting at a word boundary", () => {
    const slug = slugify("A very long title ".repeat(10));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.endsWith("-")).toBe(false);
  });

  it("numbers candidates -2, -3 and keeps them short enough", () => {
    expect(slugCandidate("calm", 1)).toBe("calm");
    expect(slugCandidate("calm", 2)).toBe("calm-2");
    expect(slugCandidate("x".repeat(80), 12)).toBe(`${"x".repeat(77)}-12`);
  });
});

describe("highlighting", () => {
  it("marks words that start with a stem, case-insensitively, and keeps everything else as text", () => {
    const parts = splitForHighlight("Self-compassion and compassionate care", ["compass"]);
    expect(parts).toEqual([
      { text: "Self-", match: false },
      { text: "compassion", match: true },
      { text: " and ", match: false },
      { text: "compassionate", match: true },
      { text: " care", match: false },
    ]);
    expect(parts.map((p) => p.text).join("")).toBe("Self-compassion and compassionate care");
  });

  it("returns the text untouched with no stems, and ignores one-letter stems", () => {
    expect(splitForHighlight("<b>Avoidant</b>", [])).toEqual([{ text: "<b>Avoidant</b>", match: false }]);
    expect(splitForHighlight("a b", ["a"])).toEqual([{ text: "a b", match: false }]);
    expect(splitForHighlight("<b>Avoidant</b>", ["avoid"])).toEqual([
      { text: "<b>", match: false },
      { text: "Avoidant", match: true },
      { text: "</b>", match: false },
    ]);
  });
});
