/** A sentence of the reading: what is spoken, and where it is on the page (for the highlight). */
export interface ListenSentence {
  text: string;
  range: Range;
}

const BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, dt, dd, th, td, figcaption, pre";

/** Splits text into sentences: Intl.Segmenter where the browser has it, else at . ! ? and line ends. */
export function splitSentences(text: string, locale = "en"): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  const push = (start: number, end: number) => {
    // Trim the span to its words; skip spans with nothing to say (bullets, stray punctuation).
    while (start < end && /\s/.test(text[start] ?? "")) start++;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end--;
    if (end > start && /[\p{L}\p{N}]/u.test(text.slice(start, end))) spans.push({ start, end });
  };
  if (typeof Intl !== "undefined" && "Segmenter" in Intl) {
    const segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
    for (const { index, segment } of segmenter.segment(text)) push(index, index + segment.length);
    return spans;
  }
  const pattern = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    push(match.index, match.index + match[0].length);
    if (match[0].length === 0) pattern.lastIndex++;
  }
  return spans;
}

/**
 * The sentences of `root`, in reading order: each innermost text block (paragraph, list item,
 * heading, cell…) is split on its own, so a heading is never run into the next paragraph.
 * Text hidden from view (screen-reader-only hints, aria-hidden) is not read aloud.
 */
export function collectSentences(root: HTMLElement, locale = "en"): ListenSentence[] {
  const blocks = [...root.querySelectorAll<HTMLElement>(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
  const sentences: ListenSentence[] = [];
  for (const block of blocks) {
    const nodes: { node: Text; start: number }[] = [];
    let text = "";
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest(".sr-only, [aria-hidden='true']") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      nodes.push({ node: node as Text, start: text.length });
      text += (node as Text).data;
    }
    if (!nodes.length) continue;
    const locate = (offset: number, atEnd: boolean) => {
      // The text node holding `offset` (at a boundary: the earlier node for an end, the later for a start).
      let found = nodes[0];
      for (const entry of nodes) {
        if (atEnd ? entry.start < offset : entry.start <= offset) found = entry;
        else break;
      }
      return { node: found!.node, offset: Math.min(offset - found!.start, found!.node.data.length) };
    };
    for (const span of splitSentences(text, locale)) {
      const range = document.createRange();
      const start = locate(span.start, false);
      const end = locate(span.end, true);
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      sentences.push({ text: text.slice(span.start, span.end).replace(/\s+/g, " "), range });
    }
  }
  return sentences;
}
