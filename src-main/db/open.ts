/**
 * Opening the database: WAL, foreign keys, a busy timeout, and the migrations brought up to
 * date. A database newer than this app is refused (its tables may mean something else). A file
 * SQLite cannot read (corrupt, truncated, not a database) is moved aside as a backup and a new
 * database is started, with a clear message: the images in the store are untouched.
 */
import Database from 'better-sqlite3';
import { renameSync } from 'node:fs';
import { MIGRATIONS } from './migrations';

export type Db = Database.Database;

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError';
  constructor(readonly file: string, readonly version: number, readonly supported: number) {
    super(`${file} was written by a newer Recibo (schema ${version}; this version knows up to ${supported}). Update Recibo to open it.`);
  }
}

export interface OpenedDatabase {
  db: Db;
  /** Set when an unreadable file was moved aside and a new database started. */
  recovered: { backup: string; reason: string } | null;
}

/** Applies the migrations the database lacks, each in one transaction with its version. */
export function migrate(db: Db, migrations: readonly string[] = MIGRATIONS, file = ':memory:'): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new DatabaseTooNewError(file, current, migrations.length);
  for (let v = current; v < migrations.length; v++) {
    db.transaction(() => {
      db.exec(migrations[v]!);
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

/** Options every connection opens with (the addon Electron needs). */
export const connectionOptions = (extra: Database.Options = {}): Database.Options => ({ ...extra, ...(nativeBinding ? { nativeBinding } : {}) });

function openAndMigrate(file: string): Db {
  const db = new Database(file, connectionOptions());
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // WAL makes NORMAL durable against application crashes; only a power cut may lose the last commits.
    db.pragma('synchronous = NORMAL');
    // Reading the schema makes SQLite look at the file: a damaged one fails here.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    migrate(db, MIGRATIONS, file);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

const UNREADABLE = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB']);

export function openDatabase(file: string, now: () => Date = () => new Date()): OpenedDatabase {
  try {
    return { db: openAndMigrate(file), recovered: null };
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (file === ':memory:' || !code || !UNREADABLE.has(code)) throw e;
    const backup = `${file}.unreadable-${now().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, backup);
    for (const side of ['-wal', '-shm']) {
      try {
        renameSync(file + side, backup + side);
      } catch {
        // Not there: nothing to keep.
      }
    }
    return { db: openAndMigrate(file), recovered: { backup, reason: `${code}: ${(e as Error).message}` } };
  }
}
