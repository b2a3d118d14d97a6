/**
 * One process works a data folder's queue at a time: two would each think the other's receipt
 * in flight was interrupted and read it again. The lock is a file holding the owner's pid; a
 * lock whose process is gone (killed, crashed) is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export class DataFolderBusyError extends Error {
  override name = 'DataFolderBusyError';
  constructor(readonly dataDir: string, readonly pid: number) {
    super(`Another Recibo process (pid ${pid}) is working on ${dataDir}; stop it first, or wait for it to finish`);
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists, but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the folder's lock, or throws DataFolderBusyError. Returns the release function. */
export function lockDataFolder(dataDir: string): () => void {
  const file = path.join(dataDir, 'recibo.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx', mode: 0o600 });
      return () => {
        try {
          if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file);
        } catch {
          // Already gone.
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const owner = Number(readFileSync(file, 'utf8'));
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) throw new DataFolderBusyError(dataDir, owner);
      // Left by a process that is gone: remove it and try once more.
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Cannot take the lock ${file}`);
}
