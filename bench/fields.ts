/**
 * npm run bench:fields: exact-match accuracy of every field, balanced profile, default rules, on
 *  - the layout families (tools/receipt-generator/families), tuning and held-out reported apart:
 *    misses are listed for tuning families only, so nobody writes a rule from a held-out one;
 *  - the committed rendered fixtures, and ../shared/datasets/real-ve (a test set: its misses
 *    name fields and causes, never personal values).
 * A benchmark, not a test.
 *
 *   npm run bench:fields [-- --recognizer ID] [-- --only families|fixtures|real]
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIELD_NAMES } from '../src-shared/receipt/fields';
import type { ImageRecord } from '../src-shared/receipt/record';
import { appRoot } from '../src-main/paths';
import { runExtract } from './run-cli';
import { sharedDatasets } from './datasets';
import { familyReceipts } from './families';
import { missCause, sameValue, tally, type Predicted, type Truth } from './field-compare';
import { useRecognizer } from './recognizer-swap';

const root = appRoot();
const COLUMNS = [...FIELD_NAMES, 'currency'];

interface Row {
  key: string;
  group: string;
  truth: Truth;
  record: ImageRecord;
}

const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}%`;

function summary(rows: readonly Row[]): { correct: number; total: number } {
  const t = tally(rows.map((r) => ({ truth: r.truth, predicted: r.record.fields as Predicted })), COLUMNS);
  return { correct: Object.values(t).reduce((s, x) => s + x.correct, 0), total: Object.values(t).reduce((s, x) => s + x.total, 0) };
}

/** Receipts without an amount or a reference that carry no warning saying so: silent misses. */
function silentMisses(rows: readonly Row[]): number {
  return rows.filter((r) => (!r.record.fields.monto || !r.record.fields.referencia) && (r.record.warnings ?? []).length === 0).length;
}

function report(name: string, rows: readonly Row[], options: { misses: boolean; privateData: boolean; groups: boolean }): void {
  const t = tally(rows.map((r) => ({ truth: r.truth, predicted: r.record.fields as Predicted })), COLUMNS);
  const { correct, total } = summary(rows);
  const warned = rows.filter((r) => (r.record.warnings ?? []).length > 0).length;
  console.log(`\n${name}: ${rows.length} receipts, ${correct}/${total} fields exact = ${pct(correct, total)}; ${warned} with warnings, ${silentMisses(rows)} silent misses`);
  for (const f of COLUMNS) {
    const x = t[f]!;
    if (x.total === 0 && x.spurious === 0) continue;
    console.log(`  ${f.padEnd(21)} ${x.total ? `${x.correct}/${x.total}`.padStart(7) : '      -'} ${x.total ? pct(x.correct, x.total).padStart(7) : ''}${x.spurious ? `  (${x.spurious} found where the truth has none)` : ''}`);
  }
  if (options.groups) {
    for (const group of [...new Set(rows.map((r) => r.group))]) {
      const s = summary(rows.filter((r) => r.group === group));
      console.log(`  family ${group.padEnd(18)} ${`${s.correct}/${s.total}`.padStart(8)} ${pct(s.correct, s.total).padStart(7)}`);
    }
  }
  if (!options.misses) return;
  const causes: Record<string, number> = {};
  for (const row of rows) {
    for (const f of FIELD_NAMES) {
      const want = row.truth[f];
      const got = row.record.fields[f]?.value;
      if (want === undefined || sameValue(f, want, got)) continue;
      const cause = missCause(f, want, row.record.text ?? '');
      causes[cause] = (causes[cause] ?? 0) + 1;
      // Real receipts hold people's data: print only what is not personal.
      const shown = options.privateData && !['monto', 'fecha', 'hora_operacion', 'banco_destino', 'banco_origen'].includes(f) ? '' : ` expected ${want}, got ${got ?? '(nothing)'}`;
      console.log(`  miss ${row.key} ${f}:${shown} [${cause}]`);
    }
  }
  if (Object.keys(causes).length > 0) console.log(`  misses by cause: ${JSON.stringify(causes)}`);
}

async function read(files: Record<string, { file: string; group: string; truth: Truth }>): Promise<Row[]> {
  const keys = Object.keys(files);
  const { records } = await runExtract(keys.map((k) => files[k]!.file), 'balanced');
  return records.map((record, i) => ({ key: keys[i]!, group: files[keys[i]!]!.group, truth: files[keys[i]!]!.truth, record }));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { recognizer: { type: 'string' }, only: { type: 'string' } } });
  if (values.recognizer) console.log(`recogniser ${values.recognizer} (models: ${useRecognizer(values.recognizer)})`);
  const wants = (part: string) => !values.only || values.only === part;
  if (wants('families')) {
    const { dir, truth } = await familyReceipts(root);
    const rows = await read(Object.fromEntries(Object.entries(truth).map(([k, v]) => [k, { file: path.join(dir, k), group: v.family, truth: v.fields as Truth }])));
    const split = (k: string) => truth[k]!.split;
    report('tuning families', rows.filter((r) => split(r.key) === 'tuning'), { misses: true, privateData: false, groups: true });
    report('held-out families', rows.filter((r) => split(r.key) === 'held-out'), { misses: false, privateData: false, groups: true });
  }
  if (wants('fixtures')) {
    const fixtures = path.join(root, 'fixtures', 'receipts');
    const rendered = JSON.parse(readFileSync(path.join(fixtures, 'truth.json'), 'utf8')) as Record<string, { style: string; fields: Truth }>;
    const rows = await read(Object.fromEntries(Object.entries(rendered).map(([k, v]) => [k, { file: path.join(fixtures, k), group: v.style, truth: v.fields }])));
    report('committed fixtures', rows, { misses: true, privateData: false, groups: false });
  }
  const realDir = path.join(sharedDatasets(root), 'real-ve');
  if (wants('real') && existsSync(realDir)) {
    const real = JSON.parse(readFileSync(path.join(realDir, 'truth.json'), 'utf8')) as Record<string, Truth>;
    const rows = await read(Object.fromEntries(Object.entries(real).map(([k, v]) => [k, { file: path.join(realDir, 'images', k), group: 'real-ve', truth: v }])));
    report('real-ve', rows, { misses: true, privateData: true, groups: false });
  } else if (wants('real')) console.log(`\nreal-ve: ${realDir} not found, skipped`);
}

main().catch((e: Error) => {
  console.error(`bench:fields: ${e.message}`);
  process.exit(1);
});
