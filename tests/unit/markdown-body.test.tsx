import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MarkdownBody, safeUrl } from "../../components/content/MarkdownBody";

const render = (source: string) => renderToStaticMarkup(<MarkdownBody source={source} />);

describe("MarkdownBody renders Markdown inert", () => {
  it("renders GFM: headings, lists, tables, blockquotes and links", () => {
    const html = render("## Hello\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quiet\n\n[site](https://example.org)");
    expect(html).toContain("<h2>Hello</h2>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<table>");
    expect(html).toContain("<blockquote>");
    expect(html).toMatch(/<a href="https:\/\/example.org" target="_blank" rel="noopener noreferrer nofollow">site/);
  });

  it.each([
    ["script tag", "<script>alert(1)</script>", /<script/i],
    ["img onerror", '<img src=x onerror="alert(1)">', /onerror/i],
    ["iframe", '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ["svg onload", '<svg onload="alert(1)"><circle /></svg>', /<svg|onload/i],
    ["inline event in anchor", '<a href="#" onclick="alert(1)">x</a>', /onclick/i],
    ["style tag", "<style>body{display:none}</style>", /<style/i],
  ])("drops raw HTML: %s", (_name, payload, forbidden) => {
    expect(render(`Before\n\n${payload}\n\nAfter`)).not.toMatch(forbidden);
  });

  it.each([
    ["javascript:", "[click](javascript:alert(1))"],
    ["JaVaScRiPt: with spaces", "[click]( JaVaScRiPt:alert(1))"],
    ["data:", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["vbscript:", "[click](vbscript:msgbox(1))"],
    ["encoded javascript", "[click](&#106;avascript:alert(1))"],
  ])("neutralises %s links", (_name, source) => {
    const html = render(source);
    expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    expect(html).toContain("click");
  });

  it("does not load images, keeping their description", () => {
    const html = render("![a calm lake](https://tracker.example/pixel.png)");
    expect(html).not.toContain("<img");
    expect(html).toContain("a calm lake");
  });

  it("demotes a level-one heading so the page keeps one h1", () => {
    expect(render("# Title")).toContain("<h2>Title</h2>");
  });
});

describe("safeUrl", () => {
  it("keeps http, https, mailto and same-site links", () => {
    expect(safeUrl("https://example.org/a")).toBe("https://example.org/a");
    expect(safeUrl("mailto:a@example.org")).toBe("mailto:a@example.org");
    expect(safeUrl("/therapist/library")).toBe("/therapist/library");
  });
  it("empties other protocols", () => {
    expect(safeUrl("javascript:alert(1)")).toBe("");
    expect(safeUrl("ftp://example.org")).toBe("");
  });
});
