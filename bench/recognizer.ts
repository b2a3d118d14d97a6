/**
 * npm run bench:recognizer: every recogniser in models/manifest.json on the same held-out text
 * lines (training/: fonts never used in training, crops as the detector places them), through
 * the app's own crop, resize, batch and decode code, one line per run, one thread each.
 * A recogniser with a language model (its manifest entry's `languageModel`) is read twice: decoded
 * with it, as the app decodes it, and greedily (`ID/greedy`), so one run shows what it adds.
 * Prints character error rate, exact lines and CPU time per line, and the ratio between them;
 * on the rendered sets, exact lines by the kind of line too (an app screen's, a printed till
 * receipt's: `kinds.tsv`), and apart for the lines whose box leaves out some of their ink
 * (`ink.tsv`: a shifted box can cut an accent or a comma's tail off, and the label still names it).
 *
 *   npm run bench:recognizer [-- --set DIR (sets already rendered)] [--lines 1000]
 *
 * The line sets are written by `python3 -m recibo_rec.make_eval` (Pillow, numpy and the fonts
 * collected in training/fonts/, see training/README.md) into bench-results/recognizer-eval/,
 * and rendered again whenever the generator that wrote them changes. A third set, `detector`, is
 * the boxes the app's own detector draws on receipts rendered in Lato, a family no recogniser
 * here trained on (tools/detector-crops/, its own seed): each is read through the app's warp of
 * exactly that box. A fourth, `sroie`, is the scanned till receipts of ../shared/datasets/sroie-sample
 * read box by box from their own ground-truth boxes, compared in capitals as SROIE transcribes
 * them: the recognisers on printed paper with the detector left out of the comparison.
 *
 * Every line a recogniser misses is written to bench-results/recognizer-misses/SET.ID.tsv (the
 * image, what it read, what it should have read, the kind of miss), for the next training run.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openModel } from '../src-main/ocr/worker/engine';
import { loadManifest, type RecognizerEntry } from '../src-main/ocr/worker/manifest';
import { loadClasses, loadLanguageModel, readVerified } from '../src-main/ocr/worker/model-files';
import { recognizerSpec } from '../src-main/ocr/worker/model-set';
import { cropRegions, recognizeCrops, type RecognizerSpec, type RunModel } from '../src-main/ocr/worker/pipeline/recognition/recognize';
import { appRoot, defaultModelsDir } from '../src-main/paths';
import type { Quad } from '../src-shared/ocr/types';
import { sharedDatasets } from './datasets';
import { f1, lineScore, missKind, percentile, scoreWords, unspacedCer, type MissKind } from './metrics';

import { INK_CUT, ensureSets, loadDetectorSet, loadSet, loadSroieSet, type Line } from './recognizer-sets';
const { values: opts } = parseArgs({ options: { set: { type: 'string' }, lines: { type: 'string' } } });
const root = appRoot();

interface Reading {
  read: string[];
  cpuMs: number[];
}

/** Each line alone, its box (or the whole crop) through the app's warp, batch tensor and decoder. */
async function readAll(lines: readonly Line[], run: RunModel, spec: RecognizerSpec): Promise<Reading> {
  const read: string[] = [];
  const cpuMs: number[] = [];
  for (const { image, quad } of lines) {
    const whole: Quad = [{ x: 0, y: 0 }, { x: image.width, y: 0 }, { x: image.width, y: image.height }, { x: 0, y: image.height }];
    const crops = cropRegions(image, [{ quad: quad ?? whole, score: 1 }], spec);
    const before = process.cpuUsage();
    const [result] = await recognizeCrops(crops, [{ run, depth: 1 }], spec);
    const used = process.cpuUsage(before);
    cpuMs.push((used.user + used.system) / 1000);
    read.push(result!.line.text);
  }
  return { read, cpuMs };
}

// Lines PP-OCRv4 could read in principle (no accent, ñ, ¿ or ¡), and lines of no letters at all.
const SPANISH_ONLY = /[áéíóúüñÁÉÍÓÚÜÑ¿¡]/;
const NO_LETTERS = /^[^A-Za-záéíóúüñÁÉÍÓÚÜÑ]*$/;

interface Recognizer {
  id: string;
  run: RunModel;
  spec: RecognizerSpec;
  release(): Promise<void>;
}

/**
 * Every recogniser of the manifest, each opened (one thread) and warmed up once for all sets; one
 * with a language model twice, decoded with it (as the app decodes it) and greedily (`ID/greedy`),
 * so one run shows what the model's beam search adds and what it costs.
 */
async function openRecognizers(modelsDir: string, warmUp: readonly Line[]): Promise<Recognizer[]> {
  const manifest = await loadManifest(modelsDir);
  const entries = Object.entries(manifest.models).filter((e): e is [string, RecognizerEntry] => e[1].task === 'recognize');
  const out: Recognizer[] = [];
  for (const [id, entry] of entries) {
    const model = await openModel(await readVerified(modelsDir, entry.file, entry.sha256), id, entry.input.name, entry.output, { intraOpThreads: 1 });
    const classes = await loadClasses(modelsDir, entry);
    const languageModel = await loadLanguageModel(modelsDir, entry);
    const specs: [string, RecognizerSpec][] = [[id, recognizerSpec(entry, classes, languageModel)]];
    if (languageModel) specs.push([`${id}/greedy`, recognizerSpec(entry, classes)]);
    for (const [variant, spec] of specs) {
      await readAll(warmUp, model.run, spec);
      // The session is shared: the last variant releases it.
      out.push({ id: variant, run: model.run, spec, release: variant === specs.at(-1)![0] ? model.release : async () => {} });
    }
  }
  return out;
}

const MISSES_DIR = path.join(root, 'bench-results', 'recognizer-misses');

const pct = (v: number, digits = 1) => `${(100 * v).toFixed(digits)}%`;

/** SROIE's measure on a set read box by box: each page's reads against its lines' texts (already case-folded). */
function wordF1ByPage(lines: readonly Line[], pairs: readonly { expected: string; read: string }[]) {
  const pages = new Map<string, { expected: string[]; read: string[] }>();
  pairs.forEach(({ expected, read }, i) => {
    const key = lines[i]!.page ?? '';
    const page = pages.get(key) ?? { expected: [], read: [] };
    page.expected.push(expected);
    page.read.push(read);
    pages.set(key, page);
  });
  const scores = [...pages.values()].map((page) => scoreWords(page.expected.join('\n'), page.read.join('\n'), false));
  return { pages: pages.size, ...f1(scores) };
}

/**
 * Prints one recogniser's scores on one set and writes its misses; returns its mean CPU time per
 * line. `foldCase` compares in capitals (SROIE's transcripts are capitals, whatever the print).
 */
function report(set: string, id: string, lines: readonly Line[], { read, cpuMs }: Reading, foldCase: boolean): number {
  const fold = (t: string) => (foldCase ? t.toUpperCase() : t);
  // Trimmed as the app trims: a line is made of its words, so edge spaces vanish.
  const pairs = lines.map((l, i) => ({ name: l.name, expected: fold(l.text), read: fold(read[i]!.trim()) }));
  const all = lineScore(pairs);
  const plain = lineScore(pairs.filter((p) => !SPANISH_ONLY.test(p.expected)));
  const numeric = lineScore(pairs.filter((p) => NO_LETTERS.test(p.expected)));
  const mean = cpuMs.reduce((s, v) => s + v, 0) / cpuMs.length;
  // Exact lines by kind: the printed till lines are a seventh of the held-out set and a third of its misses.
  const kinds = [...new Set(lines.map((l) => l.kind).filter((k): k is string => k !== undefined))].sort();
  const groups = kinds.map((kind) => ({ name: kind, ...lineScore(pairs.filter((_, i) => lines[i]!.kind === kind)) }));
  // The boxes that cut their ink apart: some of those lines' labels name marks their pixels lack.
  if (lines.some((l) => l.inkCut !== undefined)) {
    const cut = (i: number) => (lines[i]!.inkCut ?? 0) > INK_CUT;
    groups.push(
      { name: 'box holds its ink', ...lineScore(pairs.filter((_, i) => !cut(i))) },
      { name: 'box cuts it', ...lineScore(pairs.filter((_, i) => cut(i))) },
    );
  }
  console.log(
    // CER to two decimals: the target (at most 1%) is decided near 1.0%.
    `  ${id.padEnd(20)} CER ${pct(all.cer, 2).padStart(6)} (spaces aside ${pct(unspacedCer(pairs), 2)})  exact ${pct(all.exact).padStart(6)}` +
      `  | without accents: exact ${pct(plain.exact)} (${plain.lines})  | no letters: exact ${pct(numeric.exact)} (${numeric.lines})` +
      groups.map((g) => `  | ${g.name}: exact ${pct(g.exact)} (${g.lines})`).join('') +
      `  | CPU per line mean ${mean.toFixed(2)} ms, p50 ${percentile(cpuMs, 50).toFixed(2)} ms, p95 ${percentile(cpuMs, 95).toFixed(2)} ms`,
  );
  const misses = pairs.filter((p) => p.expected !== p.read).map((p) => ({ ...p, kind: missKind(p.expected, p.read) }));
  const count = (kind: MissKind) => misses.filter((m) => m.kind === kind).length;
  if (lines.some((l) => l.page !== undefined)) {
    const words = wordF1ByPage(lines, pairs);
    console.log(`      word F1 over ${words.pages} pages, read box by box: ${pct(words.f1)} (P ${pct(words.precision)}, R ${pct(words.recall)})`);
  }
  console.log(`      ${misses.length} misses: ${count('spaces')} only spaces, ${count('separators')} only spaces and . , : ;, ${count('other')} other`);
  for (const m of misses.slice(0, 6)) console.log(`      read ${JSON.stringify(m.read)}  want ${JSON.stringify(m.expected)}`);
  // Tabs and line breaks cannot occur in a label (the sets are TSV and JSONL of single lines).
  const rows = misses.map((m) => [m.name, m.read, m.expected, m.kind].join('\t'));
  writeFileSync(path.join(MISSES_DIR, `${set}.${id.replace(/\//g, '.')}.tsv`), ['image\tread\twant\tkind', ...rows].join('\n') + '\n');
  return mean;
}

async function main(): Promise<void> {
  // A folder given with --set is read as it is; the default one is the benchmark's own to render.
  const setDir = opts.set ?? path.join(root, 'bench-results', 'recognizer-eval');
  if (!opts.set) ensureSets(setDir, Number(opts.lines ?? 1000));
  const sets = await Promise.all(['heldout', 'shifted'].map(async (name) => ({ name, lines: await loadSet(path.join(setDir, name)), foldCase: false })));
  // Sets passed with --set from before the detector set existed are read without it.
  if (existsSync(path.join(setDir, 'detector'))) sets.push({ name: 'detector', lines: await loadDetectorSet(path.join(setDir, 'detector')), foldCase: false });
  const sroie = await loadSroieSet(sharedDatasets(root));
  if (sroie.length > 0) sets.push({ name: 'sroie', lines: sroie, foldCase: true });
  else console.log('(no ../shared/datasets/sroie-sample here: the sroie set is left out)');
  const recognizers = await openRecognizers(defaultModelsDir(), sets[0]!.lines.slice(0, 20));
  mkdirSync(MISSES_DIR, { recursive: true });
  for (const { name, lines, foldCase } of sets) {
    console.log(`\n${name}: ${lines.length} lines (${lines.filter((l) => SPANISH_ONLY.test(l.text)).length} with accents, ñ, ¿ or ¡)`);
    const cpu = new Map<string, number>();
    for (const r of recognizers) cpu.set(r.id, report(name, r.id, lines, await readAll(lines, r.run, r.spec), foldCase));
    const [base, ...others] = recognizers.map((r) => r.id);
    for (const id of others) console.log(`  CPU time ${id} / ${base}: ${(cpu.get(id)! / cpu.get(base!)!).toFixed(3)}`);
  }
  await Promise.all(recognizers.map((r) => r.release()));
}

main().catch((e: Error) => {
  console.error(`bench:recognizer: ${e.message}`);
  process.exit(1);
});
