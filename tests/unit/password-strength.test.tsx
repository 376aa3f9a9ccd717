import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { PasswordStrengthMeter } from "../../components/ui/PasswordStrengthMeter";
import { scorePassword } from "../../server/schemas/password-strength";

describe("scorePassword", () => {
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

  it("marks down common words and says which one", () => {
    const result = scorePassword("password1234!");
    expect(result.score).toBeLessThanOrEqual(1);
    expect(result.suggestion).toContain('"password"');
  });

  it("marks down a password built from the person's own name or email", () => {
    const plain = scorePassword("jordanlee-river7");
    const personal = scorePassword("jordanlee-river7", ["Jordan Lee", "jordan.lee@example.org"]);
    expect(personal.score).toBeLessThan(plain.score);
    expect(personal.suggestion).toBe("Avoid your name or email address.");
  });

  it("scores grow with length", () => {
    const scores = ["tidepoolharb", "tidepool harbour", "tidepool harbour lantern"].map((p) => scorePassword(p).score);
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
