"use client";

import { messageOf } from "@/components/forms/field-errors";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { ResourceCard } from "@/components/library/ResourceCard";
import { useTRPC } from "@/server/trpc/react";
import { Button } from "@/components/ui/Button";
import type { CollectionDetail } from "@/server/schemas/collection";

type Item = CollectionDetail["items"][number];
type Direction = "up" | "down";

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

/**
 * The plan's resources in order. Reorder with "Move up"/"Move down" (keyboard) or by dragging;
 * every move is announced in a live region and saved at once (moves are saved one after another).
 */
export function CollectionItems({ collectionId, items }: { collectionId: string; items: Item[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detailKey = trpc.collection.byId.queryKey({ id: collectionId });
  const [announcement, setAnnouncement] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dragOver, setDragOver] = useState<number | null>(null);
  const focusAfterMove = useRef<{ id: string; direction: Direction } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement | null>());

  const refresh = () => queryClient.invalidateQueries(trpc.collection.pathFilter());
  const reorder = useMutation(
    trpc.collection.reorder.mutationOptions({
      scope: { id: `reorder-${collectionId}` },
      onError: (err) => {
        setError(`${messageOf(err)} The previous order is back.`);
        void refresh();
      },
    }),
  );
  const remove = useMutation(trpc.collection.removeItem.mutationOptions({ onSettled: refresh, onError: (err) => setError(messageOf(err)) }));

  // After a keyboard move, focus stays with the moved resource (on the other button at an end).
  useEffect(() => {
    if (!focusAfterMove.current) return;
    const { id, direction } = focusAfterMove.current;
    const same = buttons.current.get(`${id}-${direction}`);
    const other = buttons.current.get(`${id}-${direction === "up" ? "down" : "up"}`);
    (same && !same.disabled ? same : other)?.focus();
    focusAfterMove.current = null;
  }, [items]);

  function commit(from: number, to: number, direction: Direction | null) {
    if (from === to || to < 0 || to >= items.length) return;
    const next = moveItem(items, from, to);
    const moved = items[from]!;
    setError(null);
    queryClient.setQueryData(detailKey, (old) => (old ? { ...old, items: next } : old));
    reorder.mutate({ collectionId, resourceIds: next.map((i) => i.resource.id) });
    setAnnouncement(`Moved “${moved.resource.title}” to position ${to + 1} of ${items.length}.`);
    if (direction) focusAfterMove.current = { id: moved.resource.id, direction };
  }

  return (
    <div className="flex flex-col gap-3">
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {error ? (
        <p role="alert" className="rounded-lg border-l-4 border-danger bg-danger-tint p-3 text-ink">
          {error}
        </p>
      ) : null}
      <ol aria-label="Resources in this plan, in reading order" className="flex flex-col gap-3">
        {items.map((item, index) => (
          <li
            key={item.resource.id}
            draggable
            onDragStart={(event) => {
              setDragFrom(index);
              event.dataTransfer.effectAllowed = "move";
              event.dataTransfer.setData("text/plain", item.resource.id);
            }}
            onDragOver={(event) => {
              if (dragFrom === null) return;
              event.preventDefault();
              setDragOver(index);
            }}
            onDrop={(event) => {
              event.preventDefault();
              if (dragFrom !== null) commit(dragFrom, index, null);
              setDragFrom(null);
              setDragOver(null);
            }}
            onDragEnd={() => {
              setDragFrom(null);
              setDragOver(null);
            }}
            className={`flex items-stretch gap-3 rounded-xl ${dragOver === index && dragFrom !== index ? "outline-2 outline-dashed outline-accent" : ""} ${dragFrom === index ? "opacity-60" : ""}`}
          >
            <div className="flex w-10 shrink-0 cursor-grab flex-col items-center justify-center gap-1 text-muted" aria-hidden="true">
              <span className="text-lg font-semibold text-ink">{index + 1}</span>
              <span title="Drag to reorder">⠿</span>
            </div>
            <div className="min-w-0 flex-1">
              <ResourceCard
                resource={item.resource}
                headingLevel={2}
                linkId={`plan-item-${item.resource.id}`}
                actions={
                  <>
                    <Button
                      ref={(el) => {
                        buttons.current.set(`${item.resource.id}-up`, el);
                      }}
                      size="sm"
                      variant="secondary"
                      disabled={index === 0}
                      aria-label={`Move up: “${item.resource.title}”`}
                      onClick={() => commit(index, index - 1, "up")}
                    >
                      Move up
                    </Button>
                    <Button
                      ref={(el) => {
                        buttons.current.set(`${item.resource.id}-down`, el);
                      }}
                      size="sm"
                      variant="secondary"
                      disabled={index === items.length - 1}
                      aria-label={`Move down: “${item.resource.title}”`}
                      onClick={() => commit(index, index + 1, "down")}
                    >
                      Move down
                    </Button>
                    <Button
                      size="sm"
                      variant="ghost"
                      aria-label={`Remove “${item.resource.title}” from this plan`}
                      loading={remove.isPending && remove.variables?.resourceId === item.resource.id}
                      onClick={() => {
                        // Focus goes to the neighbouring resource once this one is gone.
                        const neighbour = items[index + 1] ?? items[index - 1];
                        remove.mutate(
                          { collectionId, resourceId: item.resource.id },
                          { onSuccess: () => neighbour && document.getElementById(`plan-item-${neighbour.resource.id}`)?.focus() },
                        );
                        setAnnouncement(`Removed “${item.resource.title}” from this plan.`);
                      }}
                    >
                      Remove
                    </Button>
                  </>
                }
              />
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
