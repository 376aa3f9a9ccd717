"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import type { AssignResult } from "@/server/schemas/assignment";

/** The assign mutation every assign dialog uses: keeps the per-client results and refreshes assignment and client screens. */
export function useCreateAssignments() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [results, setResults] = useState<AssignResult[] | null>(null);
  const assign = useMutation(
    trpc.assignment.create.mutationOptions({
      onSuccess: async (data) => {
        setResults(data);
        await Promise.all([
          queryClient.invalidateQueries(trpc.assignment.pathFilter()),
          queryClient.invalidateQueries(trpc.client.pathFilter()),
        ]);
      },
    }),
  );
  return { assign, results };
}
