import type { ReactNode } from "react";
import { AreaShell } from "@/components/shell/AreaShell";
import { requireUser } from "@/server/auth";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("ADMIN");
  return <AreaShell user={user}>{children}</AreaShell>;
}
