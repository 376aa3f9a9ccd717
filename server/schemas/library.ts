// Library inputs and outputs: shared by the routers, the importer and the browser forms.
import { z } from "zod";
import { describePromptError, extractPrompts } from "./worksheet-prompts";
import { id, outputText, text } from "./text";

export const RESOURCE_KINDS = ["ARTICLE", "WORKSHEET", "EXERCISE", "AUDIO", "VIDEO", "LINK"] as const;
export const AUDIENCES = ["CLIENT", "CLINICIAN", "ANYONE"] as const;
export const INTENSITIES = ["MILD", "MODERATE", "STRONG"] as const;
export const VISIBILITIES = ["PRIVATE", "SHARED"] as const;
export const RESOURCE_STATUSES = ["DRAFT", "PUBLISHED", "ARCHIVED"] as const;
/** Kinds that point somewhere else: they need a web address, and only they may have one. */
export const KINDS_WITH_URL: readonly ResourceKindName[] = ["LINK", "AUDIO", "VIDEO"];

export type ResourceKindName = (typeof RESOURCE_KINDS)[number];
export type AudienceName = (typeof AUDIENCES)[number];
export type IntensityName = (typeof INTENSITIES)[number];

export const KIND_LABELS: Record<ResourceKindName, string> = {
  ARTICLE: "Article",
  WORKSHEET: "Worksheet",
  EXERCISE: "Exercise",
  AUDIO: "Audio",
  VIDEO: "Video",
  LINK: "Link",
};
export const AUDIENCE_LABELS: Record<AudienceName, string> = {
  CLIENT: "For clients",
  CLINICIAN: "For clinicians",
  ANYONE: "For anyone",
};

/** The starting tag vocabulary and its groups; tags met elsewhere join the "topic" group. */
export const TAG_GROUPS: Record<string, { label: string; tags: string[] }> = {
  "attachment-style": {
    label: "Attachment styles",
    tags: ["Attachment styles", "Secure attachment", "Anxious attachment", "Avoidant attachment", "Disorganized attachment"],
  },
  "healing-path": {
    label: "Healing paths",
    tags: ["Earned security", "Safe relationships", "Self-compassion", "Attachment-focused therapy", "Somatic therapy"],
  },
  topic: {
    label: "Topics",
    tags: ["How attachment forms", "Early bonds", "Neuroscience", "Self-knowledge", "Adult relationships", "Repair", "For clinicians"],
  },
  skill: { label: "Skills", tags: ["Grounding", "Window of tolerance", "Emotional regulation"] },
};
export const DEFAULT_TAG_GROUP = "topic";

export function groupForTag(name: string): string {
  const lower = name.toLowerCase();
  for (const [group, { tags }] of Object.entries(TAG_GROUPS)) {
    if (tags.some((t) => t.toLowerCase() === lower)) return group;
  }
  return DEFAULT_TAG_GROUP;
}

const slugText = text().trim().min(1).max(120);

/** Missing → the friendly "required" message; wrong type → say text is expected. */
const requiredText = (missing: string) => (issue: { input?: unknown }) => (issue.input === undefined ? missing : "Use plain text here.");

const emptyToUndefined = (value: string | undefined) => (value ? value : undefined);

export const resourceFieldShape = {
  title: text({ error: requiredText("Give it a title.") }).trim().min(1, "Give it a title.").max(200, "Keep the title under 200 characters."),
  summary: text({ error: requiredText("Add a short summary.") })
    .trim()
    .min(1, "Add a short summary: one or two sentences about what it offers.")
    .max(600, "Keep the summary under 600 characters."),
  kind: z.enum(RESOURCE_KINDS, { error: "Choose what kind of resource this is." }),
  url: text().trim().max(2000, "That web address is too long.").optional().transform(emptyToUndefined),
  audience: z.enum(AUDIENCES, { error: "Choose who it is written for." }),
  tags: z
    .array(text().trim().min(1, "A tag can't be empty.").max(40, "Keep each tag under 40 characters."))
    .max(12, "Use at most 12 tags.")
    .default([]),
  contentNote: text().trim().max(500, "Keep the content note under 500 characters.").optional().transform(emptyToUndefined),
  contentIntensity: z.enum(INTENSITIES, { error: "Choose mild, moderate or strong." }).nullish(),
};

const bodyText = text()
  .trim()
  .min(1, "Write the body of the resource (Markdown is welcome).")
  .max(100_000, "The body is too long: keep it under 100,000 characters.")
  .superRefine((body, ctx) => {
    // Worksheet prompts (```prompt blocks) must parse; the first few problems are named.
    for (const error of extractPrompts(body).errors.slice(0, 3)) ctx.addIssue({ code: "custom", message: `Fix ${describePromptError(error)}.` });
  });

type RefinableResource = {
  kind: ResourceKindName;
  url?: string;
  contentNote?: string;
  contentIntensity?: IntensityName | null;
  tags: string[];
};

/** http(s) only: a javascript:, data: or file: address is refused, not cleaned. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && Boolean(url.hostname);
  } catch {
    return false;
  }
}

/** Rules across fields, shared by the form, the procedures and the importer. */
export function refineResource(data: RefinableResource, ctx: z.RefinementCtx) {
  const needsUrl = KINDS_WITH_URL.includes(data.kind);
  if (data.url && !isWebUrl(data.url)) {
    ctx.addIssue({ code: "custom", path: ["url"], message: "Use a web address that starts with http:// or https://." });
  } else if (needsUrl && !data.url) {
    ctx.addIssue({ code: "custom", path: ["url"], message: "Add the web address (starting with https://) for this link, audio or video." });
  } else if (!needsUrl && data.url) {
    ctx.addIssue({ code: "custom", path: ["url"], message: "Only links, audio and video have a web address: clear it or change the kind." });
  }
  if (data.contentNote && !data.contentIntensity) {
    ctx.addIssue({ code: "custom", path: ["contentIntensity"], message: "Choose how intense the content is: mild, moderate or strong." });
  }
  if (!data.contentNote && data.contentIntensity) {
    ctx.addIssue({ code: "custom", path: ["contentNote"], message: "Describe what the content note is about, or clear the intensity." });
  }
  const seen = new Set<string>();
  for (const tag of data.tags) {
    const key = tag.toLowerCase();
    if (seen.has(key)) ctx.addIssue({ code: "custom", path: ["tags"], message: `The tag "${tag}" is listed twice.` });
    seen.add(key);
  }
}

/** The editor's fields (create and update share them). */
export const resourceFormSchema = z
  .object({ ...resourceFieldShape, body: bodyText, visibility: z.enum(VISIBILITIES) })
  .superRefine(refineResource);

export const resourceCreateInput = z
  .object({ ...resourceFieldShape, body: bodyText, visibility: z.enum(VISIBILITIES), publish: z.boolean().default(false) })
  .superRefine(refineResource);

export const resourceUpdateInput = z
  .object({
    ...resourceFieldShape,
    body: bodyText,
    visibility: z.enum(VISIBILITIES),
    id: id(),
    /** The version the editor loaded: a save over someone else's newer edit is refused. */
    version: z.number().int().min(1),
  })
  .superRefine(refineResource);

export const resourceIdInput = z.object({ id: id() });
export const resourceSlugInput = z.object({ slug: slugText });
export const favouriteInput = z.object({ resourceId: id(), favourite: z.boolean() });

export const LENGTH_FILTERS = ["short", "medium", "long"] as const;
export const LENGTH_LABELS: Record<(typeof LENGTH_FILTERS)[number], string> = {
  short: "5 minutes or less",
  medium: "6 to 15 minutes",
  long: "More than 15 minutes",
};
export const SCOPES = ["all", "mine", "shared", "favourites"] as const;
export const STATUS_FILTERS = ["current", "draft", "published", "archived"] as const;
export const SORTS = ["relevance", "newest", "title", "length"] as const;

export const librarySearchInput = z.object({
  q: text().trim().max(200, "Keep the search under 200 characters.").default(""),
  tags: z.array(text().min(1).max(120)).max(20).default([]),
  kinds: z.array(z.enum(RESOURCE_KINDS)).max(RESOURCE_KINDS.length).default([]),
  audiences: z.array(z.enum(AUDIENCES)).max(AUDIENCES.length).default([]),
  length: z.enum(LENGTH_FILTERS).nullish(),
  contentNote: z.enum(["with", "without"]).nullish(),
  scope: z.enum(SCOPES).default("all"),
  /** "current" = published and drafts; archived pieces show only when asked for. */
  status: z.enum(STATUS_FILTERS).default("current"),
  sort: z.enum(SORTS).default("relevance"),
  limit: z.number().int().min(1).max(50).default(20),
  cursor: text().max(600).nullish(),
});
export type LibrarySearchInput = z.input<typeof librarySearchInput>;
export type LibrarySearchFilters = z.output<typeof librarySearchInput>;

const tagOutput = z.object({ slug: outputText(), name: outputText(), group: outputText() });

export const resourceCardOutput = z.object({
  id: outputText(),
  slug: outputText(),
  title: outputText(),
  summary: outputText(),
  kind: z.enum(RESOURCE_KINDS),
  audience: z.enum(AUDIENCES),
  readingMinutes: z.number().int(),
  contentIntensity: z.enum(INTENSITIES).nullable(),
  hasContentNote: z.boolean(),
  status: z.enum(RESOURCE_STATUSES),
  visibility: z.enum(VISIBILITIES),
  isOwn: z.boolean(),
  isFavourite: z.boolean(),
  tags: z.array(tagOutput),
  /** Stems to mark in the title and summary (only ones that occur there). */
  highlights: z.array(outputText()),
});
export type ResourceCard = z.infer<typeof resourceCardOutput>;

export const librarySearchOutput = z.object({
  items: z.array(resourceCardOutput),
  nextCursor: outputText().nullable(),
  /** Exact up to 1,000 matches; when there are more, 1,000 and totalCapped. */
  total: z.number().int(),
  totalCapped: z.boolean(),
});

export const resourceDetailOutput = resourceCardOutput.omit({ highlights: true }).extend({
  body: outputText(),
  url: outputText().nullable(),
  contentNote: outputText().nullable(),
  version: z.number().int(),
  ownerName: outputText().nullable(),
  canEdit: z.boolean(),
  publishedAt: z.date().nullable(),
  updatedAt: z.date(),
});

export const tagListOutput = z.array(tagOutput.extend({ count: z.number().int() }));
export type TagListItem = z.infer<typeof tagListOutput>[number];

export const resourceWriteOutput = z.object({ id: outputText(), slug: outputText(), version: z.number().int(), status: z.enum(RESOURCE_STATUSES) });
