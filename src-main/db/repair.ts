/**
 * Restoring a damaged database (`receipt-ocr repair`, and the app's offer at start): the damaged
 * file is kept aside, never deleted; the newest backup that passes its check takes its place;
 * and the report says what the restored history lacks: the receipts taken in after the backup,
 * whose images are still in the store.
 */
import { copyFileSync, existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { goodBackups, type BackupInfo } from './backups';
import { checkIntegrity, clearDamage, recordedDamage } from './integrity';
import { openDatabase, sqliteBinding } from './open';

export type RepairReport =
  | { status: 'healthy' }
  | {
      status: 'restored' | 'started-empty';
      /** Where the damaged file was moved (with its -wal and -shm). */
      damagedKeptAs: string;
      backup: BackupInfo | null;
      /** Images in the store that the restored history does not know: receipts lost with the damage. */
      imagesNotInHistory: number;
    };

/** Whether the folder's database opens and passes the full integrity check. */
export function databaseIsHealthy(file: string): boolean {
  return !existsSync(file) || checkIntegrity(file, sqliteBinding()).ok;
}

/** Restores the last good backup over a damaged database; does nothing to a healthy one. */
export function repairDatabase(dataDir: string, now: Date): RepairReport {
  const file = path.join(dataDir, 'recibo.db');
  if (databaseIsHealthy(file) && !isEmptyFile(file) && !recordedDamage(file)) return { status: 'healthy' };
  const damagedKeptAs = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  for (const side of ['', '-wal', '-shm']) if (existsSync(file + side)) renameSync(file + side, damagedKeptAs + side);
  const backup = goodBackups(dataDir)[0] ?? null;
  if (backup) copyFileSync(backup.file, file);
  clearDamage(file);
  // Opened once through the normal path: migrated if the backup predates this version.
  const { db } = openDatabase(file);
  try {
    const known = new Set(db.prepare('SELECT sha256 FROM receipts').pluck().all() as string[]);
    const imagesNotInHistory = storedImages(path.join(dataDir, 'images')).filter((sha) => !known.has(sha)).length;
    return { status: backup ? 'restored' : 'started-empty', damagedKeptAs, backup, imagesNotInHistory };
  } finally {
    db.close();
  }
}

/** An emptied database reads as a healthy empty one: 0 bytes is damage in a folder with a history. */
const isEmptyFile = (file: string) => existsSync(file) && statSync(file).size === 0;

/** sha256 of every image in the content store (`images/ab/<sha256>.<ext>`). */
function storedImages(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((rel) => /([0-9a-f]{64})\.[a-z]+$/.exec(rel)?.[1])
    .filter((sha): sha is string => sha !== undefined);
}
