// Keyset ("seek") pagination over (time desc, id desc): each page starts strictly after the last
// row of the previous one, so pages never skip or repeat rows and cost the same on page 1 or 1,000.

export type Keyset = { at: Date; id: string };

export function encodeCursor(row: Keyset): string {
  return `${row.at.getTime()}_${row.id}`;
}

/** Parses a cursor already shape-checked by `keysetCursor` (server/schemas/admin.ts). */
export function decodeCursor(cursor: string | null | undefined): Keyset | null {
  if (!cursor) return null;
  const split = cursor.indexOf("_");
  const ms = Number(cursor.slice(0, split));
  const id = cursor.slice(split + 1);
  if (split < 1 || !Number.isSafeInteger(ms) || !id) return null;
  return { at: new Date(ms), id };
}

/**
 * The Prisma `where` for "rows after this cursor" in (field desc, id desc) order. Written as
 * `field <= at AND (field < at OR id < id)` rather than a bare OR so PostgreSQL can start the
 * index scan at the cursor (the `<=` is an index condition) instead of filtering from the top.
 */
export function afterCursor<F extends string>(field: F, cursor: Keyset | null) {
  if (!cursor) return {};
  return {
    AND: [
      { [field]: { lte: cursor.at } } as Record<F, { lte: Date }>,
      { OR: [{ [field]: { lt: cursor.at } } as Record<F, { lt: Date }>, { id: { lt: cursor.id } }] },
    ],
  };
}

/** Splits a page fetched with limit + 1 rows into the rows to show and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => Keyset): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
