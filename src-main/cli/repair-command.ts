/**
 * `receipt-ocr repair --data-dir DIR`: a damaged database replaced by its last good backup, under
 * the folder's lock, with what the restored history lacks said plainly.
 */
import { existsSync } from 'node:fs';
import { lockDataFolder } from '../db/folder-lock';
import { repairDatabase } from '../db/repair';
import type { RepairCommand } from './args';

export function repair(cmd: RepairCommand): number {
  if (!existsSync(cmd.dataDir)) throw new Error(`${cmd.dataDir} does not exist; check --data-dir`);
  const release = lockDataFolder(cmd.dataDir);
  try {
    const report = repairDatabase(cmd.dataDir, new Date());
    if (report.status === 'healthy') {
      process.stdout.write(`The database in ${cmd.dataDir} is healthy (integrity check passed); nothing was changed.\n`);
      return 0;
    }
    const lines = [`The damaged database was kept as ${report.damagedKeptAs}.`];
    if (report.backup) {
      lines.push(`Restored the backup of ${report.backup.takenAt.toISOString()} (${report.backup.reason}), with ${report.backup.receipts} receipts.`);
      lines.push(`Lost: whatever was taken in, read or corrected after that time.`);
    } else {
      lines.push('There was no good backup: the history starts empty.');
    }
    if (report.imagesNotInHistory > 0) lines.push(`${report.imagesNotInHistory} images in the store are not in the restored history; take them in again to read them (their corrections are lost).`);
    process.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    release();
  }
}
