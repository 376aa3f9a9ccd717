// The front matter of a library Markdown file (prisma/library/*.md), checked before anything is written.
import { z } from "zod";
import { text } from "./text";
import { AUDIENCES, RESOURCE_KINDS, RESOURCE_STATUSES, refineResource, resourceFieldShape } from "./library";
import { RESERVED_SLUGS, SLUG_MAX, SLUG_PATTERN } from "./library-text";

export const frontMatterSchema = z
  .strictObject({
    slug: text({ error: "is required: use the file name without .md" })
      .max(SLUG_MAX, `must be at most ${SLUG_MAX} characters`)
      .regex(SLUG_PATTERN, "use lower-case letters, digits and single hyphens, e.g. my-resource")
      .refine((slug) => !RESERVED_SLUGS.includes(slug), "is reserved for a library page; choose another"),
    ...resourceFieldShape,
    kind: z.enum(RESOURCE_KINDS, { error: `must be one of ${RESOURCE_KINDS.join(", ")}` }),
    audience: z.enum(AUDIENCES, { error: `must be one of ${AUDIENCES.join(", ")}` }).default("ANYONE"),
    status: z.enum(RESOURCE_STATUSES, { error: `must be one of ${RESOURCE_STATUSES.join(", ")}` }).default("PUBLISHED"),
  })
  .superRefine(refineResource);

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** "title: Give it a title." — one readable line per problem, naming the field. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const field = issue.path.length ? issue.path.join(".") : "front matter";
    if (issue.code === "unrecognized_keys") return `${field}: unknown field(s) ${issue.keys.join(", ")}`;
    return `${field}: ${issue.message}`;
  });
}
