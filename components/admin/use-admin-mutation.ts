"use client";
import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";

/** After any admin change: refetch the admin screens and the audit trail (the change is in it). */
export function useRefreshAdminData() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await Promise.all([
      queryClient.invalidateQueries(trpc.admin.pathFilter()),
      queryClient.invalidateQueries(trpc.audit.pathFilter()),
      queryClient.invalidateQueries(trpc.library.pathFilter()),
    ]);
  };
}

