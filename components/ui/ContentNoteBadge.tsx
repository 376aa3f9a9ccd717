import { cn } from "./cn";

export type ContentNoteIntensity = "MILD" | "MODERATE" | "STRONG";

export interface ContentNoteBadgeProps {
  intensity: ContentNoteIntensity;
  className?: string;
}

const levels: Record<ContentNoteIntensity, { word: string; filled: number; tone: string }> = {
  MILD: { word: "mild", filled: 1, tone: "bg-surface-muted text-ink border-border-subtle" },
  MODERATE: { word: "moderate", filled: 2, tone: "bg-info-tint text-ink border-info/40" },
  STRONG: { word: "strong", filled: 3, tone: "bg-warning-tint text-ink border-warning/50" },
};

/** "Content note · strong": the intensity is always in words; dots and tint only echo it. */
export function ContentNoteBadge({ intensity, className }: ContentNoteBadgeProps) {
  const level = levels[intensity];
  return (
    <span
      className={cn(
        "inline-flex items-center gap-2 rounded-full border px-2.5 py-0.5 text-sm font-medium leading-6 whitespace-nowrap",
        level.tone,
        className,
      )}
    >
      <span aria-hidden="true" className="inline-flex gap-0.5">
        {[1, 2, 3].map((n) => (
          <span
            key={n}
            className={cn("size-1.5 rounded-full border border-current", n <= level.filled && "bg-current")}
          />
        ))}
      </span>
      <span>Content note · {level.word}</span>
    </span>
  );
}
