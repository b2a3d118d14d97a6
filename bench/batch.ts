/**
 * npm run bench:batch (also part of npm run bench): 1,000 different receipts through intake and
 * the queue in one data folder, as `receipt-ocr ingest` runs them. Prints receipts per second
 * and the resident memory of this (main) process and of the OCR worker, sampled every 100
 * receipts: both must stay flat. The images are the rendered fixtures, each made unique by a
 * strip of black and white blocks in its top corner (its number in binary, coarse enough to
 * survive JPEG), so none is recognised as already read.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { stateCounts } from '../src-main/db/receipts';
import { openCore } from '../src-main/core/data-folder';
import { takeIn } from '../src-main/core/intake';
import { processQueue } from '../src-main/core/processor';
import { appRoot, defaultModelsDir } from '../src-main/paths';

export interface BatchFigures {
  receipts: number;
  wallMs: number;
  receiptsPerSecond: number;
  done: number;
  failed: number;
  /** [receipts done, main RSS MiB, worker RSS MiB] every 100 receipts. */
  memory: [number, number, number][];
}

/** 12 blocks of 4×4 px, black for a 1 bit: 4,096 distinct marks. */
function idStrip(i: number): Promise<Buffer> {
  const width = 48;
  const pixels = Buffer.alloc(width * 4 * 3, 255);
  for (let bit = 0; bit < 12; bit++) {
    if (((i >> bit) & 1) === 0) continue;
    for (let y = 0; y < 4; y++) for (let x = bit * 4; x < bit * 4 + 4; x++) pixels.fill(0, (y * width + x) * 3, (y * width + x) * 3 + 3);
  }
  return sharp(pixels, { raw: { width, height: 4, channels: 3 } }).png().toBuffer();
}

const rssOf = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
};

export async function batchBench(n = 1000): Promise<BatchFigures> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'recibo-batch-'));
  try {
    const fixtures = path.join(appRoot(), 'fixtures', 'receipts');
    const sources = readdirSync(fixtures).filter((f) => /\.(png|jpe?g)$/.test(f)).sort();
    const inbox = path.join(dir, 'inbox');
    await mkdir(inbox);
    const files: string[] = [];
    for (let i = 0; i < n; i++) {
      const src = path.join(fixtures, sources[i % sources.length]!);
      const out = path.join(inbox, `${String(i).padStart(4, '0')}${path.extname(src)}`);
      await sharp(src).composite([{ input: await idStrip(i), top: 0, left: 0 }]).toFile(out);
      files.push(out);
    }
    const core = openCore(path.join(dir, 'data'));
    const started = performance.now();
    await takeIn(core, files, { profile: 'balanced', label: 'bench' });
    const memory: [number, number, number][] = [];
    let settled = 0;
    await processQueue(core, {
      profile: 'balanced',
      modelsDir: defaultModelsDir(),
      rulesFile: null,
      onProgress: (e) => {
        if (e.state === 'processing' && e.workerPid && settled % 100 === 0 && memory.at(-1)?.[0] !== settled) {
          memory.push([settled, process.memoryUsage().rss / 2 ** 20, rssOf(e.workerPid)]);
        }
        if (e.state === 'done' || e.state === 'failed') settled++;
      },
    });
    const wallMs = performance.now() - started;
    const counts = stateCounts(core.db);
    core.db.close();
    if (counts.done + counts.failed !== n) throw new Error(`${n} files made ${counts.done + counts.failed} receipts: some images were not unique`);
    return { receipts: n, wallMs, receiptsPerSecond: n / (wallMs / 1000), done: counts.done, failed: counts.failed, memory };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function printBatch(b: BatchFigures): void {
  console.log(`\nbatch of ${b.receipts} receipts (intake, queue, OCR, extraction, results): ${(b.wallMs / 1000).toFixed(1)} s = ${b.receiptsPerSecond.toFixed(2)} receipts/s; ${b.done} done, ${b.failed} failed`);
  console.log(`  RSS every 100 receipts, main / worker (MiB): ${b.memory.map(([at, main, worker]) => `${at}: ${main.toFixed(0)}/${worker.toFixed(0)}`).join(', ')}`);
}

if (process.argv[1]?.endsWith('batch.js')) {
  const n = Number(process.argv[2] ?? 1000);
  batchBench(n).then(printBatch, (e: Error) => {
    console.error(`bench:batch: ${e.message}`);
    process.exit(1);
  });
}
