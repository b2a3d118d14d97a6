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

export function forkWorker(script: string = workerScript()): WorkerProcess {
  const child = fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'advanced' });
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
