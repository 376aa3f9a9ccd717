import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownBody } from "../../components/content/MarkdownBody";
import { Highlight } from "../../components/library/Highlight";
import { ResourceCard } from "../../components/library/ResourceCard";
import type { ResourceCard as ResourceCardData } from "../../server/schemas/library";

const card = (overrides: Partial<ResourceCardData>): ResourceCardData => ({
  id: "r1",
  slug: "r1",
  title: "Title",
  summary: "Summary",
  kind: "ARTICLE",
  audience: "CLIENT",
  readingMinutes: 3,
  contentIntensity: null,
  hasContentNote: false,
  status: "PUBLISHED",
  visibility: "SHARED",
  isOwn: false,
  isFavourite: false,
  tags: [],
  highlights: [],
  ...overrides,
});

describe("library text is rendered as text, never as HTML", () => {
  it("escapes markup in titles, summaries and tags, highlighted or not", () => {
    const html = renderToStaticMarkup(
      <ResourceCard
        resource={card({
          title: '<img src=x onerror="alert(1)"> Avoidant',
          summary: "<script>alert(1)</script> avoidant",
          tags: [{ slug: "t", name: "<svg onload=alert(1)>", group: "topic" }],
          highlights: ["avoid", "img", "script", "svg"],
        })}
      />,
    );
    expect(html).not.toMatch(/<img|<script|<svg/i);
    expect(html).toContain("&lt;");
    expect(html).toContain("<mark");
  });

  it("marks matched words inside <mark> and keeps the rest as plain text", () => {
    const html = renderToStaticMarkup(<Highlight text="Self-compassion & you" stems={["compass"]} />);
    expect(html).toBe('Self-<mark class="rounded-sm bg-accent-tint px-0.5 font-semibold text-ink">compassion</mark> &amp; you');
  });
});

describe("Markdown bodies: link forms the basic corpus does not cover", () => {
  it.each([
    ["autolink", "<javascript:alert(1)>"],
    ["reference-style link", "[click][1]\n\n[1]: javascript:alert(1)"],
    ["entity-encoded colon", "[click](javascript&colon;alert(1))"],
    ["tab inside the scheme", "[click](java\tscript:alert(1))"],
    ["upper-case data URL", "[click](DATA:text/html,<script>alert(1)</script>)"],
  ])("neutralises a %s", (_name, source) => {
    const html = renderToStaticMarkup(<MarkdownBody source={source} />);
    expect(html).not.toMatch(/href="[^"]*(javascript|data|vbscript):/i);
    expect(html).not.toMatch(/<script/i);
  });
});
