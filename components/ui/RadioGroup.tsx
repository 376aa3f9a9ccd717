"use client";

import { useId, type ReactNode } from "react";
import { cn } from "./cn";
import { hintClasses } from "./field-styles";
import { FieldMessages, fieldMessageIds } from "./FieldMessages";

export interface RadioOption {
  value: string;
  label: ReactNode;
  hint?: ReactNode;
  disabled?: boolean;
}

export interface RadioGroupProps {
  /** The question, rendered as the fieldset's legend. */
  legend: ReactNode;
  name: string;
  options: readonly RadioOption[];
  /** Controlled value; pair with onValueChange. Or use defaultValue for a plain form. */
  value?: string;
  defaultValue?: string;
  onValueChange?: (value: string) => void;
  hint?: ReactNode;
  error?: ReactNode;
  required?: boolean;
  /** "row" lays short options side by side from the sm breakpoint. */
  layout?: "column" | "row";
  className?: string;
}

/** Native radios in a fieldset + legend; arrow keys move between options as browsers do. */
export function RadioGroup({
  legend,
  name,
  options,
  value,
  defaultValue,
  onValueChange,
  hint,
  error,
  required,
  layout = "column",
  className,
}: RadioGroupProps) {
  const baseId = `radio-${useId()}`;
  const { describedBy } = fieldMessageIds(baseId, hint, error);

  return (
    <fieldset className={cn("flex flex-col gap-1.5", className)} aria-describedby={describedBy}>
      <legend className="mb-1.5 font-medium text-ink">{legend}</legend>
      <FieldMessages baseId={baseId} hint={hint} error={error} />
      <div className={cn("flex flex-col", layout === "row" && "sm:flex-row sm:flex-wrap sm:gap-x-6")}>
        {options.map((option, index) => {
          const optionId = `${baseId}-${index}`;
          const optionHintId = option.hint ? `${optionId}-hint` : undefined;
          return (
            <div key={option.value} className="flex items-start gap-3">
              <input
                id={optionId}
                type="radio"
                name={name}
                value={option.value}
                disabled={option.disabled}
                required={required}
                aria-describedby={optionHintId}
                {...(value !== undefined
                  ? { checked: value === option.value }
                  : { defaultChecked: defaultValue === option.value })}
                onChange={(event) => onValueChange?.(event.currentTarget.value)}
                className="mt-3 size-5 shrink-0 accent-accent disabled:cursor-not-allowed"
              />
              <div className="flex min-h-11 flex-col justify-center py-2">
                <label htmlFor={optionId} className="text-ink">
                  {option.label}
                </label>
                {option.hint ? (
                  <span id={optionHintId} className={hintClasses}>
                    {option.hint}
                  </span>
                ) : null}
              </div>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
