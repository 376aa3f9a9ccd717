import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/PageHeader";
import { requireUser } from "@/server/auth";

export const metadata: Metadata = { title: "Home" };

export default async function TherapistHomePage() {
  const user = await requireUser("THERAPIST");
  return <PageHeader title={`Welcome, ${user.name}`} description="Your clients' readings and your library, in one calm place." />;
}
