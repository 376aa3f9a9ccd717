import type { Metadata } from "next";
import { z } from "zod";
import { AuditFilters } from "@/components/admin/AuditFilters";
import { AuditTrail } from "@/components/admin/AuditTrail";
import { AUDIT_PAGE_SIZE } from "@/components/admin/page-sizes";
import { buttonClasses } from "@/components/ui/button-styles";
import { Notice } from "@/components/ui/Notice";
import { PageHeader } from "@/components/ui/PageHeader";
import { SkeletonSuspense } from "@/components/ui/SkeletonSuspense";
import { requireUser } from "@/server/auth";
import { auditFilterInput, type AuditFilterInput } from "@/server/schemas/audit";
import { HydrateClient, prefetch, trpc } from "@/server/trpc/server";

export const metadata: Metadata = { title: "Audit trail" };

const FILTER_KEYS = ["actor", "action", "targetType", "targetId", "from", "to"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser("ADMIN");
  const params = await searchParams;
  const raw: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params[key];
    if (typeof value === "string" && value.trim()) raw[key] = value.trim();
  }
  const parsed = auditFilterInput.safeParse(raw);
  const errors = parsed.success ? {} : Object.fromEntries(Object.entries(z.flattenError(parsed.error).fieldErrors).map(([k, v]) => [k, v?.[0]]));
  const filter: AuditFilterInput = parsed.success ? raw : {};
  if (parsed.success) {
    prefetch(trpc.audit.list.infiniteQueryOptions({ filter, limit: AUDIT_PAGE_SIZE }, { getNextPageParam: (last) => last.nextCursor }));
  }
  const exportHref = `/api/export/audit?${new URLSearchParams(raw).toString()}`;

  return (
    <>
      <PageHeader
        title="Audit trail"
        description="Who did what, and when: sign-ins, account changes, invitations, library changes and every read of client data. Nothing here can be edited or deleted."
        actions={parsed.success ? <a href={exportHref} className={buttonClasses("secondary", "md")} download>Download CSV</a> : null}
      />
      <div className="flex flex-col gap-8">
        <AuditFilters values={raw} errors={errors} />
        {parsed.success ? (
          <HydrateClient>
            <SkeletonSuspense key={JSON.stringify(filter)} label="Loading events…" shapes={["h-10", "h-10", "h-10"]}>
              <AuditTrail filter={filter} />
            </SkeletonSuspense>
          </HydrateClient>
        ) : (
          <Notice tone="error" title="Some filters need another look">
            <p>Fix the fields marked above, then apply the filters again.</p>
          </Notice>
        )}
      </div>
    </>
  );
}
