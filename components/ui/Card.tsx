import type { HTMLAttributes } from "react";
import { cn } from "./cn";

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** Pick the element that fits: "article" for a resource, "li" inside a list, "section" with a heading. */
  as?: "div" | "section" | "article" | "li";
  /** Remove the default padding (e.g. for a card holding a full-bleed list). */
  flush?: boolean;
}

/** A calm surface with a soft border. Not interactive by itself: put a link or button inside. */
export function Card({ as: Tag = "div", flush = false, className, ...rest }: CardProps) {
  return (
    <Tag
      {...rest}
      className={cn(
        "rounded-xl border border-border-subtle bg-surface text-ink shadow-sm",
        !flush && "p-5",
        className,
      )}
    />
  );
}
