import { TableHead, Th } from "@/components/ui/Table";
import { formatDate } from "@/server/schemas/dates";

type Point = { weekStart: Date; opens: number; completions: number };

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { top: 16, right: 8, bottom: 28, left: 8 };

/** Opens and completions per week as a small bar chart, with a sentence and a table saying the same. */
export function WeeklyChart({ points }: { points: Point[] }) {
  const max = Math.max(1, ...points.flatMap((p) => [p.opens, p.completions]));
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const groupWidth = (WIDTH - PAD.left - PAD.right) / points.length;
  const barWidth = Math.min(22, (groupWidth - 10) / 2);
  const totalOpens = points.reduce((n, p) => n + p.opens, 0);
  const totalDone = points.reduce((n, p) => n + p.completions, 0);
  const summary = `Over the last ${points.length} weeks your clients opened readings ${totalOpens} ${totalOpens === 1 ? "time" : "times"} and finished ${totalDone}. This week: ${points.at(-1)?.opens ?? 0} opened, ${points.at(-1)?.completions ?? 0} finished.`;

  const bar = (value: number, x: number, className: string, label: string) => {
    const height = (value / max) * plotHeight;
    const y = PAD.top + plotHeight - height;
    return (
      <g key={label}>
        <rect x={x} y={y} width={barWidth} height={Math.max(height, value > 0 ? 2 : 0)} rx={3} className={className} />
        {value > 0 ? (
          <text x={x + barWidth / 2} y={y - 4} textAnchor="middle" className="fill-current text-[11px]">
            {value}
          </text>
        ) : null}
      </g>
    );
  };

  return (
    <figure className="flex flex-col gap-3">
      <figcaption className="text-muted">{summary}</figcaption>
      <div className="flex gap-4 text-sm" aria-hidden="true">
        <span className="inline-flex items-center gap-2">
          <span className="inline-block size-3 rounded-sm bg-accent" /> Opened
        </span>
        <span className="inline-flex items-center gap-2">
          <span className="inline-block size-3 rounded-sm border-2 border-success bg-success-tint" /> Finished
        </span>
      </div>
      {/* The chart repeats the sentence above and the table below, so screen readers skip it. */}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="h-auto w-full max-w-2xl text-ink" aria-hidden="true" focusable="false">
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={PAD.top + plotHeight} y2={PAD.top + plotHeight} className="stroke-border" />
        {points.map((point, i) => {
          const x0 = PAD.left + i * groupWidth + (groupWidth - barWidth * 2 - 4) / 2;
          return (
            <g key={point.weekStart.toISOString()}>
              {bar(point.opens, x0, "fill-accent", "opens")}
              {bar(point.completions, x0 + barWidth + 4, "fill-success-tint stroke-success stroke-2", "completions")}
              <text x={PAD.left + i * groupWidth + groupWidth / 2} y={HEIGHT - 8} textAnchor="middle" className="fill-current text-[11px]">
                {formatDate(point.weekStart, "dayMonth")}
              </text>
            </g>
          );
        })}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm font-medium">Show as a table</summary>
        <table className="mt-2 w-full max-w-md border-collapse text-left text-sm">
          <caption className="sr-only">Readings opened and finished per week</caption>
          <TableHead muted={false}>
            <Th compact>Week of</Th>
            <Th compact>Opened</Th>
            <Th compact last>Finished</Th>
          </TableHead>
          <tbody>
            {points.map((point) => (
              <tr key={point.weekStart.toISOString()} className="border-b border-border-subtle">
                <th scope="row" className="py-1 pr-4 font-normal">{formatDate(point.weekStart, "dayMonth")}</th>
                <td className="py-1 pr-4 tabular-nums">{point.opens}</td>
                <td className="py-1 tabular-nums">{point.completions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
