import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "../../server/db";
import { importLibraryFolder } from "../../server/services/library/import";
import { createTherapist } from "../support/factories";

const folders: string[] = [];
afterAll(() => {
  for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true });
});

function folderWith(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-library-"));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
  return dir;
}

function file(fields: Record<string, string>, body = "## Hello\n\nA calm paragraph of text.") {
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join("\n");
  return `---\n${yaml}\n---\n\n${body}\n`;
}

const good = (slug: string, extra: Record<string, string> = {}) =>
  file({ slug, title: `Title of ${slug}`, summary: "A short summary.", kind: "ARTICLE", audience: "CLIENT", tags: "[Grounding, Importer-only tag]", status: "PUBLISHED", ...extra });

describe("library import", () => {
  it("creates, then leaves unchanged, then updates (bumping the version) with audit rows", async () => {
    const dir = folderWith({ "calm-one.md": good("calm-one"), "calm-two.md": good("calm-two"), "notes.txt": "ignored" });
    const first = await importLibraryFolder(getDb(), dir);
    expect(first).toEqual({ created: ["calm-one.md", "calm-two.md"], updated: [], unchanged: [], rejected: [] });
    const row = await getDb().resource.findUniqueOrThrow({
      where: { slug: "calm-one" },
      select: { ownerId: true, visibility: true, status: true, publishedAt: true, tagText: true, version: true, readingMinutes: true },
    });
    expect(row).toMatchObject({ ownerId: null, visibility: "SHARED", status: "PUBLISHED", tagText: "Grounding Importer-only tag", version: 1, readingMinutes: 1 });
    expect(row.publishedAt).not.toBeNull();
    const tags = await getDb().tag.findMany({ where: { slug: { in: ["grounding", "importer-only-tag"] } }, select: { slug: true, group: true } });
    expect(tags.sort((a, b) => a.slug.localeCompare(b.slug))).toEqual([
      { slug: "grounding", group: "skill" },
      { slug: "importer-only-tag", group: "topic" },
    ]);

    const second = await importLibraryFolder(getDb(), dir);
    expect(second).toEqual({ created: [], updated: [], unchanged: ["calm-one.md", "calm-two.md"], rejected: [] });

    fs.writeFileSync(path.join(dir, "calm-two.md"), good("calm-two", { title: "A new title", tags: "[Repair]" }));
    const third = await importLibraryFolder(getDb(), dir);
    expect(third).toEqual({ created: [], updated: ["calm-two.md"], unchanged: ["calm-one.md"], rejected: [] });
    const updated = await getDb().resource.findUniqueOrThrow({ where: { slug: "calm-two" }, select: { id: true, title: true, version: true, tagText: true } });
    expect(updated).toMatchObject({ title: "A new title", version: 2, tagText: "Repair" });
    const actions = await getDb().auditEvent.findMany({ where: { targetId: updated.id }, orderBy: { at: "asc" }, select: { action: true, actorId: true } });
    expect(actions).toEqual([
      { action: "resource.created", actorId: null },
      { action: "resource.edited", actorId: null },
    ]);
  });

  it("rejects each kind of bad file with a reason naming the field, and writes nothing for it", async () => {
    const before = { resources: await getDb().resource.count(), tags: await getDb().tag.count(), audit: await getDb().auditEvent.count() };
    const bad: Record<string, [string, RegExp]> = {
      "broken-yaml.md": ["---\nslug: broken-yaml\ntitle: [unclosed\n---\nBody", /^front matter: could not be read as YAML/],
      "no-front-matter.md": ["Just a body without any front matter.", /^front matter: missing/],
      "unknown-kind.md": [good("unknown-kind", { kind: "PODCAST" }), /^kind: must be one of ARTICLE/],
      "missing-title.md": [
        file({ slug: "missing-title", summary: "S.", kind: "ARTICLE", audience: "CLIENT", tags: "[Bad file tag]" }),
        /^title: Give it a title\./,
      ],
      "slug-mismatch.md": [good("another-slug"), /^slug: "another-slug" does not match the file name/],
      "bad-url.md": [good("bad-url", { kind: "LINK", url: '"javascript:alert(1)"' }), /^url: Use a web address that starts with http/],
      "link-without-url.md": [good("link-without-url", { kind: "LINK" }), /^url: Add the web address/],
      "intensity-without-note.md": [good("intensity-without-note", { contentIntensity: "STRONG" }), /^contentNote: Describe what the content note is about/],
      "note-without-intensity.md": [good("note-without-intensity", { contentNote: "Mentions loss." }), /^contentIntensity: Choose how intense/],
      "unknown-field.md": [good("unknown-field", { colour: "blue" }), /^front matter: unknown field\(s\) colour/],
      "bad-status.md": [good("bad-status", { status: "LIVE" }), /^status: must be one of DRAFT, PUBLISHED, ARCHIVED/],
      "empty-body.md": [file({ slug: "empty-body", title: "T", summary: "S", kind: "ARTICLE", audience: "CLIENT" }, ""), /^body: is empty/],
      "js-front-matter.md": ["---js\n{ slug: (globalThis.__havenImportRan = true, 'js-front-matter') }\n---\nBody", /^front matter: missing/],
    };
    const dir = folderWith({ ...Object.fromEntries(Object.entries(bad).map(([name, [content]]) => [name, content])), "z-fine.md": good("z-fine") });
    const summary = await importLibraryFolder(getDb(), dir);
    expect(summary.created).toEqual(["z-fine.md"]);
    expect(summary.rejected.map((r) => r.file).sort()).toEqual(Object.keys(bad).sort());
    for (const { file: name, reasons } of summary.rejected) {
      expect(reasons.some((reason) => bad[name]![1].test(reason)), `${name}: ${reasons.join(" / ")}`).toBe(true);
    }
    expect((globalThis as { __havenImportRan?: boolean }).__havenImportRan).toBeUndefined();
    expect(await getDb().resource.count()).toBe(before.resources + 1);
    expect(await getDb().tag.count({ where: { slug: "bad-file-tag" } })).toBe(0);
    expect(await getDb().auditEvent.count()).toBe(before.audit + 1);
  });

  it("rejects a second file with the same slug, and a slug that belongs to a therapist's own resource", async () => {
    const therapist = await createTherapist();
    await getDb().resource.create({
      data: { slug: "therapists-own", title: "Mine", summary: "s", body: "b", kind: "ARTICLE", readingMinutes: 1, ownerId: therapist.id, visibility: "PRIVATE" },
    });
    const dir = folderWith({
      "dup-a.md": good("dup-a"),
      "dup-b.md": good("dup-b").replace("slug: dup-b", "slug: dup-a"),
      "therapists-own.md": good("therapists-own"),
    });
    const summary = await importLibraryFolder(getDb(), dir);
    expect(summary.created).toEqual(["dup-a.md"]);
    expect(summary.rejected.find((r) => r.file === "therapists-own.md")?.reasons).toEqual([
      `slug: "therapists-own" already belongs to a therapist's own resource; choose another slug`,
    ]);
    expect(summary.rejected.find((r) => r.file === "dup-b.md")?.reasons.join(" ")).toMatch(/slug/);
    const own = await getDb().resource.findUniqueOrThrow({ where: { slug: "therapists-own" }, select: { title: true, ownerId: true } });
    expect(own).toEqual({ title: "Mine", ownerId: therapist.id });
  });

  it("never leaves a half-imported file when the database fails part-way", async () => {
    // A tag row exists, but a constraint makes linking it fail after the resource row is inserted.
    const tag = await getDb().tag.create({ data: { slug: "poisoned", name: "Poisoned", group: "topic" } });
    await getDb().$executeRawUnsafe(`ALTER TABLE "ResourceTag" ADD CONSTRAINT haven_test_poison CHECK ("tagId" <> '${tag.id}')`);
    try {
      const dir = folderWith({ "half.md": good("half", { tags: "[Poisoned]" }) });
      const summary = await importLibraryFolder(getDb(), dir);
      expect(summary.rejected.map((r) => r.file)).toEqual(["half.md"]);
      expect(summary.rejected[0]!.reasons[0]).toMatch(/^database: /);
      expect(await getDb().resource.count({ where: { slug: "half" } })).toBe(0);
    } finally {
      await getDb().$executeRawUnsafe(`ALTER TABLE "ResourceTag" DROP CONSTRAINT haven_test_poison`);
    }
  });

  it("imports the project's own library without a single rejection", async () => {
    const summary = await importLibraryFolder(getDb(), path.resolve(import.meta.dirname, "../../prisma/library"));
    expect(summary.rejected).toEqual([]);
    expect(summary.created.length).toBeGreaterThanOrEqual(24);
    const again = await importLibraryFolder(getDb(), path.resolve(import.meta.dirname, "../../prisma/library"));
    expect(again.unchanged.length).toBe(summary.created.length);
  });

  it("refuses a folder that doesn't exist", async () => {
    await expect(importLibraryFolder(getDb(), "/no/such/folder")).rejects.toThrow(/is not a folder/);
  });
});
