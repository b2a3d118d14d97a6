/**
 * Rolling backups of the database in `backups/`: one before each migration of an existing
 * database, one a day while the app or the CLI works the folder, and one of a damaged file's
 * last good state is what db/repair.ts restores. Each is made with `VACUUM INTO`: a consistent,
 * compact copy taken through SQLite while others keep reading. The newest few are kept.
 */
import Database from 'better-sqlite3';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { connectionOptions, type Db } from './open';

export type BackupReason = 'daily' | 'migration';

export interface BackupInfo {
  file: string;
  takenAt: Date;
  reason: BackupReason;
  /** Receipts it holds. */
  receipts: number;
}

const KEEP = 5;
const DAY_MS = 24 * 3_600_000;
const NAME = /^recibo-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)-(daily|migration)\.db$/;

const backupsDir = (dataDir: string) => path.join(dataDir, 'backups');

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');
const unstamp = (s: string) => new Date(s.replace(/T(\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, 'T$1:$2:$3.$4Z'));

/** Copies the open database into `backups/` and keeps the newest few; returns the copy's path. */
export function backupDatabase(db: Db, dataDir: string, reason: BackupReason, now: Date): string {
  const dir = backupsDir(dataDir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `recibo-${stamp(now)}-${reason}.db`);
  db.prepare('VACUUM INTO ?').run(file);
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  for (const old of backupFiles(dataDir).slice(KEEP)) rmSync(old.file, { force: true });
  return file;
}

/** Takes the daily backup when the newest is a day old or there is none. */
export function backupIfDue(db: Db, dataDir: string, now: Date): string | null {
  const newest = backupFiles(dataDir)[0];
  if (newest && now.getTime() - newest.takenAt.getTime() < DAY_MS) return null;
  return backupDatabase(db, dataDir, 'daily', now);
}

/** Backup files by name, newest first (not opened). */
function backupFiles(dataDir: string): { file: string; takenAt: Date; reason: BackupReason }[] {
  const dir = backupsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((e): e is { name: string; m: RegExpExecArray } => e.m !== null)
    .map(({ name, m }) => ({ file: path.join(dir, name), takenAt: unstamp(m[1]!), reason: m[2] as BackupReason }))
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

export const hasBackups = (dataDir: string) => backupFiles(dataDir).length > 0;

/** The backups that open and pass their check, newest first, with the receipts each holds. */
export function goodBackups(dataDir: string): BackupInfo[] {
  const good: BackupInfo[] = [];
  for (const backup of backupFiles(dataDir)) {
    let db: Db | null = null;
    try {
      db = new Database(backup.file, connectionOptions({ readonly: true, fileMustExist: true }));
      if (db.pragma('quick_check(1)', { simple: true }) !== 'ok') continue;
      const { n } = db.prepare('SELECT count(*) AS n FROM receipts').get() as { n: number };
      good.push({ ...backup, receipts: n });
    } catch {
      // Damaged too: not offered.
    } finally {
      db?.close();
    }
  }
  return good;
}
