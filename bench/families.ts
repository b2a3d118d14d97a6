/**
 * The layout families' receipts for the field benchmark, rendered once per generator edition:
 * the set is cached under bench-results/families/ with a stamp of the generator's sources, the
 * seed and the count, and rendered again when any of them changes.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { FAMILY_SEED, renderFamilies, type FamilyReceipt } from '../tools/receipt-generator/render-families';
import type { Dataset } from './datasets';

const RECEIPTS_PER_FAMILY = 16;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') && !name.endsWith('.test.ts') ? [full] : [];
    })
    .sort();
}

/** What the rendered set depends on: the generator's code, the seed, the count. */
function stampOf(root: string): string {
  const hash = createHash('sha256').update(`${FAMILY_SEED}:${RECEIPTS_PER_FAMILY}\n`);
  for (const file of sourceFiles(path.join(root, 'tools', 'receipt-generator'))) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

export async function familyReceipts(root: string): Promise<{ dir: string; truth: Record<string, FamilyReceipt> }> {
  const dir = path.join(root, 'bench-results', 'families');
  const stampFile = path.join(dir, 'stamp.txt');
  const stamp = stampOf(root);
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8').trim() === stamp) {
    return { dir, truth: JSON.parse(readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Record<string, FamilyReceipt> };
  }
  console.log(`rendering ${RECEIPTS_PER_FAMILY} receipts per layout family into ${path.relative(root, dir)}/ (generator ${stamp})...`);
  const truth = await renderFamilies(dir, RECEIPTS_PER_FAMILY, FAMILY_SEED);
  await writeFile(stampFile, `${stamp}\n`);
  return { dir, truth };
}

/** Screenshots of each held-out family in the speed benchmark: 60 with today's six. */
const HELD_OUT_SCREENSHOTS_PER_FAMILY = 10;

/**
 * Screenshots no rule was written from, for the speed benchmark: the first receipts (by name) of
 * each held-out layout family that is a screen capture (the photographs of screens are left
 * out). The closest the benchmark has to screenshots the project has never seen.
 */
export async function heldOutScreenshots(root: string, perFamily = HELD_OUT_SCREENSHOTS_PER_FAMILY): Promise<Dataset> {
  const { dir, truth } = await familyReceipts(root);
  const taken = new Map<string, number>();
  const images: Dataset['images'] = [];
  for (const [file, t] of Object.entries(truth).sort(([a], [b]) => a.localeCompare(b))) {
    if (t.split !== 'held-out' || t.degrade.startsWith('photo')) continue;
    const n = taken.get(t.family) ?? 0;
    if (n >= perFamily) continue;
    taken.set(t.family, n + 1);
    images.push({ file: path.join(dir, file), expectTokens: t.printed });
  }
  return { name: 'held-out screenshots', kind: 'phone', images };
}
