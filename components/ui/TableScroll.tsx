import type { ReactNode } from "react";

export interface TableScrollProps {
  children: ReactNode;
  /** Names the scrollable region; say what the table holds when you know it. */
  label?: string;
}

/**
 * Lets a wide table scroll sideways on a 360px phone instead of the page. Focusable so
 * keyboard users can scroll it. With react-markdown:
 * components={{ table: ({ node: _n, ...p }) => <TableScroll><table {...p} /></TableScroll> }}
 */
export function TableScroll({ children, label = "Table" }: TableScrollProps) {
  return (
    // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a scrollable region must be reachable by keyboard to scroll it
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
