import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./field-styles";

export type SelectProps = ComponentProps<"select">;

/** A native select (best on phones and with screen readers). Wrap it in Field. */
export function Select({ className, children, ...rest }: SelectProps) {
  return (
    <select {...rest} className={cn(controlClasses, "pr-8", className)}>
      {children}
    </select>
  );
}
