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

/**
 * Renders resource Markdown (GitHub-flavoured) exactly as readers see it, everywhere: library,
 * editor preview, client reading view. Raw HTML is dropped, then the tree is sanitized.
 */
export function MarkdownBody({ source, className }: { source: string; className?: string }) {
  return (
    <div className={`prose reading max-w-none ${className ?? ""}`}>
      <Markdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} skipHtml urlTransform={safeUrl} components={components}>
        {source}
      </Markdown>
    </div>
  );
}
