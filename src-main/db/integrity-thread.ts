/**
 * SQLite's full `integrity_check` in a worker thread: after an unclean shutdown the app checks
 * every index against its table without holding up the window (the check reads the whole file).
 * workerData: `{ file, nativeBinding }`; posts `{ ok: true }` or `{ ok: false, reason }`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkIntegrity } from './integrity';

const { file, nativeBinding } = workerData as { file: string; nativeBinding: string | null };
if (!parentPort) throw new Error('integrity-thread must run as a worker thread');
parentPort.postMessage(checkIntegrity(file, nativeBinding));
