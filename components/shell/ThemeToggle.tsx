"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useSyncExternalStore } from "react";
import { useTRPC } from "@/server/trpc/react";
import { cn } from "@/components/ui/cn";
import { RadioGroup } from "@/components/ui/RadioGroup";
import { useToast } from "@/components/ui/ToastProvider";
import { isThemePreference, type ThemePreference } from "@/server/schemas/preferences";
import { applyDisplayAttributes, rememberThemeOnDevice, THEME_COOKIE } from "./apply-display";

export type { ThemePreference } from "@/server/schemas/preferences";

function readTheme(): ThemePreference {
  const value = document.documentElement.dataset.theme;
  return isThemePreference(value) ? value : "system";
}

function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

/** Sets <html data-theme>, then remembers it in a cookie (read by the server on the next
 *  request, so the page renders in the right theme without a flash) and in localStorage. */
function applyTheme(theme: ThemePreference): void {
  applyDisplayAttributes({ "data-theme": theme });
  rememberThemeOnDevice(theme);
}

const OPTIONS = [
  { value: "system", label: "System", short: "System theme", hint: "Follows your device" },
  { value: "light", label: "Light", short: "Light theme" },
  { value: "dark", label: "Dark", short: "Dark theme" },
] as const;

export interface ThemeToggleProps {
  /** The theme the server rendered into <html data-theme>, from the haven-theme cookie. */
  initialTheme?: ThemePreference;
  /** "radios" (default) for settings pages; "select" for the compact header control. */
  variant?: "radios" | "select";
  /** Signed in: also save the choice to the account, so every device follows it. */
  saveToAccount?: boolean;
  className?: string;
}

/** "Colour theme": System (follows the device) / Light / Dark. */
export function ThemeToggle({ initialTheme = "system", variant = "radios", saveToAccount = false, className }: ThemeToggleProps) {
  const theme = useSyncExternalStore(subscribe, readTheme, () => initialTheme);
  const trpc = useTRPC();
  const toast = useToast();
  const queryClient = useQueryClient();
  const selectId = useId();
  const save = useMutation(
    trpc.preferences.update.mutationOptions({
      // Keeps an open preferences form in step with a change made from the header.
      onSuccess: (saved) => queryClient.setQueryData(trpc.preferences.get.queryKey(), saved),
      onError: () => toast.show("Your theme is set on this device, but we couldn't save it to your account just now."),
    }),
  );

  // The cookie may be gone (cleared, expired) while localStorage still remembers a choice.
  useEffect(() => {
    if (document.documentElement.dataset.theme !== undefined) return;
    let stored: string | null = null;
    try {
      stored = window.localStorage.getItem(THEME_COOKIE);
    } catch {
      stored = null;
    }
    if (isThemePreference(stored)) applyTheme(stored);
  }, []);

  const choose = (value: string) => {
    if (!isThemePreference(value)) return;
    applyTheme(value);
    if (saveToAccount) save.mutate({ theme: value });
  };

  if (variant === "select") {
    return (
      <div className={cn("flex items-center", className)}>
        <label htmlFor={selectId} className="sr-only">
          Colour theme
        </label>
        <select
          id={selectId}
          value={theme}
          onChange={(event) => choose(event.currentTarget.value)}
          className="min-h-11 rounded-lg border border-border bg-surface py-1 pr-2 pl-2 text-sm text-ink sm:min-h-9"
        >
          {OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.short}
            </option>
          ))}
        </select>
      </div>
    );
  }

  return (
    <RadioGroup
      legend="Colour theme"
      name="haven-theme"
      layout="row"
      value={theme}
      onValueChange={choose}
      options={OPTIONS.map(({ value, label, ...rest }) => ({ value, label, hint: "hint" in rest ? rest.hint : undefined }))}
      className={className}
    />
  );
}
