/**
 * The OCR worker as a process handle: `child_process.fork` in Node (CLI, tests, browser host).
 * The Electron shell provides the same interface over `utilityProcess.fork`.
 */
import { fork } from 'node:child_process';
import type { WorkerRequest } from './protocol';
import { workerScript } from '../paths';

export interface WorkerProcess {
  readonly pid: number | undefined;
  send(message: WorkerRequest): void;
  onMessage(handler: (raw: unknown) => void): void;
  onExit(handler: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

/**
 * glibc's allocator, tuned for a process that decodes images and runs models of new shapes all
 * day (docs/benchmarks.md; ignored where glibc is not the allocator):
 * - MALLOC_ARENA_MAX: every thread that allocates (libvips, onnxruntime) would get a heap of its
 *   own and leave it fragmented;
 * - MALLOC_MMAP_THRESHOLD_: a fixed threshold keeps large buffers (decoded pages, tensors) in
 *   mmap'd blocks that go back to the system when freed; glibc's adaptive threshold otherwise
 *   rises after the first frees and keeps them in the heap for good.
 * Together: peak RSS over 91 receipts 540 MiB -> about 350 MiB, no slower.
 */
export const WORKER_ENV = { MALLOC_ARENA_MAX: '2', MALLOC_MMAP_THRESHOLD_: '131072' } as const;

export function forkWorker(script: string = workerScript()): WorkerProcess {
  const child = fork(script, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: { ...WORKER_ENV, ...process.env },
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  // A child killed before its 'exit' arrives fails its pending writes (EPIPE): unhandled, that
  // error would end this process. Its death is reported by 'exit'; the kill makes sure it comes.
  child.on('error', () => child.kill('SIGKILL'));
  return {
    get pid() {
      return child.pid;
    },
    send: (m) => {
      if (!exited && child.connected) child.send(m, (err) => err && child.kill('SIGKILL'));
    },
    onMessage: (h) => child.on('message', h),
    onExit: (h) => child.on('exit', (code, signal) => h(code, signal)),
    kill: () => {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
