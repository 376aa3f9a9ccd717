// Collections ("reading plans"): ordered lists of library resources owned by a therapist.
import { z } from "zod";
import { outputText, text } from "./text";
import { entityId } from "./assignment";
import { resourceCardOutput } from "./library";

const title = text({ error: "Give the reading plan a name." })
  .trim()
  .min(1, "Give the reading plan a name.")
  .max(120, "Keep the name under 120 characters.");
const description = text().trim().max(1000, "Keep the description under 1,000 characters.");

export const collectionCreateInput = z.object({ title, description: description.default("") });
export const collectionUpdateInput = z.object({ id: entityId, title: title.optional(), description: description.optional() });
export const collectionIdInput = z.object({ id: entityId });
export const collectionListInput = z.object({ containsResourceId: entityId.optional() }).optional();
/** A reading plan holds at most this many pieces (and reordering accepts all of them). */
export const MAX_COLLECTION_ITEMS = 200;
export const collectionItemInput = z.object({ collectionId: entityId, resourceId: entityId });
export const collectionReorderInput = z.object({
  collectionId: entityId,
  /** Every resource of the plan that the owner can see, in the new order. */
  resourceIds: z.array(entityId).max(MAX_COLLECTION_ITEMS),
});

export const collectionSummaryOutput = z.object({
  id: outputText(),
  title: outputText(),
  description: outputText(),
  itemCount: z.number().int(),
  updatedAt: z.date(),
  /** Whether the resource named in the request is already in this plan (false when none was named). */
  containsResource: z.boolean(),
});

export const collectionDetailOutput = z.object({
  id: outputText(),
  title: outputText(),
  description: outputText(),
  updatedAt: z.date(),
  items: z.array(z.object({ position: z.number().int(), resource: resourceCardOutput })),
  /** Items whose resource is no longer visible (unshared or archived by its author). */
  unavailableCount: z.number().int(),
});
export type CollectionDetail = z.infer<typeof collectionDetailOutput>;

export const collectionWriteOutput = z.object({ id: outputText(), title: outputText(), description: outputText() });
