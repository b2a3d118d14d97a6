/**
 * One process works a data folder's queue at a time: two would each think the other's receipt
 * in flight was interrupted and read it again.
 *
 * The lock is SQLite's own exclusive lock on a small file (`recibo-lock.sqlite`), held by an open
 * connection in exclusive locking mode for the holder's whole life. It is an OS file lock (POSIX
 * advisory locks, LockFileEx on Windows): the kernel drops it the moment its process ends, however
 * it ends. A restart right after a crash therefore always gets it, and no pid is ever trusted: a
 * pid in a stale file cannot block anyone, even when a new, unrelated process has reused it.
 * `recibo.lock` holds the holder's pid only to name it in the message.
 */
import Database from 'better-sqlite3';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { connectionOptions } from './open';

export class DataFolderBusyError extends Error {
  override name = 'DataFolderBusyError';
  constructor(readonly dataDir: string, readonly pid: number | null) {
    super(`Another Recibo process${pid ? ` (pid ${pid})` : ''} is working on ${dataDir}; stop it first, or wait for it to finish`);
  }
}

const LOCK_FILE = 'recibo-lock.sqlite';
const PID_FILE = 'recibo.lock';

/** Takes the folder's lock, or throws DataFolderBusyError. Returns the release function. */
export function lockDataFolder(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // timeout 0: a held lock answers SQLITE_BUSY at once instead of waiting.
  const lock = new Database(path.join(dataDir, LOCK_FILE), connectionOptions({ timeout: 0 }));
  try {
    lock.pragma('locking_mode = EXCLUSIVE');
    // The first write takes the exclusive lock; in exclusive mode it is kept after the commit.
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER); DELETE FROM holder;');
    lock.prepare('INSERT INTO holder (pid) VALUES (?)').run(process.pid);
  } catch (e) {
    lock.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') throw new DataFolderBusyError(dataDir, holderPid(dataDir));
    throw e;
  }
  writeFileSync(path.join(dataDir, PID_FILE), String(process.pid), { mode: 0o600 });
  // The lock file itself is never deleted: a process that opened it just before an unlink would
  // lock a file nobody else can see any more.
  return () => {
    if (lock.open) lock.close();
  };
}

function holderPid(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(path.join(dataDir, PID_FILE), 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
