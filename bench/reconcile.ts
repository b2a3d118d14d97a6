/**
 * npm run bench:reconcile [-- --receipts 60 --seed 43]
 *
 * "Did the money arrive?" end to end, as an operator meets it: receipts of the held-out layout
 * families (never used to write reading rules) are taken in and read by `receipt-ocr ingest`,
 * some sent twice (a JPEG copy), then five statements generated for them (reconcile-plan.ts: a
 * Windows-1252 CSV, a BNC-style TSV, QIF, MT940 and a web page saved as .xls) are imported by
 * `receipt-ocr reconcile`. Prints how many receipts got the right status, and for each wrong
 * one whether a field was misread (the reading's fault) or not (the matcher's).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { appRoot } from '../src-main/paths';
import { familyReceipts } from './families';
import { planStatements, type KnownReceipt } from './reconcile-plan';
import { writeStatement } from './statement-writers';

const { values: opts } = parseArgs({ options: { receipts: { type: 'string', default: '60' }, seed: { type: 'string', default: '43' } } });

function cli(...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(appRoot(), 'dist', 'main', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`receipt-ocr ${args[0]} exited with ${code}`))));
  });
}

interface Status {
  receipts: { file: string; fields: Record<string, string>; reconciliation: { status: string } | null }[];
}

async function main(): Promise<void> {
  const { dir, truth } = await familyReceipts(appRoot());
  // Every held-out family in turn (its first receipt, then each one's second...), so the sixty
  // span all their layouts.
  const usable = Object.entries(truth)
    .filter(([, t]) => t.split === 'held-out' && t.fields.referencia && t.fields.monto && t.fields.fecha)
    .sort(([a], [b]) => a.localeCompare(b));
  const rank = new Map<string, number>();
  const known: KnownReceipt[] = usable
    .map(([file, t]) => ({ file, t, turn: rank.set(t.family, (rank.get(t.family) ?? -1) + 1).get(t.family)! }))
    .sort((a, b) => a.turn - b.turn || a.file.localeCompare(b.file))
    .slice(0, Number(opts.receipts))
    .map(({ file, t }) => ({ file, reference: t.fields.referencia!, amount: t.fields.monto!, date: t.fields.fecha! }));
  const families = new Set(known.map((r) => truth[r.file]!.family));
  const plan = planStatements(known, Number(opts.seed));
  const work = await mkdtemp(path.join(tmpdir(), 'recibo-reconcile-'));
  try {
    const data = path.join(work, 'data');
    await cli('ingest', '--data-dir', data, ...known.map((r) => path.join(dir, r.file)));
    // The copies arrive after every original, re-encoded as WhatsApp would: other bytes, same payment.
    const copies = await Promise.all(plan.sentTwice.map(async (file) => {
      const copy = path.join(work, `copy-${file}`);
      await sharp(path.join(dir, file)).jpeg({ quality: 85 }).toFile(copy);
      return copy;
    }));
    if (copies.length > 0) await cli('ingest', '--data-dir', data, ...copies);
    const files = await Promise.all(plan.statements.map(async (s) => {
      const file = path.join(work, s.name);
      await writeFile(file, await writeStatement(s.format, s.movements));
      return file;
    }));
    await cli('reconcile', '--data-dir', data, '--json', ...files);
    const status = JSON.parse(await cli('status', '--data-dir', data, '--json')) as Status;
    console.log(`${known.length} receipts of ${families.size} held-out families, statements seeded ${opts.seed}`);
    report(known, plan, status);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

function report(known: readonly KnownReceipt[], plan: ReturnType<typeof planStatements>, status: Status): void {
  const truthOf = new Map(known.flatMap((r) => [[r.file, r], [`copy-${r.file}`, r]]));
  let right = 0;
  const wrong: string[] = [];
  const byFormat = new Map<string, [number, number]>();
  for (const r of status.receipts) {
    const want = plan.expected.get(r.file);
    if (!want) continue;
    const got = r.reconciliation?.status ?? 'none';
    const ok = got === want.status;
    const tally = byFormat.get(want.format) ?? [0, 0];
    byFormat.set(want.format, [tally[0] + Number(ok), tally[1] + 1]);
    if (ok) {
      right++;
      continue;
    }
    const t = truthOf.get(r.file)!;
    const misread = [['referencia', t.reference], ['monto', t.amount], ['fecha', t.date]].filter(([name, value]) => r.fields[name!] !== value).map(([name]) => name);
    // No file names: the receipts are the held-out families', which nobody reads rules from.
    wrong.push(`  ${got}, expected ${want.status} (${want.format}, reference printed ${want.printedAs ?? '-'}); ${misread.length ? `misread ${misread.join(', ')}` : 'fields read right'}`);
  }
  const total = plan.expected.size;
  console.log(`reconciliation, held-out family receipts: ${right} of ${total} right (${((100 * right) / total).toFixed(1)}%), ${plan.sentTwice.length} of them copies sent twice`);
  console.log(`  by statement: ${[...byFormat].map(([f, [ok, n]]) => `${f} ${ok}/${n}`).join(', ')}`);
  if (wrong.length > 0) console.log(`wrong:\n${wrong.join('\n')}`);
  const matcherFaults = wrong.filter((w) => w.endsWith('fields read right')).length;
  console.log(`wrong with every field read right (the matcher's fault): ${matcherFaults}`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
