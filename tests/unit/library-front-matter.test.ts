import { describe, expect, it } from "vitest";
import { frontMatterSchema } from "../../server/schemas/library-front-matter";
import { resourceFormSchema } from "../../server/schemas/library";
import { parseLibraryFile } from "../../server/services/library/import";
import { buildFuzzyQuery, queryWords } from "../../server/services/library/search";

const valid = {
  slug: "calm-breathing",
  title: "Calm breathing",
  summary: "A short practice.",
  kind: "EXERCISE",
  audience: "CLIENT",
  tags: ["Grounding"],
  status: "PUBLISHED",
};

describe("front matter schema", () => {
  it("accepts a complete file and defaults audience and status", () => {
    const { audience: _a, status: _s, ...minimal } = valid;
    const parsed = frontMatterSchema.parse(minimal);
    expect(parsed).toMatchObject({ audience: "ANYONE", status: "PUBLISHED", tags: ["Grounding"] });
  });

  it.each([
    ["slug with spaces", { slug: "Calm Breathing" }, "slug"],
    ["unknown kind", { kind: "PODCAST" }, "kind"],
    ["unknown audience", { audience: "EVERYONE" }, "audience"],
    ["non-web url", { kind: "LINK", url: "ftp://example.org/file" }, "url"],
    ["javascript url", { kind: "VIDEO", url: "javascript:alert(1)" }, "url"],
    ["url on an article", { url: "https://example.org" }, "url"],
    ["intensity without note", { contentIntensity: "MILD" }, "contentNote"],
    ["note without intensity", { contentNote: "Mentions grief." }, "contentIntensity"],
    ["too many tags", { tags: Array.from({ length: 13 }, (_, i) => `Tag ${i}`) }, "tags"],
    ["unknown field", { colour: "blue" }, ""],
  ])("rejects %s", (_name, change, field) => {
    const result = frontMatterSchema.safeParse({ ...valid, ...change });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues.map((i) => i.path.join("."))).toContain(field);
  });

  it("accepts links, audio and video with an https address", () => {
    for (const kind of ["LINK", "AUDIO", "VIDEO"]) {
      expect(frontMatterSchema.safeParse({ ...valid, kind, url: "https://www.nhs.uk/mental-health/" }).success).toBe(true);
    }
  });

  it("shares its cross-field rules with the editor form", () => {
    const result = resourceFormSchema.safeParse({ ...valid, body: "Body", visibility: "PRIVATE", contentIntensity: "STRONG", contentNote: "  " });
    expect(result.success).toBe(false);
  });
});

describe("parsing a library file", () => {
  const text = (yaml: string, body = "Body text.") => `---\n${yaml}\n---\n${body}`;

  it("returns the resource with its trimmed body", () => {
    const result = parseLibraryFile("calm-breathing.md", text("slug: calm-breathing\ntitle: Calm\nsummary: S.\nkind: ARTICLE\ntags: [Repair]", "\n\nHello.\n\n"));
    expect(result).toMatchObject({ ok: true, resource: { slug: "calm-breathing", body: "Hello.", tags: ["Repair"] } });
  });

  it("names the field and explains, for every problem at once", () => {
    const result = parseLibraryFile("other-name.md", text("slug: calm-breathing\nsummary: S.\nkind: NOPE"));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reasons).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^title: Give it a title/),
          expect.stringMatching(/^kind: must be one of/),
          expect.stringMatching(/^slug: "calm-breathing" does not match the file name/),
        ]),
      );
    }
  });

  it("never runs JavaScript front matter", () => {
    const result = parseLibraryFile("x.md", "---javascript\n{ slug: (globalThis.__ran = 1, 'x') }\n---\nBody");
    expect(result.ok).toBe(false);
    expect((globalThis as { __ran?: number }).__ran).toBeUndefined();
  });
});

describe("search query building", () => {
  it("keeps only letters, digits and inner hyphens, so no tsquery operator survives", () => {
    expect(queryWords("Self-compass & (avoidant) | !grounding:* 'x'")).toEqual(["self-compass", "avoidant", "grounding", "x"]);
    expect(queryWords("   ")).toEqual([]);
    expect(queryWords("a b c d e f g h i j")).toHaveLength(8);
  });

  it("ANDs the words, each as a prefix or one of its similar dictionary words", () => {
    expect(buildFuzzyQuery(["avoidnt", "at"], [{ word: "avoidnt", term: "avoidant" }, { word: "avoidnt", term: "bad|term" }])).toBe(
      "(avoidnt:* | avoidant) & (at)",
    );
  });
});
