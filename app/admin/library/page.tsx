import type { Metadata } from "next";
import { LIBRARY_PAGE_SIZE } from "@/components/admin/page-sizes";
import { SharedLibraryList } from "@/components/admin/SharedLibraryList";
import { Button } from "@/components/ui/Button";
import { Field } from "@/components/ui/Field";
import { Input } from "@/components/ui/Input";
import { PageHeader } from "@/components/ui/PageHeader";
import { Select } from "@/components/ui/Select";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { adminLibraryListInput } from "@/server/schemas/admin";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Shared library" };

export default async function AdminLibraryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const params = await searchParams;
  const one = (key: string) => (typeof params[key] === "string" ? params[key] : undefined);
  const parsed = adminLibraryListInput.safeParse({ status: one("status") || undefined, search: one("q") });
  const filter = parsed.success ? { status: parsed.data.status, search: parsed.data.search } : {};
  prefetch(trpc.admin.libraryList.infiniteQueryOptions({ ...filter, limit: LIBRARY_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }));

  return (
    <>
      <PageHeader
        title="Shared library"
        description="The practice's own library, looked after by admins. Therapists' private and shared pieces stay theirs until they are moved here from their account page."
      />
      <div className="flex flex-col gap-6">
        <form method="get" action="/admin/library" role="search" aria-label="Filter the shared library" className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label="Search titles" className="sm:flex-1">{(p) => <Input {...p} name="q" type="search" defaultValue={filter.search ?? ""} maxLength={200} />}</Field>
          <Field label="Status">
            {(p) => (
              <Select {...p} name="status" defaultValue={filter.status ?? ""}>
                <option value="">Any status</option>
                <option value="DRAFT">Draft</option>
                <option value="PUBLISHED">Published</option>
                <option value="ARCHIVED">Archived</option>
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary">Apply filters</Button>
        </form>
        <HydrateClient>
          <SkeletonSuspense key={JSON.stringify(filter)} label="Loading the library…" shapes={["h-16", "h-16"]}>
            <SharedLibraryList filter={filter} />
          </SkeletonSuspense>
        </HydrateClient>
      </div>
    </>
  );
}
