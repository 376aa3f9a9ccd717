"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { messageOf } from "@/components/forms/field-errors";
import { useTRPC } from "@/server/trpc/react";
import type { CollectionDetail } from "@/server/schemas/collection";

export type CollectionItem = CollectionDetail["items"][number];
export type Direction = "up" | "down";

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [moved] = next.splice(from, 1);
  if (moved !== undefined) next.splice(Math.max(0, Math.min(to, next.length)), 0, moved);
  return next;
}

/** What one row needs to drag, move and remove itself. */
export interface CollectionRowActions {
  dragFrom: number | null;
  dragOver: number | null;
  onDragStart: (index: number, event: DragEvent<HTMLElement>) => void;
  onDragOver: (index: number, event: DragEvent<HTMLElement>) => void;
  onDrop: (index: number, event: DragEvent<HTMLElement>) => void;
  onDragEnd: () => void;
  move: (index: number, direction: Direction) => void;
  remove: (index: number) => void;
  isRemoving: (resourceId: string) => boolean;
  /** Keeps each Move button, so focus can follow the moved resource. */
  setMoveButton: (resourceId: string, direction: Direction, element: HTMLButtonElement | null) => void;
}

/**
 * Reordering and removing a plan's resources: optimistic moves saved one after another, each
 * announced; focus follows a keyboard move and goes to a neighbour after a removal.
 */
export function useCollectionItems(collectionId: string, items: CollectionItem[]) {
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
  const removal = useMutation(trpc.collection.removeItem.mutationOptions({ onSettled: refresh, onError: (err) => setError(messageOf(err)) }));

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

  const endDrag = () => {
    setDragFrom(null);
    setDragOver(null);
  };

  const actions: CollectionRowActions = {
    dragFrom,
    dragOver,
    onDragStart: (index, event) => {
      setDragFrom(index);
      event.dataTransfer.effectAllowed = "move";
      event.dataTransfer.setData("text/plain", items[index]?.resource.id ?? "");
    },
    onDragOver: (index, event) => {
      if (dragFrom === null) return;
      event.preventDefault();
      setDragOver(index);
    },
    onDrop: (index, event) => {
      event.preventDefault();
      if (dragFrom !== null) commit(dragFrom, index, null);
      endDrag();
    },
    onDragEnd: endDrag,
    move: (index, direction) => commit(index, direction === "up" ? index - 1 : index + 1, direction),
    remove: (index) => {
      const item = items[index];
      if (!item) return;
      // Focus goes to the neighbouring resource once this one is gone.
      const neighbour = items[index + 1] ?? items[index - 1];
      removal.mutate(
        { collectionId, resourceId: item.resource.id },
        { onSuccess: () => neighbour && document.getElementById(`plan-item-${neighbour.resource.id}`)?.focus() },
      );
      setAnnouncement(`Removed “${item.resource.title}” from this plan.`);
    },
    isRemoving: (resourceId) => removal.isPending && removal.variables?.resourceId === resourceId,
    setMoveButton: (resourceId, direction, element) => {
      buttons.current.set(`${resourceId}-${direction}`, element);
    },
  };

  return { announcement, error, actions };
}
