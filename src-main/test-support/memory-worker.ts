/**
 * The OCR worker served in this process over an in-memory port pair: the parent's client and
 * the worker's message loop talk exactly as over a process channel (each message structurally
 * cloned, delivered on a later turn), with no process to start. `kill` and `shutdown` end the
 * pair as the death of the process would.
 */
import type { WorkerProcess } from '../ocr/parent/worker-process';
import type { WorkerMessage, WorkerRequest } from '../ocr/protocol';
import { serveWorker } from '../ocr/worker/serve';

export function memoryWorker(): WorkerProcess & { requests: WorkerRequest[] } {
  const toWorker: ((raw: unknown) => void)[] = [];
  const toParent: ((raw: unknown) => void)[] = [];
  const exits: ((code: number | null, signal: string | null) => void)[] = [];
  let ended = false;
  const end = (code: number | null, signal: string | null) => {
    if (ended) return;
    ended = true;
    setImmediate(() => exits.forEach((h) => h(code, signal)));
  };
  const deliver = (handlers: ((raw: unknown) => void)[], message: unknown) => {
    const copy = structuredClone(message);
    setImmediate(() => !ended && handlers.forEach((h) => h(copy)));
  };
  serveWorker(
    { post: (m: WorkerMessage) => deliver(toParent, m), onMessage: (h) => toWorker.push(h) },
    { pid: process.pid, exit: (code) => end(code, null), usage: () => ({ rssBytes: 0, peakRssBytes: 0, cpuMicros: 0 }) },
  );
  const requests: WorkerRequest[] = [];
  return {
    requests,
    pid: process.pid,
    send: (m) => {
      requests.push(m);
      if (!ended) deliver(toWorker, m);
    },
    onMessage: (h) => toParent.push(h),
    onExit: (h) => exits.push(h),
    kill: () => end(null, 'SIGKILL'),
  };
}
