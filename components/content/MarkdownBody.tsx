import type { ReactElement } from "react";
import Markdown, { defaultUrlTransform, type Components } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { PromptField } from "@/components/worksheet/PromptField";

const SAFE_PROTOCOL = /^(https?:|mailto:)/i;

/** Only http(s), mailto and same-site links survive; javascript:, data:, vbscript: … become inert. */
export function safeUrl(url: string): string {
  const cleaned = defaultUrlTransform(url);
  if (!cleaned) return "";
  if (SAFE_PROTOCOL.test(cleaned) || cleaned.startsWith("/") || cleaned.startsWith("#")) return cleaned;
  return /^[a-z][a-z0-9+.-]*:/i.test(cleaned) ? "" : cleaned;
}

const components: Components = {
  a({ href, children }) {
    if (!href) return <span>{children}</span>;
    const external = /^https?:/i.test(href);
    return external ? (
      <a href={href} target="_blank" rel="noopener noreferrer nofollow">
        {children}
        <span className="sr-only"> (opens in a new tab)</span>
      </a>
    ) : (
      <a href={href}>{children}</a>
    );
  },
  // No images: nothing is fetched from elsewhere while someone reads. The description stays.
  img({ alt }) {
    return alt ? <span className="italic">[Image: {alt}]</span> : null;
  },
  table({ children }) {
    return (
      // A scrollable region must be reachable by keyboard (WCAG 2.1.1); it is a labelled region.
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Table">
        <table>{children}</table>
      </div>
    );
  },
  // ```prompt blocks are worksheet questions (server/schemas/worksheet-prompts.ts); other code stays code.
  pre({ node, children }) {
    const code = node?.children[0];
    if (code?.type === "element" && code.tagName === "code") {
      const classes = code.properties.className;
      if (Array.isArray(classes) && classes.includes("language-prompt")) {
        const text = code.children.map((child) => (child.type === "text" ? child.value : "")).join("");
        return <PromptField source={text} />;
      }
    }
    return <pre>{children}</pre>;
  },
  // The page owns the h1: headings in a body start at h2.
  h1({ children }) {
    return <h2>{children}</h2>;
  },
};

const remarkPlugins = [remarkGfm];
const rehypePlugins = [rehypeSanitize];

// Parsing, GFM and sanitizing a long resource costs milliseconds on every render, and the same
// few hundred bodies are read over and over. On the server the rendered tree is kept in a small
// LRU keyed by the Markdown text itself (so an edited resource is simply a new entry, and a stale
// render can never be served); React elements are immutable, so sharing them between requests is safe.
const CACHE_ENTRIES = 256;
const CACHE_MAX_SOURCE = 200_000;
const rendered = new Map<string, ReactElement>();

export function renderMarkdown(source: string): ReactElement {
  const hit = rendered.get(source);
  if (hit) {
    rendered.delete(source);
    rendered.set(source, hit);
    return hit;
  }
  // Markdown (not MarkdownHooks) is a plain synchronous function of its props: no hooks, no state.
  const element = Markdown({ children: source, remarkPlugins, rehypePlugins, skipHtml: true, urlTransform: safeUrl, components });
  if (typeof window === "undefined" && source.length <= CACHE_MAX_SOURCE) {
    rendered.set(source, element);
    if (rendered.size > CACHE_ENTRIES) rendered.delete(rendered.keys().next().value as string);
  }
  return element;
}

/** Test hook: how many rendered bodies the cache holds. */
export function markdownCacheSize(): number {
  return rendered.size;
}

/**
 * Renders resource Markdown (GitHub-flavoured) exactly as readers see it, everywhere: library,
 * editor preview, client reading view. Raw HTML is dropped, then the tree is sanitized.
 */
export function MarkdownBody({ source, className }: { source: string; className?: string }) {
  return <div className={`prose reading max-w-none ${className ?? ""}`}>{renderMarkdown(source)}</div>;
}
