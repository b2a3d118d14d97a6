import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../test-support/temp-dir';
import { DataFolderBusyError, lockDataFolder } from './lock';

const tmp = useTempDir();

describe('data folder lock', () => {
  it('lets one process in at a time, and is released', () => {
    const release = lockDataFolder(tmp.path);
    expect(existsSync(path.join(tmp.path, 'recibo.lock'))).toBe(true);
    release();
    expect(existsSync(path.join(tmp.path, 'recibo.lock'))).toBe(false);
  });

  it('refuses while another living process holds it, naming it', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      await writeFile(path.join(tmp.path, 'recibo.lock'), String(other.pid));
      expect(() => lockDataFolder(tmp.path)).toThrow(DataFolderBusyError);
      expect(() => lockDataFolder(tmp.path)).toThrow(new RegExp(`pid ${other.pid}`));
    } finally {
      other.kill('SIGKILL');
      await new Promise((r) => other.on('exit', r));
    }
    // Its process is gone now: the lock is stale and taken over.
    const release = lockDataFolder(tmp.path);
    release();
  });
});
