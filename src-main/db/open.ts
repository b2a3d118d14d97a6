/**
 * Opening the database: WAL, foreign keys, a busy timeout, and the migrations brought up to
 * date. A database newer than this app is refused (its tables may mean something else). A file
 * SQLite cannot read, one failing `quick_check`, or one emptied while the folder holds a history
 * is refused as damaged (DamagedDatabaseError) and left as it is: db/repair.ts restores a backup.
 */
import Database from 'better-sqlite3';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { recordedDamage } from './integrity';
import { MIGRATIONS, type Migration } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(readonly file: string, readonly version: number, readonly supported: number) {
    super(`${file} was written by a newer Recibo (schema ${version}; this version knows up to ${supported}). Update Recibo to open it.`);
  }
}

export interface OpenedDatabase {
  db: Db;
}

/** Applies the migrations the database lacks, each in one transaction with its version. */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, file = ':memory:'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new DatabaseTooNewError(file, current, migrations.length);
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      const step = migrations[v]!;
      if (typeof step === 'string') db.exec(step);
      else step(db);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

let nativeBinding: string | undefined;

/**
 * better-sqlite3's compiled addon to load instead of the one in node_modules. Electron's ABI
 * differs from Node's: the Electron shell loads a copy built for Electron (scripts/electron-native.mjs,
 * shipped in resources/native), so node_modules keeps the Node build `npm test` uses.
 */
export function useSqliteBinding(file: string | undefined): void {
  nativeBinding = file;
}

/** Electron's build of the addon, or null under Node. */
export const sqliteBinding = () => nativeBinding ?? null;

/** Options every connection opens with (the addon Electron needs). */
export const connectionOptions = (extra: Database.Options = {}): Database.Options => ({ ...extra, ...(nativeBinding ? { nativeBinding } : {}) });

/** Options of `openDatabase` for a data folder's file. */
export interface OpenOptions {
  /**
   * The folder has a history (images, backups): an empty file there is a damaged database, not a
   * new one. Left false, an empty file is what SQLite makes of a first start.
   */
  expectHistory?: boolean;
  /** Runs before the first migration an existing database needs (a backup is taken there). */
  beforeMigration?: (db: Db, fromVersion: number) => void;
}

function openAndMigrate(file: string, opts: OpenOptions): Db {
  const db = new Database(file, connectionOptions());
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // WAL makes NORMAL durable against application crashes; only a power cut may lose the last commits.
    db.pragma('synchronous = NORMAL');
    // quick_check reads every page's structure (not the indexes' agreement with their tables:
    // integrity_check does that, after an unclean shutdown, in the background).
    const check = db.pragma('quick_check(1)', { simple: true }) as string;
    if (check !== 'ok') throw new DamagedDatabaseError(file, check);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > 0 && version < MIGRATIONS.length) opts.beforeMigration?.(db, version);
    migrate(db, MIGRATIONS, file);
    return db;
  } catch (e) {
    db.close();
    const code = (e as { code?: string }).code;
    if (code && UNREADABLE.has(code)) throw new DamagedDatabaseError(file, `${code}: ${(e as Error).message}`);
    throw e;
  }
}

const UNREADABLE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

/**
 * A database that cannot be trusted: unreadable, failing its check, or emptied. It is never
 * replaced silently: the app offers the last good backup, `receipt-ocr repair` restores it.
 */
export class DamagedDatabaseError extends Error {
  override name = 'DamagedDatabaseError';
  readonly code = 'DATABASE_DAMAGED';
  constructor(readonly file: string, readonly reason: string) {
    super(`The database ${file} is damaged (${reason}). Nothing was changed; restore the last good backup with "receipt-ocr repair --data-dir ${path.dirname(file)}" or from the app`);
  }
}

export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  if (file !== ':memory:' && opts.expectHistory && existsSync(file) && statSync(file).size === 0) {
    throw new DamagedDatabaseError(file, 'the file is empty (0 bytes) while the folder holds a history');
  }
  const recorded = file === ':memory:' ? null : recordedDamage(file);
  if (recorded) throw new DamagedDatabaseError(file, `an integrity check failed: ${recorded}`);
  return { db: openAndMigrate(file, opts) };
}
