import { useId, type ReactNode } from "react";
import { cn } from "./cn";
import { errorClasses, hintClasses, labelClasses } from "./field-styles";

/** Props Field hands to its control: spread them onto Input, Textarea, Select or PasswordInput. */
export interface FieldControlProps {
  id: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

export interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the hint; sets aria-invalid on the control. Say how to fix it, plainly. */
  error?: ReactNode;
  /** Adds "(optional)" to the label. Haven marks optional fields, not required ones. */
  optional?: boolean;
  /** Control id; generated when absent. */
  id?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/**
 * Label, hint and error wired to one control:
 * <Field label="Email" hint="…" error={err}>{(p) => <Input {...p} type="email" name="email" />}</Field>
 */
export function Field({ label, hint, error, optional, id, className, children }: FieldProps) {
  const generatedId = useId();
  const controlId = id ?? `field-${generatedId}`;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className={labelClasses}>
        {label}
        {optional ? <span className="font-normal text-muted"> (optional)</span> : null}
      </label>
      {hint ? (
        <span id={hintId} className={hintClasses}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span id={errorId} className={errorClasses}>
          <span className="sr-only">Error: </span>
          {error}
        </span>
      ) : null}
      {children({
        id: controlId,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
      })}
    </div>
  );
}
