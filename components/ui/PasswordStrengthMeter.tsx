"use client";

import { useEffect, useId, useState } from "react";
import { loadPasswordDictionaries, scorePassword, type PasswordScore } from "@/server/schemas/password-strength";
import { cn } from "./cn";

export interface PasswordStrengthMeterProps {
  password: string;
  /** The person's name and email: a password built from them is weaker than it looks. */
  userInputs?: readonly string[];
  /** Id to put in the password input's aria-describedby, so the strength is read with it. */
  id?: string;
  className?: string;
}

const FILLED: Record<PasswordScore, string> = {
  0: "bg-border",
  1: "bg-danger",
  2: "bg-warning",
  3: "bg-success",
  4: "bg-success",
};

/**
 * Fetches zxcvbn's dictionaries (a separate ~0.8 MB gzipped chunk of this app, never another site)
 * once someone starts typing; re-renders when they arrive.
 */
function usePasswordDictionaries(wanted: boolean) {
  const [, setLoaded] = useState(false);
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    // Until they arrive (or if the chunk cannot load) the estimate still works, with fewer words.
    loadPasswordDictionaries().then(() => live && setLoaded(true), () => undefined);
    return () => {
      live = false;
    };
  }, [wanted]);
}

/**
 * Four segments plus the strength in words (never colour alone) and one suggestion.
 * Quiet on purpose: it says nothing until something is typed, and never blocks.
 */
export function PasswordStrengthMeter({ password, userInputs, id, className }: PasswordStrengthMeterProps) {
  const generatedId = useId();
  const textId = id ?? `strength-${generatedId}`;
  usePasswordDictionaries(password.length > 0);
  if (password.length === 0) {
    return <p id={textId} className={cn("text-sm text-muted", className)}>At least 12 characters. A few unrelated words make a strong password.</p>;
  }
  const strength = scorePassword(password, userInputs);
  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div aria-hidden="true" className="grid grid-cols-4 gap-1">
        {[1, 2, 3, 4].map((segment) => (
          <span
            key={segment}
            className={cn(
              "h-1.5 rounded-full",
              strength.score >= segment ? FILLED[strength.score] : "bg-surface-muted",
            )}
          />
        ))}
      </div>
      <p id={textId} className="text-sm text-ink" aria-live="polite" aria-atomic="true">
        <span className="font-medium">Strength: {strength.label}.</span>
        {strength.suggestion ? <span className="text-muted"> {strength.suggestion}</span> : null}
      </p>
    </div>
  );
}
