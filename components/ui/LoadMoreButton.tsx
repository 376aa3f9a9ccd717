import { Button } from "./Button";

export interface LoadMoreButtonProps {
  onClick: () => void;
  loading?: boolean;
  /** When false, the button is replaced by `endText` (or nothing). */
  hasMore: boolean;
  label?: string;
  endText?: string;
  className?: string;
}

/**
 * "Load more" for lists fetched in pages (e.g. fetchNextPage of an infinite query).
 * After new items arrive, the page should move focus to the first new item or announce the count.
 */
export function LoadMoreButton({
  onClick,
  loading = false,
  hasMore,
  label = "Load more",
  endText,
  className,
}: LoadMoreButtonProps) {
  if (!hasMore) return endText ? <p className="text-center text-sm text-muted">{endText}</p> : null;
  return (
    <div className={className ?? "flex justify-center pt-2"}>
      <Button variant="secondary" onClick={onClick} loading={loading}>
        {label}
      </Button>
    </div>
  );
}
