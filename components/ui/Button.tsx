import type { ComponentProps } from "react";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button-styles";
import { cn } from "./cn";
import { Spinner } from "./Spinner";

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Disables the button and shows a spinner with the hidden text "Working…". */
  loading?: boolean;
}

/**
 * A native button. `type` defaults to "button"; pass type="submit" in forms.
 * No hooks, so it renders in server and client components alike.
 */
export function Button({
  variant = "primary",
  size = "md",
  loading = false,
  disabled,
  type = "button",
  className,
  children,
  ...rest
}: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      className={buttonClasses(
        variant,
        size,
        // Busy is not unavailable: a loading button keeps its full colour.
        cn(loading ? "cursor-wait" : "disabled:cursor-not-allowed disabled:opacity-60", className),
      )}
    >
      {loading ? <Spinner /> : null}
      {loading ? <span className="sr-only">Working…</span> : null}
      {children}
    </button>
  );
}
