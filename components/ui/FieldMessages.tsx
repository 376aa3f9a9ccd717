import type { ReactNode } from "react";
import { cn } from "./cn";
import { errorClasses, hintClasses } from "./field-styles";

/** The ids a control's hint and error use, and the `aria-describedby` that names both. */
export function fieldMessageIds(baseId: string, hint: ReactNode, error: ReactNode) {
  const hintId = hint ? `${baseId}-hint` : undefined;
  const errorId = error ? `${baseId}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(" ") || undefined };
}

export interface FieldMessagesProps {
  /** The control's id (or the group's base id): the hint is `${baseId}-hint`, the error `${baseId}-error`. */
  baseId: string;
  hint?: ReactNode;
  error?: ReactNode;
  hintClassName?: string;
  errorClassName?: string;
}

/** A control's hint, then its error (with "Error: " for screen readers) — shared by Field, RadioGroup and Checkbox. */
export function FieldMessages({ baseId, hint, error, hintClassName, errorClassName }: FieldMessagesProps) {
  const { hintId, errorId } = fieldMessageIds(baseId, hint, error);
  return (
    <>
      {hint ? (
        <span id={hintId} className={cn(hintClasses, hintClassName)}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className={cn(errorClasses, errorClassName)}>
          <span className="sr-only">Error: </span>
          {error}
        </span>
      ) : null}
    </>
  );
}
