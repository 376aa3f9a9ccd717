"use client";

import { messageOf } from "@/components/forms/field-errors";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import { useToast } from "@/components/ui/ToastProvider";

/** A toggle button (aria-pressed). Sets the wanted state, so a retry or double click is harmless. */
export function FavouriteButton({ resourceId, initial, title }: { resourceId: string; initial: boolean; title: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [favourite, setFavourite] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation(
    trpc.library.favourite.mutationOptions({
      onMutate: (input) => {
        setError(null);
        setFavourite(input.favourite);
      },
      onSuccess: (result) => {
        toast.show(result.favourite ? `“${title}” is in your favourites.` : `“${title}” was taken out of your favourites.`, { tone: "success" });
        void queryClient.invalidateQueries(trpc.library.pathFilter());
      },
      onError: (err, input) => {
        setFavourite(!input.favourite);
        setError(messageOf(err));
      },
    }),
  );
  return (
    <div className="flex flex-col gap-1">
      <Button
        variant="secondary"
        aria-pressed={favourite}
        disabled={mutation.isPending}
        onClick={() => mutation.mutate({ resourceId, favourite: !favourite })}
      >
        <span aria-hidden="true">{favourite ? "★" : "☆"}</span>
        Favourite
      </Button>
      <span className="text-sm text-muted">{favourite ? "In your favourites" : "Not in your favourites"}</span>
      {error ? (
        <p role="alert" className="text-sm text-danger">
          {error}
        </p>
      ) : null}
    </div>
  );
}
