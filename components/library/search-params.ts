// The library's filters live in the URL (shareable, back button works). One parser for the server
// page and the browser, so both ask for exactly the same query (and share its cache entry).
import {
  AUDIENCES,
  LENGTH_FILTERS,
  RESOURCE_KINDS,
  SCOPES,
  SORTS,
  STATUS_FILTERS,
  type LibrarySearchInput,
} from "@/server/schemas/library";

export type LibraryFilters = Required<Pick<LibrarySearchInput, "q" | "tags" | "kinds" | "audiences" | "scope" | "status" | "sort">> & {
  length: (typeof LENGTH_FILTERS)[number] | null;
  contentNote: "with" | "without" | null;
};

type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function getAll(params: RawParams, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined): T | null =>
  value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : null;

const manyOf = <T extends string>(allowed: readonly T[], values: string[]): T[] =>
  [...new Set(values)].filter((v): v is T => (allowed as readonly string[]).includes(v));

/** Unknown or malformed values are dropped, never an error: a stale link still opens the library. */
export function filtersFromParams(params: RawParams): LibraryFilters {
  return {
    q: (getAll(params, "q")[0] ?? "").trim().slice(0, 200),
    tags: [...new Set(getAll(params, "tag"))].filter((t) => /^[a-z0-9-]{1,120}$/.test(t)).slice(0, 20),
    kinds: manyOf(RESOURCE_KINDS, getAll(params, "kind")),
    audiences: manyOf(AUDIENCES, getAll(params, "audience")),
    length: oneOf(LENGTH_FILTERS, getAll(params, "length")[0]),
    contentNote: oneOf(["with", "without"] as const, getAll(params, "note")[0]),
    scope: oneOf(SCOPES, getAll(params, "show")[0]) ?? "all",
    status: oneOf(STATUS_FILTERS, getAll(params, "status")[0]) ?? "current",
    sort: oneOf(SORTS, getAll(params, "sort")[0]) ?? "relevance",
  };
}

/** The query string for a set of filters; defaults are left out so links stay short. */
export function paramsFromFilters(filters: LibraryFilters): string {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const tag of filters.tags) params.append("tag", tag);
  for (const kind of filters.kinds) params.append("kind", kind);
  for (const audience of filters.audiences) params.append("audience", audience);
  if (filters.length) params.set("length", filters.length);
  if (filters.contentNote) params.set("note", filters.contentNote);
  if (filters.scope !== "all") params.set("show", filters.scope);
  if (filters.status !== "current") params.set("status", filters.status);
  if (filters.sort !== "relevance") params.set("sort", filters.sort);
  return params.toString();
}

export const PAGE_SIZE = 20;

/** The search procedure's input for these filters (cursor added by the infinite query). */
export function searchInputFor(filters: LibraryFilters): LibrarySearchInput {
  return { ...filters, limit: PAGE_SIZE };
}

export function countActiveFilters(filters: LibraryFilters): number {
  return (
    filters.tags.length +
    filters.kinds.length +
    filters.audiences.length +
    (filters.length ? 1 : 0) +
    (filters.contentNote ? 1 : 0) +
    (filters.scope !== "all" ? 1 : 0) +
    (filters.status !== "current" ? 1 : 0)
  );
}

/** The same search with every filter off (the words and sort stay). */
export function withoutFilters(filters: LibraryFilters): LibraryFilters {
  return { ...filters, tags: [], kinds: [], audiences: [], length: null, contentNote: null, scope: "all", status: "current" };
}
