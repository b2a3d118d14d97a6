/**
 * Retention: receipts past `expires_at` that are not pinned go, with everything read from them
 * (runs, words, fields, corrections) in one transaction, then their images. The `sweeps` table
 * keeps what was removed as counts, never contents. Images no receipt refers to (left by a crash
 * between the two steps) are removed too, so nothing outlives the policy.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from './core';

export interface SweepReport {
  asOf: string;
  receipts: number;
  runs: number;
  fields: number;
  corrections: number;
  images: number;
}

const count = (core: Core, sql: string, asOf: string) => (core.db.prepare(sql).get(asOf) as { n: number }).n;
const EXPIRED = 'SELECT id FROM receipts WHERE pinned = 0 AND expires_at <= ?';

export async function sweep(core: Core, asOf: Date): Promise<SweepReport> {
  const { db, store } = core;
  const iso = asOf.toISOString();
  const { report, gone } = db.transaction(() => {
    const gone = db.prepare(`SELECT sha256, ext FROM receipts WHERE id IN (${EXPIRED})`).all(iso) as { sha256: string; ext: string }[];
    const report: SweepReport = {
      asOf: iso,
      receipts: gone.length,
      runs: count(core, `SELECT count(*) AS n FROM ocr_runs WHERE receipt_id IN (${EXPIRED})`, iso),
      fields: count(core, `SELECT count(*) AS n FROM fields WHERE receipt_id IN (${EXPIRED})`, iso),
      corrections: count(core, `SELECT count(*) AS n FROM corrections WHERE receipt_id IN (${EXPIRED})`, iso),
      images: 0,
    };
    // Cascades take runs, fields, corrections and batch items with their receipt.
    db.prepare(`DELETE FROM receipts WHERE id IN (${EXPIRED})`).run(iso);
    return { report, gone };
  })();
  for (const g of gone) if (await store.remove(g.sha256, g.ext)) report.images++;
  report.images += await removeOrphanImages(core);
  db.prepare('INSERT INTO sweeps (at, as_of, receipts, runs, fields, corrections, images) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    core.now().toISOString(), iso, report.receipts, report.runs, report.fields, report.corrections, report.images,
  );
  core.log.write({ event: 'sweep', ...report });
  return report;
}

async function removeOrphanImages(core: Core): Promise<number> {
  const known = new Set((core.db.prepare('SELECT sha256 FROM receipts').all() as { sha256: string }[]).map((r) => r.sha256));
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
