/**
 * Keeping the history trustworthy while the app runs: the daily backup, and after an unclean
 * shutdown (the previous process crashed or was killed) SQLite's full integrity check in a
 * worker thread. A failed check is recorded beside the database, so the next start refuses it
 * and offers the last good backup, and reported at once to the window.
 */
import path from 'node:path';
import { backupIfDue } from '../db/backups';
import { checkIntegrityInBackground, markDamaged } from '../db/integrity';
import { sqliteBinding } from '../db/open';
import { integrityThreadScript } from '../paths';
import type { Core } from './data-folder';

export function backupDaily(core: Core): void {
  const file = backupIfDue(core.db, core.dataDir, core.now());
  if (file) core.log.write({ event: 'database-backup', reason: 'daily', file });
}

/** Resolves with the damage found (null: none, or no check was due). */
export async function checkAfterUncleanShutdown(core: Core): Promise<string | null> {
  if (!core.uncleanShutdown) return null;
  const file = path.join(core.dataDir, 'recibo.db');
  core.log.write({ event: 'integrity-check', why: 'the previous process did not close the database' });
  const result = await checkIntegrityInBackground(integrityThreadScript(), file, sqliteBinding());
  core.log.write({ event: 'integrity-check-done', ok: result.ok, ...(result.ok ? {} : { problem: result.reason }) });
  if (result.ok) return null;
  markDamaged(file, result.reason);
  return result.reason;
}
