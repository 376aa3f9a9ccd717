import type { ComponentProps } from "react";
import { cn } from "./cn";
import { controlClasses } from "./field-styles";

export type TextareaProps = ComponentProps<"textarea">;

/** A multi-line input that keeps a comfortable height. Wrap it in Field. */
export function Textarea({ className, rows = 5, ...rest }: TextareaProps) {
  return <textarea {...rest} rows={rows} className={cn(controlClasses, "leading-relaxed", className)} />;
}
