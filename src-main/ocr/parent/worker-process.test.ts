import { describe, expect, it } from 'vitest';
import { GLIBC_TUNABLES, takesEveryCore, workerEnv, workerExecArgv } from './worker-process';

describe('workerEnv', () => {
  it('gives a worker the allocator settings and not the certificates Node would parse at start', () => {
    expect(workerEnv({ PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' })).toEqual({ PATH: '/usr/bin', GLIBC_TUNABLES });
  });

  it('keeps allocator settings the parent was given', () => {
    expect(workerEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=1' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=1');
  });
});

describe('workerExecArgv', () => {
  it('keeps V8 on the worker thread only when the pool takes every core', () => {
    expect(workerExecArgv({ coresTaken: true }, ['--enable-source-maps'])).toEqual(['--enable-source-maps', '--single-threaded', '--no-incremental-marking']);
    expect(workerExecArgv({ coresTaken: false }, ['--enable-source-maps'])).toEqual(['--enable-source-maps']);
    expect(workerExecArgv({})).toEqual([]);
  });

  it('counts a pool as taking every core when its inference threads are as many as the cores', () => {
    expect(takesEveryCore(2, 1, 2)).toBe(true);
    expect(takesEveryCore(1, 2, 2)).toBe(true);
    expect(takesEveryCore(1, 1, 2)).toBe(false);
    expect(takesEveryCore(4, 1, 8)).toBe(false);
  });
});
