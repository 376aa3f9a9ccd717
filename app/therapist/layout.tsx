import type { ReactNode } from "react";
import { AreaShell } from "@/components/shell/AreaShell";
import { requireUser } from "@/server/auth";

export default async function TherapistLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("THERAPIST");
  return <AreaShell user={user}>{children}</AreaShell>;
}
