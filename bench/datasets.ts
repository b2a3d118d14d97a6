/**
 * The benchmark's image sets: the project's rendered receipts, and the real Venezuelan
 * receipts and SROIE scans in ../shared/datasets (read in place, never copied).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface BenchImage {
  file: string;
  /** Values that must appear in the text as printed: reference digits, amount. */
  expectTokens: { referencia?: string; monto?: string };
  /** Ground-truth transcript for word F1 (SROIE only). */
  transcript?: string;
}

export interface Dataset {
  name: string;
  kind: 'phone' | 'scan';
  images: BenchImage[];
}

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

export function sroie(datasets: string): Dataset | null {
  const dir = path.join(datasets, 'sroie-sample');
  if (!existsSync(dir)) return null;
  const images = readdirSync(path.join(dir, 'images'))
    .filter((f) => /\.(jpe?g|png)$/i.test(f))
    .sort()
    .map((f) => {
      const csv = readFileSync(path.join(dir, 'boxes', `${path.parse(f).name}.csv`), 'utf8');
      // x1,y1,...,y4,text: the text is everything after the eighth comma.
      const transcript = csv
        .split(/\r?\n/)
        .map((row) => row.split(',').slice(8).join(','))
        .filter((t) => t.length > 0)
        .join('\n');
      return { file: path.join(dir, 'images', f), expectTokens: {}, transcript };
    });
  return { name: 'sroie', kind: 'scan', images };
}
