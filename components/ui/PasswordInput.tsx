"use client";

import { useId, useState } from "react";
import { cn } from "./cn";
import { Input, type InputProps } from "./Input";

export type PasswordInputProps = Omit<InputProps, "type">;

/**
 * A password input with a "Show password" toggle button (aria-pressed).
 * The button's name stays "Show password" in both states — a toggle's name must not change
 * with its state, or screen readers announce "Hide password, pressed" — and aria-pressed says
 * whether the password is showing. Use inside Field: {(p) => <PasswordInput {...p} />}.
 */
export function PasswordInput({ id, className, ...rest }: PasswordInputProps) {
  const [visible, setVisible] = useState(false);
  const generatedId = useId();
  const inputId = id ?? `password-${generatedId}`;

  return (
    <div className="flex flex-wrap items-stretch gap-2">
      <Input
        {...rest}
        id={inputId}
        type={visible ? "text" : "password"}
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        className={cn("min-w-0 flex-1 basis-48", className)}
      />
      <button
        type="button"
        aria-pressed={visible}
        aria-controls={inputId}
        onClick={() => setVisible((v) => !v)}
        className={cn(
          "inline-flex min-h-11 items-center gap-2 rounded-lg border px-3 text-sm font-medium",
          visible
            ? "border-accent bg-accent-tint text-ink"
            : "border-border bg-surface text-ink hover:bg-surface-muted",
        )}
      >
        <span
          aria-hidden="true"
          className={cn(
            "inline-flex size-4 items-center justify-center rounded-sm border-2 text-[0.7rem] leading-none",
            visible ? "border-accent bg-accent text-accent-ink" : "border-border",
          )}
        >
          {visible ? "✓" : ""}
        </span>
        Show password
      </button>
    </div>
  );
}
