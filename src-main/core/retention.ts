/**
 * Retention: receipts past `expires_at` that are not pinned go, with everything read from them
 * (runs, words, fields, corrections) in one transaction, then their images. The `sweeps` table
 * keeps what was removed as counts, never contents. Images no receipt refers to (left by a crash
 * between the two steps) are removed too, so nothing outlives the policy.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { deleteExpired, recordSweep, referencedImages } from '../db/sweeps';
import type { Core } from './data-folder';
import { sweepStatements } from './reconciliation';

export interface SweepReport {
  asOf: string;
  receipts: number;
  runs: number;
  fields: number;
  corrections: number;
  images: number;
}

export async function sweep(core: Core, asOf: Date): Promise<SweepReport> {
  const iso = asOf.toISOString();
  const { counts, images } = deleteExpired(core.db, iso);
  const report: SweepReport = { asOf: iso, ...counts, images: 0 };
  for (const g of images) if (await core.store.remove(g.sha256, g.ext)) report.images++;
  report.images += await removeOrphanImages(core);
  recordSweep(core.db, { ...report, at: core.now().toISOString() });
  // Bank statements are kept as long as receipts are; the receipts left are decided again.
  const statements = sweepStatements(core, asOf);
  core.log.write({ event: 'sweep', ...report, statements });
  return report;
}

async function removeOrphanImages(core: Core): Promise<number> {
  const known = referencedImages(core.db);
  let removed = 0;
  const dirs = await readdir(core.store.root).catch(() => [] as string[]);
  for (const dir of dirs) {
    for (const name of await readdir(path.join(core.store.root, dir)).catch(() => [] as string[])) {
      const [sha256, ext] = name.split('.');
      // Half-written copies belong to an intake in progress; they are renamed or rewritten.
      if (!sha256 || !ext || name.endsWith('.partial') || known.has(sha256)) continue;
      if (await core.store.remove(sha256, ext)) removed++;
    }
  }
  return removed;
}
