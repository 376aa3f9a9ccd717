import Link from "next/link";
import { buttonClasses } from "./button-styles";
import { cn } from "./cn";

export interface PaginationProps {
  /** 1-based current page. */
  page: number;
  pageCount: number;
  /** Builds the URL of a page, e.g. (p) => `/therapist/library?page=${p}`. */
  hrefFor: (page: number) => string;
  /** Names the navigation landmark when a page has more than one. */
  label?: string;
  className?: string;
}

/** Previous / "Page 2 of 5" / Next as real links, so it works without JavaScript. */
export function Pagination({ page, pageCount, hrefFor, label = "Pagination", className }: PaginationProps) {
  if (pageCount <= 1) return null;
  const current = Math.min(Math.max(page, 1), pageCount);
  return (
    <nav aria-label={label} className={cn("flex items-center justify-between gap-3 pt-4", className)}>
      {current > 1 ? (
        <Link href={hrefFor(current - 1)} rel="prev" className={buttonClasses("secondary", "md")}>
          Previous<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span />
      )}
      <p className="text-sm text-muted">
        Page {current} of {pageCount}
      </p>
      {current < pageCount ? (
        <Link href={hrefFor(current + 1)} rel="next" className={buttonClasses("secondary", "md")}>
          Next<span className="sr-only"> page</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
