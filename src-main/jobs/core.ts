/**
 * Everything the app and the CLI share for one data folder: the database, the image store,
 * the log and the retention setting.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { ContentStore } from '../store/content-store';
import { JsonLinesLog, type Logger } from './log';


export interface Core {
  dataDir: string;
  db: Db;
  store: ContentStore;
  log: Logger;
  now: () => Date;
}

export function openCore(dataDir: string, now: () => Date = () => new Date()): Core & { recovered: { backup: string; reason: string } | null } {
  // Owner-only: the folder holds other people's payment details (where the OS has modes).
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (process.platform !== 'win32') chmodSync(dataDir, 0o700);
  const { db, recovered } = openDatabase(path.join(dataDir, 'recibo.db'), now);
  // SQLite gives its -wal and -shm files the database file's mode.
  if (process.platform !== 'win32') chmodSync(path.join(dataDir, 'recibo.db'), 0o600);
  const log = new JsonLinesLog(path.join(dataDir, 'logs'));
  if (recovered) log.write({ event: 'database-recovered', ...recovered });
  return { dataDir, db, store: new ContentStore(path.join(dataDir, 'images')), log, now, recovered };
}
