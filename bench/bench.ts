/**
 * npm run bench: speed, memory and accuracy of the OCR engine against Tesseract, measured in
 * the same run on the same images. Tesseract runs as its batch users run it: OMP_THREAD_LIMIT=1,
 * a process per core, each over a file list (bench/tesseract.ts). A benchmark, not a test: it prints figures for
 * docs/benchmarks.md and writes them to bench-results/. On the scans (SROIE) it prints word F1
 * and, beside it, the characters misread line by line with the spaces aside (bench/line-match.ts):
 * what the recogniser reads, apart from where it breaks words. The sets: the rendered fixtures,
 * real-ve, a whole run of 60 real captures (real-ve's originals listed six times: its wall time
 * only), 60 screenshots of the held-out layout families (bench/families.ts: screenshots no rule
 * was written from) and SROIE's scans.
 *
 * Then the storage core: a batch of 1,000 receipts through intake and the queue (bench/batch.ts)
 * and lookups in a history of 100,000 (bench/history.ts).
 *
 *   npm run bench [-- --profile fast|balanced|accurate] [--recognizer ID] [--runs N] [--quick] [--no-tesseract] [--no-storage]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE, isProfileName, type ProfileName } from '../src-shared/ocr/profiles';
import { OCR_STAGES } from '../src-shared/ocr/types';
import { OcrWorkerClient } from '../src-main/ocr/parent/worker-client';
import { forkWorker } from '../src-main/ocr/parent/worker-process';
import { appRoot, defaultModelsDir } from '../src-main/paths';
import { batchBench, printBatch, type BatchFigures } from './batch';
import { useRecognizer } from './recognizer-swap';
import { runExtract } from './run-cli';
import { realCaptures, realVe, renderedReceipts, sharedDatasets, sroie, type BenchImage, type Dataset } from './datasets';
import { heldOutScreenshots } from './families';
import { historyBench, printHistory, type HistoryFigures } from './history';
import { unspacedEditsByLine } from './line-match';
import { containsToken, f1, percentile, scoreWords } from './metrics';
import { oneShot, type OneShot } from './one-shot';
import { tesseractBatch, tesseractLanguages, tesseractVersion } from './tesseract';

const { values: opts } = parseArgs({ options: { profile: { type: 'string' }, recognizer: { type: 'string' }, quick: { type: 'boolean' }, runs: { type: 'string' }, 'no-tesseract': { type: 'boolean' }, 'no-storage': { type: 'boolean' } } });
// Before anything reads the models folder: every profile then reads with that recogniser.
if (opts.recognizer) console.log(`recogniser ${opts.recognizer} (models: ${useRecognizer(opts.recognizer)})`);
const profile: ProfileName = opts.profile && isProfileName(opts.profile) ? opts.profile : DEFAULT_PROFILE;
const root = appRoot();
const datasetsDir = sharedDatasets(root);
const ms = (v: number) => `${Math.round(v)} ms`;
/** Whole runs of each set per tool, taken in turn with Tesseract's (`--runs N`; one with --quick). */
const RUNS = opts.quick ? 1 : Math.max(1, Number(opts.runs ?? 3) || 3);
const pct = (v: number) => `${(100 * v).toFixed(1)}%`;

async function load(): Promise<Dataset[]> {
  // Rendered once into bench-results/families with Chromium (bench:fields shares the cache).
  const heldOut = await heldOutScreenshots(root).catch((e: Error) => {
    console.log(`held-out screenshots left out: ${e.message}`);
    return null;
  });
  const real = realVe(datasetsDir);
  const sets = [renderedReceipts(root), real, realCaptures(real, datasetsDir), heldOut, sroie(datasetsDir)].filter((d): d is Dataset => d !== null);
  return opts.quick ? sets.map((d) => ({ ...d, images: d.images.slice(0, 6) })) : sets;
}

/** Workers run one thread each, one per core (receipt-ocr extract, the queue): measured as they run. */
const WORKER_THREADS = 1;

async function coldStarts(n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const client = await OcrWorkerClient.start(forkWorker(), { modelsDir: defaultModelsDir(), intraOpThreads: WORKER_THREADS, warmProfiles: [profile], rulesFile: null });
    times.push(performance.now() - t0);
    await client.dispose();
  }
  return times;
}

/** Every image through one worker, then its peak resident memory. */
async function peakRss(files: string[]): Promise<number> {
  const client = await OcrWorkerClient.start(forkWorker(), { modelsDir: defaultModelsDir(), intraOpThreads: WORKER_THREADS, warmProfiles: [profile], rulesFile: null });
  for (const f of files) await client.run(f, profile).result;
  const stats = await client.stats();
  await client.dispose();
  return stats.peakRssBytes;
}

/** Tesseract's processes: one per core, as its batch users run it (bench/tesseract.ts). */
const TESSERACT_PROCESSES = os.availableParallelism();

function tokenAccuracy(images: BenchImage[], texts: string[]): { referencia: string; monto: string } {
  const rate = (key: 'referencia' | 'monto') => {
    const relevant = images.map((img, i) => [img.expectTokens[key], texts[i] ?? ''] as const).filter(([v]) => v !== undefined);
    const hits = relevant.filter(([v, t]) => containsToken(t, v!)).length;
    return `${hits}/${relevant.length}`;
  };
  return { referencia: rate('referencia'), monto: rate('monto') };
}

async function main(): Promise<void> {
  const sets = await load();
  const tess = opts['no-tesseract'] ? null : tesseractVersion();
  const langs = tess ? tesseractLanguages() : [];
  const report: Record<string, unknown> = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    profile,
    tesseract: tess,
  };
  console.log(`Recibo OCR benchmark: profile ${profile}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model}), ${tess ?? 'no Tesseract'}\n`);

  const starts = await coldStarts(3);
  report.coldStartMs = starts;
  console.log(`cold start (spawn, load, warm-up): median ${ms(percentile(starts, 50))} of ${starts.map(ms).join(', ')}`);

  // Each phone screenshot once: the repeated set's images are real-ve's again.
  const phone = sets.filter((d) => d.kind === 'phone' && !d.repeated);
  const phoneImages = phone.flatMap((d) => d.images);
  const rss = await peakRss(phoneImages.map((i) => i.file));
  report.peakRssMiB = Math.round(rss / 2 ** 20);
  console.log(`worker peak RSS over ${phoneImages.length} phone screenshots: ${report.peakRssMiB} MiB\n`);

  // One screenshot of each phone set: the smallest real one is Tesseract's best case.
  const shots: OneShot[] = [];
  for (const set of phone) {
    const single = set.images[0];
    if (!single) continue;
    const shot = await oneShot(single.file, profile, opts.quick ? 2 : 5, tess && langs.includes('spa') ? 'spa' : null);
    shots.push(shot);
    const ratio = shot.ratioMedian !== null ? `; Recibo / Tesseract ${shot.ratioMedian.toFixed(2)} (median of the ${shot.runs} ratios)` : '';
    console.log(`one screenshot from the shell, cold (${set.name} ${path.basename(shot.file)}, median of ${shot.runs}): receipt-ocr extract ${ms(shot.reciboMedianMs)}${shot.tesseractMedianMs ? `, tesseract ${ms(shot.tesseractMedianMs)}` : ''}${ratio}`);
  }
  report.oneScreenshotCold = shots;
  console.log('');

  const phoneTotals: number[] = [];
  const phoneToLines: number[] = [];
  const phoneStages: Record<string, number[]> = Object.fromEntries(OCR_STAGES.map((s) => [s, []]));
  for (const set of sets) {
    const files = set.images.map((i) => i.file);
    const lang = set.kind === 'scan' ? 'eng' : 'spa';
    const withTesseract = tess !== null && langs.includes(lang);
    // Both tools in turn, RUNS times: the VM drifts within minutes, a ratio of one pair does not.
    const walls: number[] = [];
    const tesseractWalls: number[] = [];
    const ratios: number[] = [];
    let ours: Awaited<ReturnType<typeof runExtract>> | null = null;
    let t: Awaited<ReturnType<typeof tesseractBatch>> | null = null;
    for (let run = 0; run < RUNS; run++) {
      const mine = await runExtract(files, profile);
      ours ??= mine;
      walls.push(mine.wallMs);
      if (!withTesseract) continue;
      const theirs = await tesseractBatch(files, lang, TESSERACT_PROCESSES);
      t ??= theirs;
      tesseractWalls.push(theirs.wallMs);
      ratios.push(theirs.wallMs / mine.wallMs);
    }
    if (!ours) continue;
    const wallMs = percentile(walls, 50);
    const ok = ours.records.filter((r) => r.status === 'ok');
    const totals = ok.map((r) => r.timings_ms!.total);
    // File to lines (the OCR engine's own target) is the total without the field extraction.
    const toLines = ok.map((r) => r.timings_ms!.total - r.timings_ms!.extract);
    if (set.kind === 'phone' && !set.repeated) {
      phoneTotals.push(...totals);
      phoneToLines.push(...toLines);
      for (const s of OCR_STAGES) phoneStages[s]!.push(...ok.map((r) => r.timings_ms![s] ?? 0));
    }
    const texts = ours.records.map((r) => r.text ?? '');
    const row: Record<string, unknown> = {
      images: files.length,
      errors: ours.records.filter((r) => r.status === 'error').length,
      p50Ms: percentile(totals, 50),
      p95Ms: percentile(totals, 95),
      linesP50Ms: percentile(toLines, 50),
      extractP50Ms: percentile(ok.map((r) => r.timings_ms!.extract), 50),
      imagesPerSecond: files.length / (wallMs / 1000),
      msPerImage: wallMs / files.length,
      wallMs,
      wallRunsMs: walls,
    };
    console.log(`${set.name} (${files.length} images): per image, file to fields, p50 ${ms(row.p50Ms as number)}, p95 ${ms(row.p95Ms as number)} (file to lines p50 ${ms(row.linesP50Ms as number)}, extraction p50 ${ms(row.extractP50Ms as number)}); whole run, median of ${RUNS}, ${ms(wallMs)} = ${(row.imagesPerSecond as number).toFixed(2)} images/s (process start and model load included)`);
    if (t) {
      const tesseractWall = percentile(tesseractWalls, 50);
      row.tesseractWallMs = tesseractWall;
      row.tesseractWallRunsMs = tesseractWalls;
      row.tesseractMsPerImage = tesseractWall / files.length;
      row.tesseractImagesPerSecond = files.length / (tesseractWall / 1000);
      row.speedup = percentile(ratios, 50);
      row.speedupRuns = ratios;
      const spread = ratios.length > 1 ? ` (${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)})` : '';
      console.log(`  tesseract -l ${lang} (OMP_THREAD_LIMIT=1, ${TESSERACT_PROCESSES} processes over file lists): whole run ${ms(tesseractWall)} = ${(row.tesseractImagesPerSecond as number).toFixed(2)} images/s, ${(row.tesseractMsPerImage as number).toFixed(0)} ms/image; Recibo ${(row.msPerImage as number).toFixed(0)} ms/image -> Tesseract time / Recibo time ${(row.speedup as number).toFixed(2)}, median of ${ratios.length} pairs run in turn${spread}`);
    }
    // A repeated set's images and their reading are another set's, printed with it.
    if (set.kind === 'phone' && !set.repeated) {
      row.tokens = tokenAccuracy(set.images, texts);
      console.log(`  printed reference / amount read exactly: Recibo ${JSON.stringify(row.tokens)}${t ? `, tesseract ${JSON.stringify(tokenAccuracy(set.images, t.texts))}` : ''}`);
      if (t) row.tesseractTokens = tokenAccuracy(set.images, t.texts);
    } else if (set.kind === 'scan') {
      for (const fold of [true, false]) {
        const label = fold ? 'case-folded' : 'exact case';
        const ourF1 = f1(set.images.map((img, i) => scoreWords(img.transcript ?? '', texts[i] ?? '', fold)));
        const theirF1 = t ? f1(set.images.map((img, i) => scoreWords(img.transcript ?? '', t.texts[i] ?? '', fold))) : null;
        row[fold ? 'wordF1' : 'wordF1ExactCase'] = { recibo: ourF1, tesseract: theirF1 };
        console.log(`  word F1 (${label}): Recibo ${pct(ourF1.f1)} (P ${pct(ourF1.precision)}, R ${pct(ourF1.recall)})${theirF1 ? `, tesseract ${pct(theirF1.f1)}` : ''}`);
      }
      // Tesseract's text has no line boxes here, so this one is Recibo's alone.
      const byLine = set.images
        .map((img, i) => unspacedEditsByLine(img.truthBoxes ?? [], ours.records[i]?.lines ?? [], true))
        .reduce((a, b) => ({ edits: a.edits + b.edits, chars: a.chars + b.chars }), { edits: 0, chars: 0 });
      row.unspacedLineCer = byLine.edits / Math.max(1, byLine.chars);
      console.log(`  characters misread line by line, spaces aside (case-folded): ${pct(row.unspacedLineCer as number)} of ${byLine.chars.toLocaleString('en')}`);
    }
    report[set.name] = row;
  }
  // The same per-image timings as above, pooled: one more run would only add another sample of noise.
  report.phone = { images: phoneImages.length, p50Ms: percentile(phoneTotals, 50), p95Ms: percentile(phoneTotals, 95), linesP50Ms: percentile(phoneToLines, 50), linesP95Ms: percentile(phoneToLines, 95) };
  console.log(`\nall phone screenshots (${phoneImages.length}): per image, file to lines p50 ${ms(percentile(phoneToLines, 50))}, p95 ${ms(percentile(phoneToLines, 95))}; file to fields p50 ${ms(percentile(phoneTotals, 50))}, p95 ${ms(percentile(phoneTotals, 95))}`);
  report.phoneStages = Object.fromEntries(OCR_STAGES.map((s) => [s, { p50Ms: percentile(phoneStages[s]!, 50), p95Ms: percentile(phoneStages[s]!, 95) }]));
  console.log(`  per stage, p50 / p95: ${OCR_STAGES.map((s) => `${s} ${ms(percentile(phoneStages[s]!, 50))} / ${ms(percentile(phoneStages[s]!, 95))}`).join(', ')}`);

  if (!opts['no-storage']) {
    report.batch = await batchBench(opts.quick ? 50 : 1000);
    printBatch(report.batch as BatchFigures);
    report.history = await historyBench(opts.quick ? 10_000 : 100_000);
    printHistory(report.history as HistoryFigures);
  }

  const outDir = path.join(root, 'bench-results');
  await mkdir(outDir, { recursive: true });
  const out = path.join(outDir, `${profile}-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  await writeFile(out, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwritten to ${path.relative(process.cwd(), out)}`);
}

main().catch((e: Error) => {
  console.error(`bench: ${e.message}`);
  process.exit(1);
});
