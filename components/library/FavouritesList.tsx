"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { useTRPC } from "@/server/trpc/react";
import { EmptyState } from "@/components/ui/EmptyState";
import { LinkButton } from "@/components/ui/LinkButton";
import { FavouriteButton } from "./FavouriteButton";
import { ResourceCard } from "./ResourceCard";

export function FavouritesList() {
  const trpc = useTRPC();
  const { data: favourites } = useSuspenseQuery(trpc.library.favourites.queryOptions());
  if (!favourites.length) {
    return (
      <EmptyState
        title="No favourites yet"
        body="Mark resources you return to often with “Favourite” and they'll wait for you here."
        action={<LinkButton href="/therapist/library">Browse the library</LinkButton>}
      />
    );
  }
  return (
    <ul aria-label="Your favourites" className="flex flex-col gap-3">
      {favourites.map((resource) => (
        <li key={resource.id}>
          <ResourceCard
            resource={resource}
            headingLevel={2}
            actions={<FavouriteButton resourceId={resource.id} initial title={resource.title} />}
          />
        </li>
      ))}
    </ul>
  );
}
