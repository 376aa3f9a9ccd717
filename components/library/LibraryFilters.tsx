"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useId } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Select } from "@/components/ui/Select";
import {
  AUDIENCE_LABELS,
  AUDIENCES,
  KIND_LABELS,
  LENGTH_FILTERS,
  LENGTH_LABELS,
  RESOURCE_KINDS,
  TAG_GROUPS,
  type TagListItem,
} from "@/server/schemas/library";
import { countActiveFilters, withoutFilters, type LibraryFilters as Filters } from "./search-params";

type Props = { filters: Filters; onChange: (next: Filters) => void };

const SCOPE_OPTIONS = [
  { value: "all", label: "Everything I can see" },
  { value: "mine", label: "Only mine" },
  { value: "shared", label: "Shared library" },
  { value: "favourites", label: "My favourites" },
] as const;

function toggle<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

function CheckList<T extends string>({ legend, options, chosen, onToggle }: {
  legend: string;
  options: { value: T; label: string; count?: number }[];
  chosen: readonly T[];
  onToggle: (value: T) => void;
}) {
  const baseId = useId();
  return (
    <fieldset className="flex flex-col gap-1">
      <legend className="mb-1 font-medium text-ink">{legend}</legend>
      {options.map((option, index) => (
        <div key={option.value} className="flex items-center gap-2.5">
          <input
            id={`${baseId}-${index}`}
            type="checkbox"
            checked={chosen.includes(option.value)}
            onChange={() => onToggle(option.value)}
            className="size-5 shrink-0 accent-accent"
          />
          <label htmlFor={`${baseId}-${index}`} className="min-h-7 py-0.5 text-ink">
            {option.label}
            {option.count !== undefined ? <span aria-hidden="true" className="text-muted"> ({option.count})</span> : null}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

function groupTags(tags: TagListItem[]) {
  const groups = new Map<string, TagListItem[]>();
  for (const tag of tags) groups.set(tag.group, [...(groups.get(tag.group) ?? []), tag]);
  const known = Object.keys(TAG_GROUPS);
  return [...groups].sort(([a], [b]) => (known.indexOf(a) + 100 * Number(!known.includes(a))) - (known.indexOf(b) + 100 * Number(!known.includes(b))));
}

/** Every filter changes the URL at once; the results follow. */
export function LibraryFilters({ filters, onChange }: Props) {
  const trpc = useTRPC();
  const { data: tags } = useSuspenseQuery(trpc.library.tags.queryOptions());
  const active = countActiveFilters(filters);
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });

  return (
    <form aria-labelledby="library-filters-heading" onSubmit={(e) => e.preventDefault()} className="flex flex-col gap-5">
      <div className="flex flex-col gap-1">
        <h2 id="library-filters-heading" className="text-lg font-semibold">
          Filters
        </h2>
        {active ? (
          <p className="flex flex-wrap items-center gap-x-2 text-sm text-muted">
            {active} {active === 1 ? "filter" : "filters"} on
            <Button variant="ghost" size="sm" onClick={() => onChange(withoutFilters(filters))}>
              Clear filters
            </Button>
          </p>
        ) : null}
      </div>

      <Field label="Show">
        {(p) => (
          <Select {...p} value={filters.scope} onChange={(e) => set({ scope: e.currentTarget.value as Filters["scope"] })}>
            {SCOPE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <fieldset className="flex flex-col gap-4">
        <legend className="mb-1 font-medium text-ink">Topics</legend>
        {groupTags(tags).map(([group, groupTagsList]) => (
          <CheckList
            key={group}
            legend={TAG_GROUPS[group]?.label ?? "Other topics"}
            options={groupTagsList.map((t) => ({ value: t.slug, label: t.name, count: t.count }))}
            chosen={filters.tags}
            onToggle={(slug) => set({ tags: toggle(filters.tags, slug) })}
          />
        ))}
      </fieldset>

      <CheckList
        legend="Kind"
        options={RESOURCE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
        chosen={filters.kinds}
        onToggle={(kind) => set({ kinds: toggle(filters.kinds, kind) })}
      />

      <CheckList
        legend="Written for"
        options={AUDIENCES.map((a) => ({ value: a, label: AUDIENCE_LABELS[a] }))}
        chosen={filters.audiences}
        onToggle={(audience) => set({ audiences: toggle(filters.audiences, audience) })}
      />

      <Field label="Reading time">
        {(p) => (
          <Select {...p} value={filters.length ?? ""} onChange={(e) => set({ length: (e.currentTarget.value || null) as Filters["length"] })}>
            <option value="">Any length</option>
            {LENGTH_FILTERS.map((l) => (
              <option key={l} value={l}>
                {LENGTH_LABELS[l]}
              </option>
            ))}
          </Select>
        )}
      </Field>

      <Field label="Content note">
        {(p) => (
          <Select {...p} value={filters.contentNote ?? ""} onChange={(e) => set({ contentNote: (e.currentTarget.value || null) as Filters["contentNote"] })}>
            <option value="">With or without</option>
            <option value="with">Has a content note</option>
            <option value="without">No content note</option>
          </Select>
        )}
      </Field>

      <Field label="Status" hint="Drafts and archived pieces are only ever your own.">
        {(p) => (
          <Select {...p} value={filters.status} onChange={(e) => set({ status: e.currentTarget.value as Filters["status"] })}>
            <option value="current">Published and drafts</option>
            <option value="published">Published only</option>
            <option value="draft">Drafts</option>
            <option value="archived">Archived</option>
          </Select>
        )}
      </Field>
    </form>
  );
}
