import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { markdownCacheSize, renderMarkdown } from "@/components/content/MarkdownBody";

describe("rendered Markdown cache (server)", () => {
  it("parses a body once and serves the same tree again", () => {
    const source = `# Title ${Math.random()}\n\nSome *calm* text.`;
    const first = renderMarkdown(source);
    expect(renderMarkdown(source)).toBe(first);
    expect(renderToStaticMarkup(first)).toContain("<em>calm</em>");
  });

  it("renders an edited body afresh (keyed by the text, never stale)", () => {
    const before = renderMarkdown("A reading about **trust**.");
    const after = renderMarkdown("A reading about **safety**.");
    expect(after).not.toBe(before);
    expect(renderToStaticMarkup(after)).toContain("<strong>safety</strong>");
  });

  it("stays bounded", () => {
    for (let i = 0; i < 400; i++) renderMarkdown(`Line ${i}`);
    expect(markdownCacheSize()).toBeLessThanOrEqual(256);
  });
});
