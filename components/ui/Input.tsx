import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./field-styles";

export type InputProps = ComponentProps<"input">;

/** A text-like input. Wrap it in Field for its label, hint and error. */
export function Input({ className, type = "text", ...rest }: InputProps) {
  return <input {...rest} type={type} className={cn(controlClasses, className)} />;
}
