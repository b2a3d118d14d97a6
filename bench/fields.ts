/**
 * npm run bench:fields: exact-match accuracy of every field on the rendered receipts and on
 * ../shared/datasets/real-ve (with its degraded copies), balanced profile, default rules.
 * Misses are listed with their cause (OCR or extraction). A benchmark, not a test.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIELD_NAMES } from '../src-shared/receipt/fields';
import type { ImageRecord } from '../src-shared/receipt/record';
import { appRoot } from '../src-main/paths';
import { missCause, sameValue, tally, type Predicted, type Truth } from './field-compare';

const root = appRoot();
const datasets = path.resolve(root, '..', 'shared', 'datasets');
const COLUMNS = [...FIELD_NAMES, 'currency'];

function runCli(files: string[]): Promise<ImageRecord[]> {
  return new Promise((resolve, reject) => {
    // Default rules, whatever the operator's data folder holds: figures must be reproducible.
    const env = { ...process.env, RECIBO_DATA_DIR: path.join(root, 'bench-results', 'no-user-rules') };
    const child = spawn(process.execPath, [path.join(root, 'bin', 'receipt-ocr.js'), 'extract', ...files], { stdio: ['ignore', 'pipe', 'inherit'], env });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.trim().split('\n').map((l) => JSON.parse(l) as ImageRecord)) : reject(new Error(`receipt-ocr exited with ${code}`))));
  });
}

async function evaluate(name: string, truthByFile: Record<string, Truth>, fileOf: (k: string) => string, privateData: boolean): Promise<void> {
  const keys = Object.keys(truthByFile);
  const records = await runCli(keys.map(fileOf));
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
