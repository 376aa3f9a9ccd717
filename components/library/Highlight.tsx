import { splitForHighlight } from "@/server/schemas/library-text";

/**
 * Marks matched words with <mark>. Text stays React text (escaped): no HTML is ever built from it.
 */
export function Highlight({ text, stems }: { text: string; stems: readonly string[] }) {
  return (
    <>
      {splitForHighlight(text, stems).map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-accent-tint px-0.5 font-semibold text-ink">
            {part.text}
          </mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}
