/**
 * Everything the app and the CLI share for one data folder: the database, the image store,
 * the log and the retention setting.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../db/open';
import { ContentStore } from '../store/content-store';
import { JsonLinesLog, type Logger } from './log';

export const DEFAULT_RETENTION_HOURS = 24;

export interface Core {
  dataDir: string;
  db: Db;
  store: ContentStore;
  log: Logger;
  now: () => Date;
}

export function openCore(dataDir: string, now: () => Date = () => new Date()): Core & { recovered: { backup: string; reason: string } | null } {
  mkdirSync(dataDir, { recursive: true });
  const { db, recovered } = openDatabase(path.join(dataDir, 'recibo.db'), now);
  const log = new JsonLinesLog(path.join(dataDir, 'logs'));
  if (recovered) log.write({ event: 'database-recovered', ...recovered });
  return { dataDir, db, store: new ContentStore(path.join(dataDir, 'images')), log, now, recovered };
}

/** Hours a receipt is kept (settings key "retentionHours"; 24 unless the install says otherwise). */
export function retentionHours(db: Db): number {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'retentionHours'").get() as { value: string } | undefined;
  const hours = row ? Number(JSON.parse(row.value)) : DEFAULT_RETENTION_HOURS;
  return Number.isFinite(hours) && hours > 0 ? hours : DEFAULT_RETENTION_HOURS;
}

export function setRetentionHours(db: Db, hours: number): void {
  if (!Number.isFinite(hours) || hours <= 0) throw new RangeError(`Retention must be a positive number of hours, not ${hours}`);
  db.prepare("INSERT INTO settings (key, value) VALUES ('retentionHours', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(hours));
}
