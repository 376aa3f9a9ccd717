import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";

export const metadata: Metadata = { title: "Overview" };

export default async function AdminHomePage() {
  await requireUser("ADMIN");
  return <PageHeader title="Overview" description="Accounts, the shared library and the audit trail." />;
}
