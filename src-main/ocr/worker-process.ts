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
 * glibc gives every thread that allocates its own malloc arena, and libvips and onnxruntime
 * threads leave them fragmented: two arenas keep the worker's peak memory about a third lower
 * at no measurable cost in speed (docs/benchmarks.md). Ignored where glibc is not the allocator.
 */
export const WORKER_ENV = { MALLOC_ARENA_MAX: '2' } as const;

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
  return {
    get pid() {
      return child.pid;
    },
    send: (m) => {
      if (!exited && child.connected) child.send(m);
    },
    onMessage: (h) => child.on('message', h),
    onExit: (h) => child.on('exit', (code, signal) => h(code, signal)),
    kill: () => {
      if (!exited) child.kill('SIGKILL');
    },
  };
}
