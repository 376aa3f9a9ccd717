import { useId } from "react";
import { cn } from "./cn";

export interface ProgressBarProps {
  /** Current amount, clamped to 0…max. */
  value: number;
  max?: number;
  /** Visible label, also the progressbar's accessible name, e.g. "Reading progress". */
  label: string;
  /** Visible and announced value; defaults to a percentage such as "40%". */
  valueText?: string;
  className?: string;
}

/** A quiet horizontal bar with its value in words beside the label. */
export function ProgressBar({ value, max = 100, label, valueText, className }: ProgressBarProps) {
  const labelId = `progress-${useId()}`;
  const safeMax = max > 0 ? max : 100;
  const clamped = Math.min(Math.max(value, 0), safeMax);
  const percent = Math.round((clamped / safeMax) * 100);
  const text = valueText ?? `${percent}%`;

  return (
    <div className={cn("flex flex-col gap-1.5", className)}>
      <div className="flex items-baseline justify-between gap-3 text-sm">
        <span id={labelId} className="font-medium text-ink">
          {label}
        </span>
        <span aria-hidden="true" className="text-muted tabular-nums">
          {text}
        </span>
      </div>
      <div
        role="progressbar"
        aria-labelledby={labelId}
        aria-valuenow={clamped}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuetext={text}
        className="h-2.5 w-full overflow-hidden rounded-full border border-border bg-surface-muted"
      >
        {/* An SVG rect instead of style={{ width }} so a strict CSP (no inline styles) still works. */}
        <svg aria-hidden="true" focusable="false" className="block h-full w-full">
          <rect x="0" y="0" height="100%" width={`${percent}%`} className="fill-accent" />
        </svg>
      </div>
    </div>
  );
}
