/**
 * The line sets bench:recognizer reads (bench/recognizer.ts): rendered by training/'s generator,
 * cut by the app's own detector, or SROIE's ground-truth boxes, each line with its image, box and
 * expected text.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { RgbImage } from '../src-main/ocr/worker/pipeline/image';
import { appRoot } from '../src-main/paths';
import type { Quad } from '../src-shared/ocr/types';
import { parseSroieBoxes, sroieFiles } from './datasets';

const root = appRoot();

export interface Line {
  /** The image's file, relative to its set's folder. */
  name: string;
  image: RgbImage;
  text: string;
  /** The box to read, in the image; the whole image when absent. */
  quad?: Quad;
  /** The page the line is on, where a set has pages (sroie): its word F1 is counted per page. */
  page?: string;
  /** The kind of line the generator drew (screen, printed), where the set says (kinds.tsv). */
  kind?: string;
  /** The share of the text's ink height its box leaves out, where the set says (ink.tsv). */
  inkCut?: number;
}

/**
 * Lines whose box leaves out more of their ink's height than this are scored apart: rounding a box
 * to whole pixels leaves out up to half a pixel, and the eighteenth model read every held-out line cut by less.
 */
export const INK_CUT = 0.05;

/** Held-out receipts the detector set is cut from, and their seed (the training crops use seed 1). */
const DETECTOR_SET = { receipts: 60, seed: 2 };

/** A Python with Pillow and numpy: $PYTHON, then python3, then Debian's own. */
function python(): string {
  for (const candidate of [process.env.PYTHON, 'python3', '/usr/bin/python3']) {
    if (candidate && spawnSync(candidate, ['-c', 'import PIL, numpy'], { stdio: 'ignore' }).status === 0) return candidate;
  }
  throw new Error('No python3 with Pillow and numpy found to render the line sets (set $PYTHON; see training/README.md)');
}

/**
 * What the line sets are a function of: the generator's sources, its word lists, the fonts and
 * the line count. A set rendered by an older corpus or renderer is rendered again, never reused.
 */
function recipeStamp(lines: number): string {
  const pkg = path.join(root, 'training', 'recibo_rec');
  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort().map((name) => path.join(dir, name)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  const sources = [
    ...['charset', 'corpus', 'dataset', 'fonts', 'make_eval', 'model', 'render'].map((name) => path.join(pkg, `${name}.py`)),
    ...readdirSync(path.join(pkg, 'words')).sort().map((name) => path.join(pkg, 'words', name)),
    path.join(root, 'training', 'fonts', 'fonts.lock.json'),
    // The detector set: the receipt generator, the crop tool and the detector they run.
    ...filesUnder(path.join(root, 'tools')),
    path.join(root, 'models', 'manifest.json'),
  ];
  const hash = createHash('sha256').update(`lines ${lines}\n${JSON.stringify(DETECTOR_SET)}\n`);
  for (const file of sources) hash.update(existsSync(file) ? readFileSync(file) : `missing ${path.basename(file)}`);
  return hash.digest('hex');
}

export function ensureSets(dir: string, lines: number): void {
  const stampFile = path.join(dir, 'recipe.sha256');
  const stamp = recipeStamp(lines);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) return;
  console.log(`rendering ${lines} held-out lines and ${DETECTOR_SET.receipts} held-out receipts into ${dir} ...`);
  rmSync(dir, { recursive: true, force: true });
  const run = spawnSync(python(), ['-m', 'recibo_rec.make_eval', dir, '--lines', String(lines)], { cwd: path.join(root, 'training'), stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`make_eval failed (exit ${run.status})`);
  const crops = spawnSync(
    process.execPath,
    [path.join(root, 'dist', 'tools', 'detector-crops.js'), path.join(dir, 'detector'), '--fonts', 'held-out', '--receipts', String(DETECTOR_SET.receipts), '--seed', String(DETECTOR_SET.seed)],
    { stdio: 'inherit' },
  );
  if (crops.status !== 0) throw new Error(`the detector crop tool failed (exit ${crops.status})`);
  writeFileSync(stampFile, stamp);
}

async function readRgb(file: string): Promise<RgbImage> {
  const { data, info } = await sharp(file).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** The detector set: each crop's context and its box; boxes around no text (icons) left out. */
export async function loadDetectorSet(dir: string): Promise<Line[]> {
  const rows = readFileSync(path.join(dir, 'labels.jsonl'), 'utf8').split('\n').filter((l) => l.length > 0);
  const crops = rows.map((row) => JSON.parse(row) as { file: string; text: string; box: [number, number, number, number] }).filter((c) => c.text !== '');
  return Promise.all(
    crops.map(async ({ file, text, box: [x0, y0, x1, y1] }) => ({
      name: path.join('images', file),
      image: await readRgb(path.join(dir, 'images', file)),
      text,
      quad: [{ x: x0, y: y0 }, { x: x1, y: y0 }, { x: x1, y: y1 }, { x: x0, y: y1 }] as Quad,
    })),
  );
}

/** `file\tvalue` rows of a set's TSV file as a map; empty when the set has no such file. */
function tsvColumn(file: string): Map<string, string> {
  if (!existsSync(file)) return new Map();
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  return new Map(rows.map((row) => row.split('\t') as [string, string]));
}

export async function loadSet(dir: string): Promise<Line[]> {
  // Sets passed with --set from before kinds.tsv and ink.tsv existed are read without them.
  const kinds = tsvColumn(path.join(dir, 'kinds.tsv'));
  const ink = tsvColumn(path.join(dir, 'ink.tsv'));
  return Promise.all(
    [...tsvColumn(path.join(dir, 'labels.tsv'))].map(async ([file, text]) => ({
      name: file,
      image: await readRgb(path.join(dir, file)),
      text,
      ...(kinds.has(file) ? { kind: kinds.get(file)! } : {}),
      ...(ink.has(file) ? { inkCut: Number(ink.get(file)) } : {}),
    })),
  );
}

/** Every text line of the SROIE sample, each to be read through the app's warp of its own box. */
export async function loadSroieSet(datasets: string): Promise<Line[]> {
  const lines: Line[] = [];
  for (const { image: file, boxes } of sroieFiles(datasets)) {
    const image = await readRgb(file);
    parseSroieBoxes(readFileSync(boxes, 'utf8')).forEach(({ corners, text }, row) => {
      const quad = corners.map(([x, y]) => ({ x, y })) as Quad;
      lines.push({ name: `${path.basename(file)}#${row + 1}`, image, text, quad, page: file });
    });
  }
  return lines;
}
