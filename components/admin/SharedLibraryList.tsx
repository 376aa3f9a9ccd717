"use client";
import { useMutation, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Badge } from "@/components/ui/Badge";
import { Button } from "@/components/ui/Button";
import { Dialog } from "@/components/ui/Dialog";
import { EmptyState } from "@/components/ui/EmptyState";
import { LoadMoreButton } from "@/components/ui/LoadMoreButton";
import { Menu, type MenuItem } from "@/components/ui/Menu";
import { Notice } from "@/components/ui/Notice";
import { useToast } from "@/components/ui/ToastProvider";
import type { AdminLibraryListInput, AdminLibraryRow } from "@/server/schemas/admin";
import { formatDate } from "@/server/schemas/dates";
import { messageOf } from "@/components/forms/field-errors";
import { useRefreshAdminData } from "./use-admin-mutation";
import { LIBRARY_PAGE_SIZE } from "./page-sizes";

const STATUS_WORDS = { DRAFT: "Draft", PUBLISHED: "Published", ARCHIVED: "Archived" } as const;
type Change = "publish" | "unpublish" | "archive";

const CONFIRM: Record<Change, { title: string; body: string; button: string }> = {
  publish: { title: "Publish", body: "Every therapist will be able to find it in the library and assign it.", button: "Publish" },
  unpublish: { title: "Unpublish", body: "It goes back to being a draft: therapists stop finding it, but readings already assigned stay with their clients.", button: "Unpublish" },
  archive: { title: "Archive", body: "It leaves the library for good. Readings already assigned stay with their clients. You can publish it again later.", button: "Archive" },
};

/** The shared library, for curation: status changes behind a plain confirmation, and a link to edit. */
export function SharedLibraryList({ filter }: { filter: Omit<AdminLibraryListInput, "cursor" | "limit"> }) {
  const trpc = useTRPC();
  const toast = useToast();
  const refresh = useRefreshAdminData();
  const [pending, setPending] = useState<{ change: Change; resource: AdminLibraryRow } | null>(null);
  const query = useSuspenseInfiniteQuery(
    trpc.admin.libraryList.infiniteQueryOptions({ ...filter, limit: LIBRARY_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const options = {
    onSuccess: async () => {
      toast.show(`“${pending?.resource.title}” is now ${pending?.change === "publish" ? "published" : pending?.change === "archive" ? "archived" : "a draft"}.`, { tone: "success" });
      setPending(null);
      await refresh();
    },
  };
  const publish = useMutation(trpc.library.publish.mutationOptions(options));
  const unpublish = useMutation(trpc.library.unpublish.mutationOptions(options));
  const archive = useMutation(trpc.library.archive.mutationOptions(options));
  const mutations = { publish, unpublish, archive };
  const active = pending ? mutations[pending.change] : null;
  const rows = query.data.pages.flatMap((page) => page.items);

  if (!rows.length) {
    return <EmptyState title="Nothing here" body={filter.status || filter.search ? "No shared resources match. Try clearing the filters." : "The shared library is empty."} />;
  }

  const itemsFor = (resource: AdminLibraryRow): MenuItem[] => [
    { label: "Edit", href: `/admin/library/${resource.id}` },
    ...(resource.status !== "PUBLISHED" ? [{ label: "Publish", onSelect: () => setPending({ change: "publish", resource }) }] : []),
    ...(resource.status === "PUBLISHED" ? [{ label: "Unpublish", onSelect: () => setPending({ change: "unpublish", resource }) }] : []),
    ...(resource.status !== "ARCHIVED" ? [{ label: "Archive", onSelect: () => setPending({ change: "archive", resource }), tone: "danger" as const }] : []),
  ];

  return (
    <div className="flex flex-col gap-4">
      <ul className="flex flex-col divide-y divide-border-subtle rounded-xl border border-border-subtle bg-surface">
        {rows.map((resource) => (
          <li key={resource.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between">
            <div className="flex min-w-0 flex-col gap-1">
              <p className="flex flex-wrap items-center gap-2">
                <Link href={`/admin/library/${resource.id}`} className="font-medium underline underline-offset-4">{resource.title}</Link>
                <Badge tone={resource.status === "PUBLISHED" ? "success" : resource.status === "DRAFT" ? "info" : "neutral"}>{STATUS_WORDS[resource.status]}</Badge>
              </p>
              <p className="line-clamp-2 text-sm text-muted">{resource.summary}</p>
              <p className="text-sm text-muted">Last changed {formatDate(resource.updatedAt)}</p>
            </div>
            <Menu label={<>Actions<span className="sr-only"> for {resource.title}</span></>} items={itemsFor(resource)} align="end" size="sm" />
          </li>
        ))}
      </ul>
      <LoadMoreButton hasMore={query.hasNextPage} loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()} label="Load more resources" />
      <Dialog
        open={pending !== null}
        onClose={() => {
          setPending(null);
          for (const m of Object.values(mutations)) m.reset();
        }}
        title={pending ? `${CONFIRM[pending.change].title} “${pending.resource.title}”?` : ""}
        description={pending ? CONFIRM[pending.change].body : undefined}
        actions={
          pending ? (
            <>
              <Button variant="secondary" onClick={() => setPending(null)}>Cancel</Button>
              <Button
                variant={pending.change === "archive" ? "danger" : "primary"}
                loading={active?.isPending}
                onClick={() => active?.mutate({ id: pending.resource.id })}
              >
                {CONFIRM[pending.change].button}
              </Button>
            </>
          ) : null
        }
      >
        {active?.error ? <Notice tone="error" live>{messageOf(active.error)}</Notice> : null}
      </Dialog>
    </div>
  );
}
