/**
 * The benchmark's image sets: the project's rendered receipts, and the real Venezuelan
 * receipts and SROIE scans in ../shared/datasets (read in place, never copied).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TextBox } from './line-match';

export interface BenchImage {
  file: string;
  /** Values that must appear in the text as printed: reference digits, amount. */
  expectTokens: { referencia?: string; monto?: string };
  /** Ground-truth transcript for word F1 (SROIE only). */
  transcript?: string;
  /** The transcript's lines with their boxes, for the line-by-line measure (SROIE only). */
  truthBoxes?: TextBox[];
}

export interface Dataset {
  name: string;
  kind: 'phone' | 'scan';
  images: BenchImage[];
  /** The same images listed several times, for a whole run of a given size: only its wall time counts. */
  repeated?: true;
}

/** The shared datasets, beside the project (never inside it). */
export const sharedDatasets = (root: string): string => path.resolve(root, '..', 'shared', 'datasets');

const ves = (amount: string) => {
  const [i, d] = amount.split('.') as [string, string];
  return `${i.replace(/\B(?=(\d{3})+(?!\d))/g, '.')},${d}`;
};

interface FieldTruth {
  referencia?: string;
  monto?: string;
  currency?: string;
}

/** The amount as the app printed it: Venezuelan format for bolívares, dot decimals for dollars. */
const printedAmount = (f: FieldTruth) => (f.monto === undefined ? undefined : f.currency === 'USD' ? f.monto : ves(f.monto));

function tokens(f: FieldTruth): BenchImage['expectTokens'] {
  const out: BenchImage['expectTokens'] = {};
  if (f.referencia) out.referencia = f.referencia;
  const m = printedAmount(f);
  if (m) out.monto = m;
  return out;
}

export function renderedReceipts(root: string): Dataset {
  const dir = path.join(root, 'fixtures', 'receipts');
  const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, { printed: { referencia: string; monto: string } }>;
  return { name: 'rendered', kind: 'phone', images: Object.entries(truth).map(([f, t]) => ({ file: path.join(dir, f), expectTokens: t.printed })) };
}

export function realVe(datasets: string): Dataset | null {
  const dir = path.join(datasets, 'real-ve');
  if (!existsSync(dir)) return null;
  const truth = JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, FieldTruth>;
  // Real receipts print bolívares in Venezuelan format; the one USD wallet prints dot decimals.
  return {
    name: 'real-ve',
    kind: 'phone',
    images: Object.entries(truth).map(([f, t]) => ({ file: path.join(dir, 'images', f), expectTokens: tokens(t) })),
  };
}

/** The batch size the whole-run speed target is stated for (docs/benchmarks.md, "Targets"). */
const JUDGED_RUN = 60;

/**
 * Sixty real WhatsApp-size captures: real-ve's originals (the files its sources.json names, not
 * the degraded copies), each listed as often as it takes. A batch of real captures as large as
 * the judged one, where real-ve's 19 are a third of that and hold three 4x copies.
 */
export function realCaptures(set: Dataset | null, datasets: string): Dataset | null {
  const sources = path.join(datasets, 'real-ve', 'sources.json');
  if (!set || !existsSync(sources)) return null;
  const originals = new Set(Object.keys(JSON.parse(readFileSync(sources, 'utf8')) as Record<string, unknown>));
  const base = set.images.filter((i) => originals.has(path.basename(i.file)));
  if (base.length === 0) return null;
  return { name: `real-ve originals x${Math.ceil(JUDGED_RUN / base.length)}`, kind: 'phone', repeated: true, images: Array.from({ length: JUDGED_RUN }, (_, i) => base[i % base.length]!) };
}

/** One text line of a SROIE scan: its box's four corners, clockwise from the top left, and its text. */
export interface SroieBox {
  corners: [number, number][];
  text: string;
}

/**
 * A SROIE `boxes/NNN.csv`: one line per row, `x1,y1,x2,y2,x3,y3,x4,y4,text`, where the text is
 * everything after the eighth comma (it may hold commas). Rows with no text are left out.
 */
export function parseSroieBoxes(csv: string): SroieBox[] {
  return csv
    .split(/\r?\n/)
    .map((row) => ({ row, cells: row.split(',') }))
    .map(({ row, cells }) => ({ row, xy: cells.slice(0, 8).map(Number), text: cells.slice(8).join(',') }))
    .filter(({ text }) => text.length > 0)
    .map(({ row, xy, text }) => {
      if (xy.some((v) => !Number.isFinite(v))) throw new Error(`not a SROIE box row: ${row}`);
      return { corners: [0, 2, 4, 6].map((k) => [xy[k]!, xy[k + 1]!] as [number, number]), text };
    });
}

/** A SROIE box as the axis-aligned box around its corners (the pipeline's lines are axis-aligned). */
export function boundingTextBox({ corners, text }: SroieBox): TextBox {
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], text };
}

/** The SROIE sample's scans, each with the path of its boxes file; [] when the folder is absent. */
export function sroieFiles(datasets: string): { image: string; boxes: string }[] {
  const dir = path.join(datasets, 'sroie-sample');
  if (!existsSync(dir)) return [];
  return readdirSync(path.join(dir, 'images'))
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort()
    .map((f) => ({ image: path.join(dir, 'images', f), boxes: path.join(dir, 'boxes', `${path.parse(f).name}.csv`) }));
}

export function sroie(datasets: string): Dataset | null {
  const files = sroieFiles(datasets);
  if (files.length === 0) return null;
  const images = files.map(({ image, boxes }) => {
    const truth = parseSroieBoxes(readFileSync(boxes, 'utf8'));
    const transcript = truth.map((b) => b.text).join('\n');
    return { file: image, expectTokens: {}, transcript, truthBoxes: truth.map(boundingTextBox) };
  });
  return { name: 'sroie', kind: 'scan', images };
}
