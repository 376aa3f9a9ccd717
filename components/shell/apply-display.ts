// Browser-side half of display preferences: the server renders these attributes on <html>
// (app/layout.tsx); these helpers change them at once when someone picks a new setting.
import { THEME_COOKIE, type DisplayAttributes, type ThemePreference } from "@/server/schemas/preferences";

export { THEME_COOKIE };
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

const DATASET_KEYS: Record<keyof DisplayAttributes, string> = {
  "data-theme": "theme",
  "data-text-size": "textSize",
  "data-line-spacing": "lineSpacing",
  "data-motion": "motion",
};

/** Sets (or removes, for undefined) each attribute on <html>; globals.css does the rest. */
export function applyDisplayAttributes(attributes: DisplayAttributes): void {
  const dataset = document.documentElement.dataset;
  for (const [attribute, key] of Object.entries(DATASET_KEYS) as [keyof DisplayAttributes, string][]) {
    if (!(attribute in attributes)) continue;
    const value = attributes[attribute];
    if (value === undefined) delete dataset[key];
    else dataset[key] = value;
  }
}

/** Remembers the theme on this device: a cookie the server reads for signed-out pages, and localStorage. */
export function rememberThemeOnDevice(theme: ThemePreference): void {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${THEME_COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
  try {
    window.localStorage.setItem(THEME_COOKIE, theme);
  } catch {
    // Storage can be off (private mode, policy); the cookie is enough.
  }
}
