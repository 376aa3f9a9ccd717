import { cn } from "./cn";

export interface SpinnerProps {
  size?: "sm" | "md";
  /** Announced text. Leave empty when nearby text already says what is happening. */
  label?: string;
  className?: string;
}

/** A quiet rotating ring. It stops rotating when reduced motion is on. */
export function Spinner({ size = "sm", label, className }: SpinnerProps) {
  return (
    <span className={cn("inline-flex items-center", className)}>
      <span
        aria-hidden="true"
        className={cn(
          "inline-block animate-spin rounded-full border-2 border-current border-r-transparent",
          size === "sm" ? "size-4" : "size-6",
        )}
      />
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
