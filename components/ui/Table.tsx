import type { ReactNode } from "react";
import { cn } from "./cn";

export interface TableHeadProps {
  children: ReactNode;
  /** Small muted header text (the default); false keeps the table's own text style. */
  muted?: boolean;
}

/** A table's header row: `<TableHead><Th>Name</Th>…</TableHead>`. */
export function TableHead({ children, muted = true }: TableHeadProps) {
  return (
    <thead>
      <tr className={cn("border-b border-border", muted && "text-sm text-muted")}>{children}</tr>
    </thead>
  );
}

export interface ThProps {
  children: ReactNode;
  /** "col" for a column header (the default), "row" for a row's first cell. */
  scope?: "col" | "row";
  /** The last column: no space after it. */
  last?: boolean;
  /** Tighter rows (small charts). */
  compact?: boolean;
}

/** One header cell with Haven's table spacing and an explicit scope. */
export function Th({ children, scope = "col", last, compact }: ThProps) {
  return (
    <th scope={scope} className={cn(compact ? "py-1" : "py-2", !last && "pr-4", "font-medium")}>
      {children}
    </th>
  );
}
