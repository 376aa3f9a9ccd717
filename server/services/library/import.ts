// Imports a folder of library Markdown files (front matter + body) into the shared library.
// Every file is validated first; each accepted file is written in its own transaction, so a file is
// either fully imported (resource, tags, tagText, audit row) or not at all. Upserts by slug.
import fs from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import type { PrismaClient } from "../../generated/prisma/client";
import { describeIssues, frontMatterSchema, type FrontMatter } from "../../schemas/library-front-matter";
import { describePromptError, extractPrompts } from "../../schemas/worksheet-prompts";
import { recordAudit, type AuditActor } from "../audit/record";
import { normalizeTagNames, syncResourceTags } from "./tags";
import { contentFields } from "./write";

export type ParsedLibraryFile = FrontMatter & { body: string };
export type ParseResult = { ok: true; resource: ParsedLibraryFile } | { ok: false; reasons: string[] };
export type ImportOutcome = "created" | "updated" | "unchanged" | "rejected";
export type ImportSummary = {
  created: string[];
  updated: string[];
  unchanged: string[];
  rejected: { file: string; reasons: string[] }[];
};

const MAX_FILE_BYTES = 256 * 1024;
const IMPORT_ACTOR: AuditActor = { actorId: null, actorRole: null, requestId: "library-import", ip: null };

// gray-matter can run JavaScript front matter (---js); a library file must never execute code.
const refuseEngine = () => {
  throw new Error("only YAML front matter is accepted");
};
const MATTER_OPTIONS = { engines: { js: refuseEngine, javascript: refuseEngine, coffee: refuseEngine, coffeescript: refuseEngine, cson: refuseEngine } };

/** Validates one file's text. Pure: no database, no file system. */
export function parseLibraryFile(fileName: string, content: string): ParseResult {
  const text = content.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  if (!/^---[ \t]*\n/.test(text)) {
    return { ok: false, reasons: ["front matter: missing; start the file with a --- line, the YAML fields, then another --- line"] };
  }
  let parsed: { data: Record<string, unknown>; content: string };
  try {
    // Options (even empty ones) also switch off gray-matter's shared cache of parsed files.
    parsed = matter(text, MATTER_OPTIONS);
  } catch (error) {
    const detail = ((error as Error).message ?? "").split("\n")[0];
    return { ok: false, reasons: [`front matter: could not be read as YAML (${detail})`] };
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  const reasons = result.success ? [] : describeIssues(result.error);
  const expectedSlug = path.basename(fileName, path.extname(fileName));
  if (typeof parsed.data.slug === "string" && parsed.data.slug !== expectedSlug) {
    reasons.push(`slug: "${parsed.data.slug}" does not match the file name; rename the file to ${parsed.data.slug}.md or fix the slug`);
  }
  const body = parsed.content.trim();
  if (!body) reasons.push("body: is empty; write the resource below the front matter");
  if (body.length > 100_000) reasons.push("body: is too long (over 100,000 characters)");
  reasons.push(...extractPrompts(body).errors.map(describePromptError));
  if (!result.success || reasons.length) return { ok: false, reasons };
  return { ok: true, resource: { ...result.data, body } };
}

const importSelect = {
  id: true,
  ownerId: true,
  title: true,
  summary: true,
  body: true,
  kind: true,
  url: true,
  audience: true,
  contentNote: true,
  contentIntensity: true,
  status: true,
  readingMinutes: true,
  visibility: true,
  publishedAt: true,
  tags: { select: { tag: { select: { slug: true } } } },
} as const;

function resourceData(file: ParsedLibraryFile) {
  return { ...contentFields(file), status: file.status };
}

/** Writes one validated file. Returns what happened, or throws a reason to reject it. */
export async function importLibraryResource(db: PrismaClient, file: ParsedLibraryFile): Promise<Exclude<ImportOutcome, "rejected">> {
  const data = resourceData(file);
  const tagSlugs = normalizeTagNames(file.tags).map((t) => t.slug).sort();
  return db.$transaction(async (tx) => {
    const existing = await tx.resource.findUnique({ where: { slug: file.slug }, select: importSelect });
    if (existing && existing.ownerId !== null) {
      throw new Error(`slug: "${file.slug}" already belongs to a therapist's own resource; choose another slug`);
    }
    const publishedAt = data.status === "PUBLISHED" ? (existing?.publishedAt ?? new Date()) : (existing?.publishedAt ?? null);
    if (!existing) {
      const created = await tx.resource.create({
        data: { ...data, slug: file.slug, ownerId: null, visibility: "SHARED", publishedAt },
        select: { id: true },
      });
      await syncResourceTags(tx, created.id, file.tags);
      await recordAudit(tx, IMPORT_ACTOR, { action: "resource.created", targetType: "Resource", targetId: created.id, detail: { slug: file.slug, source: "import" } });
      return "created";
    }
    const currentTags = existing.tags.map((t) => t.tag.slug).sort();
    const same =
      (Object.keys(data) as (keyof typeof data)[]).every((key) => existing[key] === data[key]) &&
      existing.visibility === "SHARED" &&
      currentTags.join(",") === tagSlugs.join(",");
    if (same) return "unchanged";
    await tx.resource.update({
      where: { id: existing.id },
      data: { ...data, visibility: "SHARED", publishedAt, version: { increment: 1 } },
      select: { id: true },
    });
    await syncResourceTags(tx, existing.id, file.tags);
    await recordAudit(tx, IMPORT_ACTOR, { action: "resource.edited", targetType: "Resource", targetId: existing.id, detail: { slug: file.slug, source: "import" } });
    return "updated";
  });
}

export type ImportProgress = { onStart?: (total: number) => void; onFile?: (file: string, outcome: ImportOutcome) => void };

/** Imports every *.md file in `folder` (sorted by name). Bad files are reported, never half-written. */
export async function importLibraryFolder(db: PrismaClient, folder: string, progress: ImportProgress = {}): Promise<ImportSummary> {
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new Error(`${folder} is not a folder: pass the folder that holds the library's .md files`);
  }
  const files = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith(".md"))
    .sort();
  const summary: ImportSummary = { created: [], updated: [], unchanged: [], rejected: [] };
  const slugsSeen = new Map<string, string>();
  progress.onStart?.(files.length);
  for (const file of files) {
    const outcome = await importOne(db, folder, file, slugsSeen, summary);
    progress.onFile?.(file, outcome);
  }
  return summary;
}

async function importOne(db: PrismaClient, folder: string, file: string, slugsSeen: Map<string, string>, summary: ImportSummary): Promise<ImportOutcome> {
  const reject = (reasons: string[]) => {
    summary.rejected.push({ file, reasons });
    return "rejected" as const;
  };
  const fullPath = path.join(folder, file);
  if (fs.statSync(fullPath).size > MAX_FILE_BYTES) return reject([`file: is larger than ${MAX_FILE_BYTES / 1024} KB`]);
  const parsed = parseLibraryFile(file, fs.readFileSync(fullPath, "utf8"));
  if (!parsed.ok) return reject(parsed.reasons);
  const earlier = slugsSeen.get(parsed.resource.slug);
  if (earlier) return reject([`slug: "${parsed.resource.slug}" is also used by ${earlier}`]);
  slugsSeen.set(parsed.resource.slug, file);
  try {
    const outcome = await importLibraryResource(db, parsed.resource);
    summary[outcome].push(file);
    return outcome;
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    // Prisma's message opens with a code frame; the database's own words are on the last line.
    const lastLine = message.trim().split("\n").pop() ?? message;
    return reject([message.startsWith("slug:") ? message : `database: ${lastLine.trim()}`]);
  }
}

/** "file.md: field: message" lines for the rejected files. */
export function formatRejections(summary: ImportSummary): string[] {
  return summary.rejected.flatMap(({ file, reasons }) => reasons.map((reason) => `${file}: ${reason}`));
}

/** The seed's step: imports the starting library and refuses to continue past a bad file. */
export async function seedLibrary(db: PrismaClient, folder: string, log: (line: string) => void = () => {}) {
  const summary = await importLibraryFolder(db, folder);
  if (summary.rejected.length) throw new Error(`the starting library has files that need fixing:\n${formatRejections(summary).join("\n")}`);
  log(`library: ${summary.created.length} created, ${summary.updated.length} updated, ${summary.unchanged.length} unchanged`);
  return summary;
}
