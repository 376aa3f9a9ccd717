"use client";

import { useEffect, useSyncExternalStore } from "react";
import { RadioGroup } from "@/components/ui/RadioGroup";

export type ThemePreference = "system" | "light" | "dark";

const COOKIE = "haven-theme";
const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

function isTheme(value: unknown): value is ThemePreference {
  return value === "system" || value === "light" || value === "dark";
}

function readTheme(): ThemePreference {
  const value = document.documentElement.dataset.theme;
  return isTheme(value) ? value : "system";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/** Sets <html data-theme>, then remembers it in a cookie (read by the server on the next
 *  request, so the page renders in the right theme without a flash) and in localStorage. */
function applyTheme(theme: ThemePreference): void {
  document.documentElement.dataset.theme = theme;
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = `${COOKIE}=${theme}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax${secure}`;
  try {
    window.localStorage.setItem(COOKIE, theme);
  } catch {
    // Storage can be off (private mode, policy); the cookie is enough.
  }
}

export interface ThemeToggleProps {
  /** The theme the server rendered into <html data-theme>, from the haven-theme cookie. */
  initialTheme?: ThemePreference;
  className?: string;
}

/** "Colour theme": System (follows the device) / Light / Dark. */
export function ThemeToggle({ initialTheme = "system", className }: ThemeToggleProps) {
  const theme = useSyncExternalStore(subscribe, readTheme, () => initialTheme);

  // The cookie may be gone (cleared, expired) while localStorage still remembers a choice.
  useEffect(() => {
    if (document.documentElement.dataset.theme !== undefined) return;
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(COOKIE);
    } catch {
      stored = null;
    }
    if (isTheme(stored)) applyTheme(stored);
  }, []);

  return (
    <RadioGroup
      legend="Colour theme"
      name="haven-theme"
      layout="row"
      value={theme}
      onValueChange={(value) => {
        if (isTheme(value)) applyTheme(value);
      }}
      options={[
        { value: "system", label: "System", hint: "Follows your device" },
        { value: "light", label: "Light" },
        { value: "dark", label: "Dark" },
      ]}
      className={className}
    />
  );
}
