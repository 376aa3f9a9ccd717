import { useId, type ComponentProps, type ReactNode } from "react";
import { cn } from "./cn";
import { FieldMessages, fieldMessageIds } from "./FieldMessages";

export interface CheckboxProps extends Omit<ComponentProps<"input">, "type"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A native checkbox with its own label; the whole label row is a 44px target. */
export function Checkbox({ label, hint, error, id, className, ...rest }: CheckboxProps) {
  const generatedId = useId();
  const inputId = id ?? `checkbox-${generatedId}`;
  const { describedBy } = fieldMessageIds(inputId, hint, error);

  return (
    <div className={cn("flex flex-col gap-1", className)}>
      <div className="flex items-start gap-3">
        <input
          {...rest}
          id={inputId}
          type="checkbox"
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className="mt-3 size-5 shrink-0 accent-accent disabled:cursor-not-allowed"
        />
        <label htmlFor={inputId} className="flex min-h-11 flex-1 items-center py-2 text-ink">
          {label}
        </label>
      </div>
      <FieldMessages baseId={inputId} hint={hint} error={error} hintClassName="pl-8" errorClassName="ml-8" />
    </div>
  );
}
