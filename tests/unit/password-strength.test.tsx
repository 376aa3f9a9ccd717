import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { PasswordStrengthMeter } from "../../components/ui/PasswordStrengthMeter";
import { loadPasswordDictionaries, scorePassword } from "../../server/schemas/password-strength";

describe("scorePassword before the dictionaries arrive (the page's first moments)", () => {
  it("already marks down repeats, sequences, keyboard runs and Haven's own words", () => {
    expect(scorePassword("aaaaaaaaaaaaaaaa").score).toBe(1);
    expect(scorePassword("abcdefghijklmnop").score).toBe(1);
    expect(scorePassword("qwertyuiop12").score).toBe(1);
    expect(scorePassword("havenhaven12").score).toBeLessThanOrEqual(2);
  });
});

describe("scorePassword (zxcvbn-ts with its dictionaries)", () => {
  beforeAll(() => loadPasswordDictionaries());

  it("calls anything under 12 characters too short, whatever it contains", () => {
    expect(scorePassword("")).toMatchObject({ score: 0, label: "Too short" });
    expect(scorePassword("X9$kq!Lm2#")).toMatchObject({ score: 0, label: "Too short" });
  });

  it("rates a passphrase of unrelated words as strong, with nothing more to suggest", () => {
    expect(scorePassword("copper lantern meadow quietly")).toEqual({ score: 4, label: "Strong", suggestion: null });
  });

  it("rates twelve plain lower-case letters no better than fair", () => {
    expect(scorePassword("kettlebridge").score).toBeLessThanOrEqual(2);
  });

  it("marks down repeated and sequential characters", () => {
    expect(scorePassword("aaaaaaaaaaaaaaaa").score).toBe(1);
    expect(scorePassword("abcdefghijklmnop").score).toBe(1);
    expect(scorePassword("mnopqrstuvwx").suggestion).toMatch(/repeated or sequential/);
  });

  it("marks down common words and passwords and says which one", () => {
    const result = scorePassword("password1234!");
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.suggestion).toMatch(/Avoid common words like "password/);
    expect(scorePassword("Summer2024!!").suggestion).toContain('"summer"');
    expect(scorePassword("Summer2024!!").score).toBeLessThan(4);
  });

  it("refuses well-known passwords: too short, or weak once long enough", () => {
    expect(scorePassword("password123").score).toBe(0);
    expect(scorePassword("password123456").score).toBe(1);
    expect(scorePassword("iloveyou1234").score).toBe(1);
  });

  it("marks down a password built from the person's own name or email", () => {
    const plain = scorePassword("jordanlee-river7");
    const personal = scorePassword("jordanlee-river7", ["Jordan Lee", "jordan.lee@example.org"]);
    expect(personal.score).toBeLessThan(plain.score);
    expect(personal.suggestion).toBe("Avoid your name or email address.");
  });

  it("scores grow with length", () => {
    const scores = ["kettlebridge", "kettle bridge", "kettle bridge lantern"].map((p) => scorePassword(p).score);
    expect(scores[0]).toBeLessThan(scores[2] ?? 0);
    expect([...scores].sort()).toEqual(scores);
  });
});

describe("PasswordStrengthMeter", () => {
  it("gives guidance before anything is typed", () => {
    expect(renderToStaticMarkup(<PasswordStrengthMeter password="" />)).toContain("At least 12 characters");
  });

  it("states the strength in words, not only colour", () => {
    const html = renderToStaticMarkup(<PasswordStrengthMeter id="s" password="copper lantern meadow quietly" />);
    expect(html).toContain("Strength: Strong.");
    expect(html).toContain('id="s"');
  });
});
