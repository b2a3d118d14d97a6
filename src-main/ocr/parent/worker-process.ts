/**
 * The OCR worker as a process handle: `child_process.fork` in Node (CLI, tests, browser host).
 * The Electron shell provides the same interface over `utilityProcess.fork`.
 */
import { fork } from 'node:child_process';
import os from 'node:os';
import type { WorkerRequest } from '../protocol';
import { workerScript } from '../../paths';

export interface WorkerProcess {
  readonly pid: number | undefined;
  send(message: WorkerRequest): void;
  onMessage(handler: (raw: unknown) => void): void;
  onExit(handler: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

/**
 * glibc's allocator, tuned for a process that decodes images and runs models of new shapes all
 * day (docs/ocr-engine.md; ignored where glibc is not the allocator). On a virtual machine every
 * page fault is a trip to the hypervisor (about 11 µs a 4 KiB page on the machines
 * docs/benchmarks.md was measured on, 0.7 s per 256 MiB touched), so memory handed back to the
 * system and faulted in again for the next image is paid for again and again:
 * - arena_max=2: every thread that allocates (libvips, onnxruntime) would get a heap of its own
 *   and leave it fragmented;
 * - hugetlb=1: the heap and large blocks are backed by transparent huge pages where the system
 *   allows them (`madvise` mode, Linux's default), one fault per 2 MiB instead of 512;
 * - mmap_threshold and trim_threshold: decoded pages and tensors under 16 MiB come from the heap
 *   and up to 64 MiB of free heap is kept, so the next image reuses them instead of faulting.
 * Against returning every block over 128 KiB to the system at once (the setting before): 91
 * phone screenshots through two workers in 0.73 of the time, peak RSS about 360 MiB a worker.
 */
export const GLIBC_TUNABLES = 'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=16777216:glibc.malloc.trim_threshold=67108864';
const WORKER_ENV = { GLIBC_TUNABLES } as const;

/**
 * Variables a worker must not inherit. NODE_EXTRA_CA_CERTS makes Node parse a certificate file
 * before it runs any code (40 to 60 ms a start on the machines docs/benchmarks.md was measured
 * on, against about 20 ms for Node's whole start without it); a worker never opens a connection.
 */
const NOT_INHERITED = ['NODE_EXTRA_CA_CERTS'] as const;

/** The environment a worker starts with: this process's, less NOT_INHERITED, with WORKER_ENV's defaults. */
export function workerEnv(parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...WORKER_ENV, ...parent };
  for (const name of NOT_INHERITED) delete env[name];
  return env;
}

/** How a worker is started, as its pool decides. */
export interface WorkerLaunch {
  /** The pool's inference threads take every core (one single-threaded worker per core, the default). */
  coresTaken?: boolean;
}

/** Starts a worker process: forked in Node, a utility process in Electron. */
export type LaunchWorker = (launch: WorkerLaunch) => WorkerProcess;

/** Whether `workers` of `threadsPerWorker` inference threads each take every core. */
export const takesEveryCore = (workers: number, threadsPerWorker: number, cores = os.availableParallelism()) => workers * threadsPerWorker >= cores;

/**
 * Node's options for a worker. When the pool takes every core, V8's background threads
 * (concurrent compilation, concurrent and parallel garbage collection) can only take time from
 * the other workers' inference, and `--single-threaded` does that work on the worker's own thread
 * instead: 60 phone screenshots through two workers on two cores in 0.87 to 0.91 of the time.
 * Such a worker's heap is small (10 to 30 MB) but sees megabytes of pixel buffers come and go
 * with every image, which starts a full collection every two images or so; marked incrementally,
 * each spread write barriers and marking steps over the reading, where done at once it is a pause
 * of a few milliseconds: `--no-incremental-marking`, 0.90 of the time again (docs/benchmarks.md).
 * With a core to spare V8's threads use it, and a worker keeps V8's defaults.
 */
export function workerExecArgv(launch: WorkerLaunch, inherited: readonly string[] = []): string[] {
  return launch.coresTaken ? [...inherited, '--single-threaded', '--no-incremental-marking'] : [...inherited];
}

export function forkWorker(launch: WorkerLaunch = {}, script: string = workerScript()): WorkerProcess {
  const child = fork(script, [], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    serialization: 'advanced',
    env: workerEnv(),
    execArgv: workerExecArgv(launch, process.execArgv),
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
