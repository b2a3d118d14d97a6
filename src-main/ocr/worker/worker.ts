/**
 * OCR worker entry: an Electron utility process or a Node child process. One message loop;
 * models load once at init (with a warm-up) and jobs run one at a time in arrival order.
 * onnxruntime cannot abort an inference, so cancel takes effect between stages and batches;
 * a hard stop is the parent killing this process.
 */
import type { ProfileName } from '../../../src-shared/ocr/profiles';
import { assertNever, WorkerRequestSchema, type WorkerMessage, type WorkerRequest } from '../protocol';
import { Reader } from './reader';
import type { OcrStage } from '../../../src-shared/ocr/types';
import type { JobSource } from './run-job';

interface Port {
  post(message: WorkerMessage): void;
  onMessage(handler: (raw: unknown) => void): void;
}

/** Electron's utility process has `process.parentPort`; a forked Node process has `process.send`. */
function connect(): Port {
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

const PROGRESS_INTERVAL_MS = 100;
const port = connect();
let reader: Reader | null = null;
let queue: Promise<void> = Promise.resolve();
const cancelled = new Set<string>();
let jobsDone = 0;

port.onMessage((raw) => {
  const parsed = WorkerRequestSchema.safeParse(raw);
  if (!parsed.success) {
    const jobId = typeof raw === 'object' && raw !== null && 'jobId' in raw && typeof raw.jobId === 'string' ? raw.jobId : null;
    port.post({ type: 'error', jobId, error: { code: 'BAD_REQUEST', message: `Malformed request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` } });
    return;
  }
  handle(parsed.data);
});

function handle(msg: WorkerRequest): void {
  switch (msg.type) {
    case 'init':
      queue = queue.then(() => init(msg.modelsDir, msg.intraOpThreads, msg.warmProfiles, msg.rulesFile));
      return;
    case 'run':
      queue = queue.then(() => run(msg.jobId, msg.file, msg.profile, { ...(msg.name ? { name: msg.name } : {}), ...(msg.stored ? { stored: msg.stored } : {}) }));
      return;
    case 'cancel':
      cancelled.add(msg.jobId);
      return;
    case 'stats': {
      const usage = process.resourceUsage();
      port.post({ type: 'stats', stats: { rssBytes: process.memoryUsage.rss(), peakRssBytes: usage.maxRSS * 1024, cpuMicros: usage.userCPUTime + usage.systemCPUTime, jobsDone } });
      return;
    }
    case 'shutdown':
      queue = queue.then(async () => {
        await reader?.dispose();
        process.exit(0);
      });
      return;
    default:
      assertNever(msg);
  }
}

async function init(modelsDir: string, intraOpThreads: number, warmProfiles: ProfileName[], rulesFile: string | null): Promise<void> {
  const started = performance.now();
  try {
    reader = await Reader.open({ modelsDir, intraOpThreads, warmProfiles, rulesFile });
    const inForce = reader.rulesInForce;
    port.post({
      type: 'ready',
      pid: process.pid,
      loadMs: Math.round(performance.now() - started),
      models: reader.modelInfo(),
      rules: { file: inForce.file, revision: inForce.rules.revision, problems: inForce.problems },
    });
  } catch (e) {
    port.post({ type: 'error', jobId: null, error: { code: 'INIT_FAILED', message: (e as Error).message } });
    reader = null;
  }
}

async function run(jobId: string, file: string, profile: ProfileName, source: JobSource): Promise<void> {
  if (!reader) {
    port.post({ type: 'error', jobId, error: { code: 'INIT_FAILED', message: 'The OCR worker has no models loaded (init failed or was not sent)' } });
    return;
  }
  let lastProgress = 0;
  const progress = (stage: OcrStage, done: number, total: number) => {
    const now = performance.now();
    if (now - lastProgress < PROGRESS_INTERVAL_MS && done !== total && done !== 0) return;
    lastProgress = now;
    port.post({ type: 'progress', jobId, stage, done, total });
  };
  const record = await reader.read(file, profile, { isCancelled: () => cancelled.has(jobId), progress }, source);
  cancelled.delete(jobId);
  jobsDone++;
  port.post({ type: 'result', jobId, record });
}
