/**
 * The OCR worker as an Electron utility process: the same protocol and WorkerProcess interface
 * as the forked Node process the CLI and tests use (src-main/ocr/parent/worker-process.ts). The worker
 * listens on `process.parentPort` when it finds one. Electron only: this file runs where
 * Electron's binary does, and is exercised by the Electron end-to-end spec.
 */
import { utilityProcess } from 'electron';
import type { WorkerRequest } from '../ocr/protocol';
import { workerEnv, workerExecArgv, type WorkerLaunch, type WorkerProcess } from '../ocr/parent/worker-process';

export function forkUtilityWorker(script: string, launch: WorkerLaunch): WorkerProcess {
  const child = utilityProcess.fork(script, [], {
    serviceName: 'Recibo OCR',
    env: workerEnv(),
    execArgv: workerExecArgv(launch),
    stdio: 'inherit',
  });
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  return {
    get pid() {
      return child.pid;
    },
    send: (m: WorkerRequest) => {
      if (!exited) child.postMessage(m);
    },
    onMessage: (h) => child.on('message', h),
    // A utility process reports its exit code only; a crash shows as a non-zero code.
    onExit: (h) => child.on('exit', (code) => h(code, null)),
    kill: () => {
      if (!exited) child.kill();
    },
  };
}
