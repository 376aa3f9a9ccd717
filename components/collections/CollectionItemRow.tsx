"use client";

import { ResourceCard } from "@/components/library/ResourceCard";
import { Button } from "@/components/ui/Button";
import type { CollectionItem, CollectionRowActions } from "./use-collection-items";

interface CollectionItemRowProps {
  item: CollectionItem;
  index: number;
  count: number;
  actions: CollectionRowActions;
}

/** One resource of a plan: its position, a drag handle, its card, and Move up / Move down / Remove. */
export function CollectionItemRow({ item, index, count, actions }: CollectionItemRowProps) {
  const { resource } = item;
  const dragging = actions.dragFrom === index;
  const dropTarget = actions.dragOver === index && !dragging;
  return (
    <li
      draggable
      onDragStart={(event) => actions.onDragStart(index, event)}
      onDragOver={(event) => actions.onDragOver(index, event)}
      onDrop={(event) => actions.onDrop(index, event)}
      onDragEnd={actions.onDragEnd}
      className={`flex items-stretch gap-3 rounded-xl ${dropTarget ? "outline-2 outline-dashed outline-accent" : ""} ${dragging ? "opacity-60" : ""}`}
    >
      <div className="flex w-10 shrink-0 cursor-grab flex-col items-center justify-center gap-1 text-muted" aria-hidden="true">
        <span className="text-lg font-semibold text-ink">{index + 1}</span>
        <span title="Drag to reorder">⠿</span>
      </div>
      <div className="min-w-0 flex-1">
        <ResourceCard
          resource={resource}
          headingLevel={2}
          linkId={`plan-item-${resource.id}`}
          actions={
            <>
              <Button
                ref={(el) => actions.setMoveButton(resource.id, "up", el)}
                size="sm"
                variant="secondary"
                disabled={index === 0}
                aria-label={`Move up: “${resource.title}”`}
                onClick={() => actions.move(index, "up")}
              >
                Move up
              </Button>
              <Button
                ref={(el) => actions.setMoveButton(resource.id, "down", el)}
                size="sm"
                variant="secondary"
                disabled={index === count - 1}
                aria-label={`Move down: “${resource.title}”`}
                onClick={() => actions.move(index, "down")}
              >
                Move down
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Remove “${resource.title}” from this plan`}
                loading={actions.isRemoving(resource.id)}
                onClick={() => actions.remove(index)}
              >
                Remove
              </Button>
            </>
          }
        />
      </div>
    </li>
  );
}
