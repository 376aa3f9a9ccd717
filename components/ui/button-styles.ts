import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "danger";
export type ButtonSize = "sm" | "md";

const base =
  "inline-flex items-center justify-center gap-2 rounded-lg font-medium no-underline " +
  "transition-colors duration-150 select-none " +
  "aria-disabled:cursor-not-allowed aria-disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  primary: "bg-accent text-accent-ink hover:bg-accent-strong border border-transparent",
  secondary: "bg-surface text-ink border border-border hover:bg-surface-muted",
  ghost: "bg-transparent text-accent border border-transparent hover:bg-accent-tint",
  danger: "bg-danger text-danger-ink hover:bg-danger-strong border border-transparent",
};

// sm stays 44px tall on phones (touch target) and tightens to 36px from the sm breakpoint.
const sizes: Record<ButtonSize, string> = {
  sm: "min-h-11 px-3 text-sm sm:min-h-9",
  md: "min-h-11 px-4 text-base",
};

/** Class string shared by Button, LinkButton and menu triggers. */
export function buttonClasses(
  variant: ButtonVariant = "primary",
  size: ButtonSize = "md",
  className?: string,
): string {
  return cn(base, variants[variant], sizes[size], className);
}
