import { z } from "zod";

export const TEXT_SIZES = ["s", "m", "l", "xl"] as const;
export const LINE_SPACINGS = ["normal", "relaxed", "loose"] as const;
export const THEMES = ["system", "light", "dark"] as const;

export type TextSize = (typeof TEXT_SIZES)[number];
export type LineSpacing = (typeof LINE_SPACINGS)[number];
export type ThemePreference = (typeof THEMES)[number];

/** The device-level theme cookie: set in the browser, read by the server for signed-out pages. */
export const THEME_COOKIE = "haven-theme";

export const DEFAULT_PREFERENCES = {
  textSize: "m",
  lineSpacing: "normal",
  theme: "system",
  reduceMotion: false,
  quickExit: true,
  discreet: true,
} as const satisfies Record<string, string | boolean>;

/** The shape every reader gets back: every field present and valid. */
export const preferencesOutput = z.object({
  textSize: z.enum(TEXT_SIZES),
  lineSpacing: z.enum(LINE_SPACINGS),
  theme: z.enum(THEMES),
  reduceMotion: z.boolean(),
  quickExit: z.boolean(),
  discreet: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesOutput>;

/**
 * Reads User.preferences as stored. Each field falls back to its default on its own, so one
 * odd value (an older format, a hand edit) never wipes the others; safety features default on.
 */
export const storedPreferences = z
  .object({
    textSize: z.enum(TEXT_SIZES).catch(DEFAULT_PREFERENCES.textSize),
    lineSpacing: z.enum(LINE_SPACINGS).catch(DEFAULT_PREFERENCES.lineSpacing),
    theme: z.enum(THEMES).catch(DEFAULT_PREFERENCES.theme),
    reduceMotion: z.boolean().catch(DEFAULT_PREFERENCES.reduceMotion),
    quickExit: z.boolean().catch(DEFAULT_PREFERENCES.quickExit),
    discreet: z.boolean().catch(DEFAULT_PREFERENCES.discreet),
  })
  .catch({ ...DEFAULT_PREFERENCES });

export function parsePreferences(raw: unknown): Preferences {
  return storedPreferences.parse(raw ?? {});
}

/** The theme someone chose explicitly, or null when they never picked one (the device cookie decides). */
export function storedTheme(raw: unknown): ThemePreference | null {
  const theme = raw && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>).theme : undefined;
  return isThemePreference(theme) ? theme : null;
}

export function isThemePreference(value: unknown): value is ThemePreference {
  return typeof value === "string" && (THEMES as readonly string[]).includes(value);
}

/** A change to one or more preferences. Unknown keys are refused, not silently stored. */
export const preferencesUpdateInput = z
  .strictObject({
    textSize: z.enum(TEXT_SIZES, { error: "Choose one of the text sizes shown" }).optional(),
    lineSpacing: z.enum(LINE_SPACINGS, { error: "Choose one of the line spacings shown" }).optional(),
    theme: z.enum(THEMES, { error: "Choose system, light or dark" }).optional(),
    reduceMotion: z.boolean().optional(),
    quickExit: z.boolean().optional(),
    discreet: z.boolean().optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    error: "Choose a setting to change",
  });
export type PreferencesUpdate = z.infer<typeof preferencesUpdateInput>;

export type DisplayAttributes = {
  "data-theme"?: ThemePreference;
  "data-text-size"?: TextSize;
  "data-line-spacing"?: LineSpacing;
  "data-motion"?: "reduce";
};

/** The <html> attributes that globals.css reads; the server renders them and the browser updates them. */
export function displayAttributes(preferences: Pick<Preferences, "theme" | "textSize" | "lineSpacing" | "reduceMotion">): DisplayAttributes {
  return {
    "data-theme": preferences.theme,
    "data-text-size": preferences.textSize,
    "data-line-spacing": preferences.lineSpacing,
    "data-motion": preferences.reduceMotion ? "reduce" : undefined,
  };
}
