/**
 * npm run bench:fields: exact-match accuracy of every field on the rendered receipts and on
 * ../shared/datasets/real-ve (with its degraded copies), balanced profile, default rules.
 * Misses are listed with their cause (OCR or extraction). A benchmark, not a test.
 *
 *   npm run bench:fields [-- --recognizer ID]   (ID: a recogniser of models/manifest.json)
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { FIELD_NAMES } from '../src-shared/receipt/fields';
import { appRoot } from '../src-main/paths';
import { runExtract } from './run-cli';
import { sharedDatasets } from './datasets';
import { missCause, sameValue, tally, type Predicted, type Truth } from './field-compare';
import { useRecognizer } from './recognizer-swap';

const root = appRoot();
const datasets = sharedDatasets(root);
const COLUMNS = [...FIELD_NAMES, 'currency'];

async function evaluate(name: string, truthByFile: Record<string, Truth>, fileOf: (k: string) => string, privateData: boolean): Promise<void> {
  const keys = Object.keys(truthByFile);
  const { records } = await runExtract(keys.map(fileOf), 'balanced');
  const rows = records.map((r, i) => ({ key: keys[i]!, truth: truthByFile[keys[i]!]!, predicted: r.fields as Predicted, text: r.text ?? '' }));
  const t = tally(rows, COLUMNS);
  const total = Object.values(t).reduce((s, x) => s + x.total, 0);
  const correct = Object.values(t).reduce((s, x) => s + x.correct, 0);
  console.log(`\n${name}: ${records.length} receipts, ${correct}/${total} fields exact = ${((100 * correct) / total).toFixed(1)}%`);
  for (const f of COLUMNS) {
    const x = t[f]!;
    if (x.total === 0 && x.spurious === 0) continue;
    console.log(`  ${f.padEnd(21)} ${x.total ? `${x.correct}/${x.total}`.padStart(7) : '      -'} ${x.total ? `${((100 * x.correct) / x.total).toFixed(1)}%`.padStart(7) : ''}${x.spurious ? `  (${x.spurious} found where the truth has none)` : ''}`);
  }
  const causes: Record<string, number> = {};
  for (const row of rows) {
    for (const f of FIELD_NAMES) {
      const want = row.truth[f];
      const got = row.predicted[f]?.value;
      if (want === undefined || sameValue(f, want, got)) continue;
      const cause = missCause(f, want, row.text);
      causes[cause] = (causes[cause] ?? 0) + 1;
      // Real receipts hold people's data: print only what is not personal.
      const shown = privateData && !['monto', 'fecha', 'hora_operacion', 'banco_destino', 'banco_origen'].includes(f) ? '' : ` expected ${want}, got ${got ?? '(nothing)'}`;
      console.log(`  miss ${row.key} ${f}:${shown} [${cause}]`);
    }
  }
  if (Object.keys(causes).length > 0) console.log(`  misses by cause: ${JSON.stringify(causes)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { recognizer: { type: 'string' } } });
  if (values.recognizer) console.log(`recogniser ${values.recognizer} (models: ${useRecognizer(values.recognizer)})`);
  const fixtures = path.join(root, 'fixtures', 'receipts');
  const rendered = JSON.parse(readFileSync(path.join(fixtures, 'truth.json'), 'utf8')) as Record<string, { fields: Truth }>;
  await evaluate('rendered', Object.fromEntries(Object.entries(rendered).map(([k, v]) => [k, v.fields])), (k) => path.join(fixtures, k), false);
  const realDir = path.join(datasets, 'real-ve');
  if (existsSync(realDir)) {
    const real = JSON.parse(readFileSync(path.join(realDir, 'truth.json'), 'utf8')) as Record<string, Truth>;
    await evaluate('real-ve', real, (k) => path.join(realDir, 'images', k), true);
  } else console.log(`\nreal-ve: ${realDir} not found, skipped`);
}

main().catch((e: Error) => {
  console.error(`bench:fields: ${e.message}`);
  process.exit(1);
});
