import { describe, expect, it } from 'vitest';
import { GLIBC_TUNABLES, workerEnv } from './worker-process';

describe('workerEnv', () => {
  it('gives a worker the allocator settings and not the certificates Node would parse at start', () => {
    expect(workerEnv({ PATH: '/usr/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/extra.pem' })).toEqual({ PATH: '/usr/bin', GLIBC_TUNABLES });
  });

  it('keeps allocator settings the parent was given', () => {
    expect(workerEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=1' }).GLIBC_TUNABLES).toBe('glibc.malloc.arena_max=1');
  });
});
