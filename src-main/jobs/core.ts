/**
 * Everything the app and the CLI share for one data folder: the database, the image store,
 * the log and the retention setting.
 */
import { mkdirSync } from 'node:fs';
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
  mkdirSync(dataDir, { recursive: true });
  const { db, recovered } = openDatabase(path.join(dataDir, 'recibo.db'), now);
  const log = new JsonLinesLog(path.join(dataDir, 'logs'));
  if (recovered) log.write({ event: 'database-recovered', ...recovered });
  return { dataDir, db, store: new ContentStore(path.join(dataDir, 'images')), log, now, recovered };
}
