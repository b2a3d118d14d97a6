/**
 * Everything the app and the CLI share for one data folder: the database, the image store,
 * the log and the retention setting.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { backupDatabase, backupIfDue, hasBackups } from '../db/backups';
import { openDatabase, type Db } from '../db/open';
import { ContentStore } from '../store/content-store';
import { JsonLinesLog, type Logger } from './log';

export interface Core {
  dataDir: string;
  db: Db;
  store: ContentStore;
  log: Logger;
  now: () => Date;
  /** The last process to open the folder did not close it (a crash, a kill, a power cut). */
  uncleanShutdown: boolean;
  /** Closes the database and marks the folder closed cleanly. */
  close(): void;
}

/** Present while a process has the database open; left behind, it tells of an unclean end. */
const OPEN_MARKER = 'recibo.db.open';

/**
 * Opens a data folder. Throws DamagedDatabaseError (db/open.ts) for a database that cannot be
 * trusted, leaving it untouched; the caller offers db/repair.ts. `lockHeld`: this process holds
 * the folder's lock (the app, ingest, watch), so it alone keeps the open marker; a `status` run
 * beside the app neither sets nor clears it.
 */
export function openCore(dataDir: string, now: () => Date = () => new Date(), opts: { lockHeld?: boolean } = {}): Core {
  // Owner-only: the folder holds other people's payment details (where the OS has modes).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dataDir, 0o700);
  const log = new JsonLinesLog(path.join(dataDir, 'logs'));
  const file = path.join(dataDir, 'recibo.db');
  const { db } = openDatabase(file, {
    expectHistory: hasBackups(dataDir) || hasImages(path.join(dataDir, 'images')),
    beforeMigration: (old, version) => log.write({ event: 'database-backup', reason: 'migration', fromVersion: version, file: backupDatabase(old, dataDir, 'migration', now()) }),
  });
  // SQLite gives its -wal and -shm files the database file's mode.
  if (process.platform !== 'win32') chmodSync(file, 0o600);
  const marker = path.join(dataDir, OPEN_MARKER);
  const uncleanShutdown = opts.lockHeld === true && existsSync(marker);
  if (opts.lockHeld) writeFileSync(marker, String(process.pid), { mode: 0o600 });
  const daily = backupIfDue(db, dataDir, now());
  if (daily) log.write({ event: 'database-backup', reason: 'daily', file: daily });
  // A start after a crash: the app runs the full integrity check (core/database-health.ts).
  return {
    dataDir, db, store: new ContentStore(path.join(dataDir, 'images')), log, now, uncleanShutdown,
    close: () => {
      if (!db.open) return;
      db.close();
      if (opts.lockHeld) rmSync(marker, { force: true });
    },
  };
}

function hasImages(root: string): boolean {
  return existsSync(root) && readdirSync(root).length > 0;
}
