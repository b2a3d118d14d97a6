/**
 * The full integrity check of a database file, and the marker that keeps a failed one from
 * being used again until it is repaired: a damage found while the app runs is refused at the
 * next start like one found at open, with the same offer of the last good backup.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

export type IntegrityResult = { ok: true } | { ok: false; reason: string };

/** `integrity_check` on its own read-only connection (nativeBinding: Electron's addon, or null). */
export function checkIntegrity(file: string, nativeBinding: string | null): IntegrityResult {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
    const rows = db.pragma('integrity_check(5)', { simple: false }) as { integrity_check: string }[];
    const problems = rows.map((r) => r.integrity_check).filter((t) => t !== 'ok');
    return problems.length === 0 ? { ok: true } : { ok: false, reason: problems.join('; ') };
  } catch (e) {
    return { ok: false, reason: `${(e as { code?: string }).code ?? 'ERROR'}: ${(e as Error).message}` };
  } finally {
    db?.close();
  }
}

/** Runs `checkIntegrity` in the worker thread `script` (dist/main/integrity-thread.js). */
export function checkIntegrityInBackground(script: string, file: string, nativeBinding: string | null): Promise<IntegrityResult> {
  return new Promise((resolve) => {
    const worker = new Worker(script, { workerData: { file, nativeBinding } });
    worker.once('message', (result: IntegrityResult) => resolve(result));
    worker.once('error', (e) => resolve({ ok: false, reason: `the check could not run: ${e.message}` }));
    worker.once('exit', () => resolve({ ok: false, reason: 'the check ended without an answer' }));
  });
}

/** `recibo.db.damaged`: written when a check fails, removed by repair. */
const damageMarker = (dbFile: string) => `${dbFile}.damaged`;

export function markDamaged(dbFile: string, reason: string): void {
  writeFileSync(damageMarker(dbFile), `${reason}\n`, { mode: 0o600 });
}

export function recordedDamage(dbFile: string): string | null {
  const marker = damageMarker(dbFile);
  return existsSync(marker) ? readFileSync(marker, 'utf8').trim() || 'a failed integrity check' : null;
}

export function clearDamage(dbFile: string): void {
  rmSync(damageMarker(dbFile), { force: true });
}
