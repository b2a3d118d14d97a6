/**
 * OCR worker entry: an Electron utility process or a Node child process, serving the worker's
 * side of the protocol (serve.ts) over the channel it was started with.
 */
import type { WorkerMessage } from '../protocol';
import { serveWorker, type WorkerPort } from './serve';

/** Electron's utility process has `process.parentPort`; a forked Node process has `process.send`. */
function connect(): WorkerPort {
  const parentPort = (process as unknown as { parentPort?: { on(e: 'message', h: (e: { data: unknown }) => void): void; postMessage(m: unknown): void } }).parentPort;
  if (parentPort) return { post: (m) => parentPort.postMessage(m), onMessage: (h) => parentPort.on('message', (e) => h(e.data)) };
  if (process.send) {
    process.on('disconnect', () => process.exit(0));
    // The parent killed mid-job (SIGKILL): a message already on its way finds the channel gone.
    // That is the end of this worker, not an error to print.
    const post = (m: WorkerMessage) => {
      if (process.connected) process.send!(m, undefined, undefined, (e) => e && process.exit(0));
    };
    return { post, onMessage: (h) => process.on('message', h) };
  }
  throw new Error('The OCR worker must be started as a child process (fork) or an Electron utility process');
}

serveWorker(connect(), {
  pid: process.pid,
  exit: (code) => process.exit(code),
  usage: () => {
    const usage = process.resourceUsage();
    return { rssBytes: process.memoryUsage.rss(), peakRssBytes: usage.maxRSS * 1024, cpuMicros: usage.userCPUTime + usage.systemCPUTime };
  },
});
