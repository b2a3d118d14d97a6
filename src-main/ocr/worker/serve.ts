/**
 * The worker's side of the protocol as a function of its port: one message loop; models load
 * once at init (with a warm-up) and jobs run one at a time in arrival order. onnxruntime cannot
 * abort an inference, so cancel takes effect between stages and batches; a hard stop is the
 * parent killing the process. worker.ts serves it over the process's channel; the tests serve
 * it over an in-memory pair (test-support/memory-worker.ts), the same way.
 */
import type { ProfileName } from '../../../src-shared/ocr/profiles';
import type { OcrStage } from '../../../src-shared/ocr/types';
import { assertNever, WorkerRequestSchema, type WorkerMessage, type WorkerRequest } from '../protocol';
import { Reader } from './reader';
import type { JobSource } from './run-job';

export interface WorkerPort {
  post(message: WorkerMessage): void;
  onMessage(handler: (raw: unknown) => void): void;
}

export interface WorkerHost {
  /** Ends the process (after `shutdown`); in tests, says it would. */
  exit(code: number): void;
  /** This process's memory and CPU, for `stats`. */
  usage(): { rssBytes: number; peakRssBytes: number; cpuMicros: number };
  pid: number;
}

const PROGRESS_INTERVAL_MS = 100;

export function serveWorker(port: WorkerPort, host: WorkerHost): void {
  let reader: Reader | null = null;
  let queue: Promise<void> = Promise.resolve();
  const cancelled = new Set<string>();
  let jobsDone = 0;

  const init = async (modelsDir: string, intraOpThreads: number, warmProfiles: ProfileName[], rulesFile: string | null): Promise<void> => {
    const started = performance.now();
    try {
      reader = await Reader.open({ modelsDir, intraOpThreads, warmProfiles, rulesFile });
      const inForce = reader.rulesInForce;
      port.post({
        type: 'ready',
        pid: host.pid,
        loadMs: Math.round(performance.now() - started),
        models: reader.modelInfo(),
        rules: { file: inForce.file, revision: inForce.rules.revision, problems: inForce.problems },
      });
    } catch (e) {
      port.post({ type: 'error', jobId: null, error: { code: 'INIT_FAILED', message: (e as Error).message } });
      reader = null;
    }
  };

  const run = async (jobId: string, file: string, profile: ProfileName, source: JobSource): Promise<void> => {
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
  };

  const handle = (msg: WorkerRequest): void => {
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
      case 'stats':
        port.post({ type: 'stats', stats: { ...host.usage(), jobsDone } });
        return;
      case 'shutdown':
        queue = queue.then(async () => {
          await reader?.dispose();
          host.exit(0);
        });
        return;
      default:
        assertNever(msg);
    }
  };

  port.onMessage((raw) => {
    const parsed = WorkerRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const jobId = typeof raw === 'object' && raw !== null && 'jobId' in raw && typeof raw.jobId === 'string' ? raw.jobId : null;
      port.post({ type: 'error', jobId, error: { code: 'BAD_REQUEST', message: `Malformed request: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` } });
      return;
    }
    handle(parsed.data);
  });
}
