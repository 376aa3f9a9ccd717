import type { ReactNode } from "react";

export interface VisuallyHiddenProps {
  children: ReactNode;
  /** Use "div" when the hidden text holds block content. */
  as?: "span" | "div";
  id?: string;
}

/** Text for screen readers only; stays in the accessibility tree. */
export function VisuallyHidden({ children, as: Tag = "span", id }: VisuallyHiddenProps) {
  return (
    <Tag id={id} className="sr-only">
      {children}
    </Tag>
  );
}
