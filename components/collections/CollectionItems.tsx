"use client";

import { CollectionItemRow } from "./CollectionItemRow";
import { useCollectionItems, type CollectionItem } from "./use-collection-items";

/**
 * The plan's resources in order. Reorder with "Move up"/"Move down" (keyboard) or by dragging;
 * every move is announced in a live region and saved at once (moves are saved one after another).
 */
export function CollectionItems({ collectionId, items }: { collectionId: string; items: CollectionItem[] }) {
  const { announcement, error, actions } = useCollectionItems(collectionId, items);
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
          <CollectionItemRow key={item.resource.id} item={item} index={index} count={items.length} actions={actions} />
        ))}
      </ol>
    </div>
  );
}
