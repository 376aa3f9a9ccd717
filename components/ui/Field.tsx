import { useId, type ReactNode } from "react";
import { cn } from "./cn";
import { labelClasses } from "./field-styles";
import { FieldMessages, fieldMessageIds } from "./FieldMessages";

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
  const { describedBy } = fieldMessageIds(controlId, hint, error);

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <label htmlFor={controlId} className={labelClasses}>
        {label}
        {optional ? <span className="font-normal text-muted"> (optional)</span> : null}
      </label>
      <FieldMessages baseId={controlId} hint={hint} error={error} />
      {children({
        id: controlId,
        "aria-describedby": describedBy,
        "aria-invalid": error ? true : undefined,
      })}
    </div>
  );
}
