/**
 * A line chart over time (uPlot, on a canvas: a day of per-minute points redraws in a
 * millisecond). Created once per set of lines; new values go through setData, and the width
 * follows the panel. The figure's title is its accessible name; the tiles above it and the
 * legend carry the numbers for those who do not see the canvas.
 */
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useLocale, useT } from '../i18n';
import { isolated, type ChartLine } from './dashboard-data';

const HEIGHT = 150;

/** The stylesheet's colour for text, so the axes follow the theme. */
const cssColour = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim() || '#888';

export function TimeChart({ title, times, lines, testId }: { title: string; times: number[]; lines: ChartLine[]; testId?: string }) {
  const locale = useLocale();
  const timeLabel = useT().dashboard.time;
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const data = [times, ...lines.map((l) => l.values)] as uPlot.AlignedData;
  const shape = [locale, ...lines.map((l) => `${l.label}:${l.color}`)].join('|');

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const axis = { stroke: cssColour('--muted'), grid: { stroke: cssColour('--line'), width: 1 }, ticks: { stroke: cssColour('--line') } };
    // Times as the operator's language writes them (uPlot's own format is American English).
    const clock = (seconds: number) => new Date(seconds * 1000).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const u = new uPlot(
      {
        width: Math.max(200, el.clientWidth),
        height: HEIGHT,
        series: [
          { label: timeLabel, value: (_u, v) => (v === null ? '—' : clock(v)) },
          ...lines.map((l) => ({
            label: l.label,
            stroke: l.color,
            width: 2,
            spanGaps: false,
            // A value with no neighbour (one sampled minute) is a dot: a line needs two.
            points: { show: true, size: 6, filter: (u: uPlot, i: number) => isolated(u.data[i] as (number | null)[]) },
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : number.format(v)),
          })),
        ],
        axes: [
          { ...axis, values: (_u, splits) => splits.map(clock) },
          { ...axis, size: 48, values: (_u, splits) => splits.map((v) => number.format(v)) },
        ],
        scales: { y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] } },
        legend: { live: true },
        cursor: { drag: { x: false, y: false } },
      },
      data,
      el,
    );
    plot.current = u;
    const resize = new ResizeObserver(() => u.setSize({ width: Math.max(200, el.clientWidth), height: HEIGHT }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      u.destroy();
      plot.current = null;
    };
    // A new set of lines makes a new chart; new values alone do not (the effect below).
  }, [shape]);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <figure className="chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <div ref={box} role="img" aria-label={title} />
    </figure>
  );
}
