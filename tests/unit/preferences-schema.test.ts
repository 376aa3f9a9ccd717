import { describe, expect, it } from "vitest";
import {
  DEFAULT_PREFERENCES,
  displayAttributes,
  parsePreferences,
  preferencesUpdateInput,
  storedTheme,
} from "../../server/schemas/preferences";

describe("stored preferences", () => {
  it("fills every default for an empty or missing value, with quick exit and discreet mode on", () => {
    for (const raw of [{}, null, undefined]) {
      expect(parsePreferences(raw)).toEqual({
        textSize: "m",
        lineSpacing: "normal",
        theme: "system",
        reduceMotion: false,
        quickExit: true,
        discreet: true,
      });
    }
  });

  it("keeps valid fields and replaces only the odd ones", () => {
    const parsed = parsePreferences({ textSize: "xl", lineSpacing: "huge", quickExit: false, discreet: "yes", extra: 1 });
    expect(parsed).toEqual({ ...DEFAULT_PREFERENCES, textSize: "xl", quickExit: false });
    expect(parsed).not.toHaveProperty("extra");
  });

  it("treats a non-object (array, string, number) as defaults", () => {
    for (const raw of [[], "dark", 42]) expect(parsePreferences(raw)).toEqual(DEFAULT_PREFERENCES);
  });

  it("knows whether a theme was chosen explicitly", () => {
    expect(storedTheme({ theme: "dark" })).toBe("dark");
    expect(storedTheme({ theme: "purple" })).toBeNull();
    expect(storedTheme({})).toBeNull();
    expect(storedTheme(["dark"])).toBeNull();
  });
});

describe("preference updates", () => {
  it("accepts a single valid change", () => {
    expect(preferencesUpdateInput.parse({ textSize: "l" })).toEqual({ textSize: "l" });
    expect(preferencesUpdateInput.parse({ quickExit: false })).toEqual({ quickExit: false });
  });

  it("refuses empty changes, unknown keys and values outside the choices", () => {
    expect(preferencesUpdateInput.safeParse({}).success).toBe(false);
    expect(preferencesUpdateInput.safeParse({ fontFamily: "Comic Sans" }).success).toBe(false);
    expect(preferencesUpdateInput.safeParse({ textSize: "xxl" }).success).toBe(false);
    expect(preferencesUpdateInput.safeParse({ theme: "<script>" }).success).toBe(false);
    expect(preferencesUpdateInput.safeParse({ reduceMotion: "true" }).success).toBe(false);
  });
});

describe("display attributes for <html>", () => {
  it("maps preferences to the data attributes globals.css reads", () => {
    expect(displayAttributes({ theme: "dark", textSize: "xl", lineSpacing: "loose", reduceMotion: true })).toEqual({
      "data-theme": "dark",
      "data-text-size": "xl",
      "data-line-spacing": "loose",
      "data-motion": "reduce",
    });
  });

  it("leaves data-motion off unless motion is reduced", () => {
    expect(displayAttributes(DEFAULT_PREFERENCES)["data-motion"]).toBeUndefined();
  });
});
