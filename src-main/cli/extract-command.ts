/**
 * `receipt-ocr extract`: images to records on stdout or a file. Single-threaded worker processes,
 * one per core by default, read the list at once (on a 2-core machine two one-thread workers take
 * 0.73 of the wall time of one two-thread worker); records are written in the inputs' order as
 * soon as all before them are done, so a long run can be followed and piped. One image is read in
 * this process: a worker's start (a second Node, its own imports) would cost more than the reading
 * (docs/benchmarks.md, one screenshot cold).
 */
import type { ImageRecord } from '../../src-shared/receipt/record';
import { expandInputs, reportSkipped } from '../core/inputs';
import { defaultModelsDir, userRulesFile } from '../paths';
import type { ExtractCommand } from './args';
import { extractPool, readInOrder, type PoolWorker } from './ordered-pool';
import { createWriter } from './output';
import { rulesWarner } from './rules-warning';
import { fileSink, stdoutSink } from './sinks';

interface ExtractReader extends PoolWorker<string, ImageRecord> {
  readonly alive: boolean;
  kill(): void;
  dispose(): Promise<void>;
}

const warnAboutRules = rulesWarner(userRulesFile());

async function startWorker(cmd: ExtractCommand, pool: { workers: number; threads: number }): Promise<ExtractReader> {
  // Loaded here: a single image, read in this process, needs neither.
  const [{ OcrWorkerClient }, { forkWorker, takesEveryCore }] = await Promise.all([import('../ocr/parent/worker-client'), import('../ocr/parent/worker-process')]);
  const client = await OcrWorkerClient.start(forkWorker({ coresTaken: takesEveryCore(pool.workers, pool.threads) }), { modelsDir: defaultModelsDir(), intraOpThreads: pool.threads, warmProfiles: [cmd.profile], rulesFile: userRulesFile() });
  warnAboutRules(client.ready.rules.problems);
  return {
    get alive() {
      return client.alive;
    },
    run: (file) => client.run(file, cmd.profile).result,
    kill: () => client.kill(),
    dispose: () => client.dispose(),
  };
}

/**
 * The reader in this process, for a single image: the same pipeline the worker runs, one thread
 * (a second intra-op thread or recognition lane measured no faster for one image, and a lane's
 * thread costs its start). The image is read and decoded on libuv's pool while the models load.
 */
async function startInProcess(cmd: ExtractCommand, file: string): Promise<ExtractReader> {
  const { Reader, startImageLoad } = await import('../ocr/worker/reader');
  const image = startImageLoad(file);
  const reader = await Reader.open({ modelsDir: defaultModelsDir(), intraOpThreads: 1, warmProfiles: [cmd.profile], rulesFile: userRulesFile() });
  warnAboutRules(reader.rulesInForce.problems);
  let early: typeof image | undefined = image;
  return {
    alive: true,
    run: (f) => {
      const options = f === file && early ? { image: early } : {};
      early = undefined;
      return reader.read(f, cmd.profile, { isCancelled: () => false, progress: () => {} }, options);
    },
    // Nothing to kill: an interrupt ends this process once the output is cleaned up.
    kill: () => {},
    dispose: () => reader.dispose(),
  };
}

export async function extract(args: ExtractCommand): Promise<number> {
  const { files, skipped } = await expandInputs(args.inputs);
  reportSkipped(skipped);
  if (files.length === 0) process.stderr.write(`receipt-ocr: no images found in ${args.inputs.join(', ')}\n`);

  const sink = args.out ? fileSink(args.out) : stdoutSink();
  const writer = createWriter(args.format);
  const showProgress = process.stderr.isTTY === true;
  const pool = extractPool(args, files.length);
  // `--workers` given asks for worker processes, even for one image.
  const inProcess = files.length === 1 && args.workers === null;
  const readers: (ExtractReader | null)[] = Array.from({ length: pool.workers }, () => null);
  const interrupted = async () => {
    for (const r of readers) r?.kill();
    await sink.abort();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const readerFor = async (slot: number) => {
      // A worker that crashed on one image is replaced; the record of that image says so.
      let reader = readers[slot];
      if (!reader?.alive) reader = readers[slot] = inProcess ? await startInProcess(args, files[0]!) : await startWorker(args, pool);
      return reader;
    };
    await readInOrder(files, pool.workers, readerFor, async (record, i) => {
      await sink.write(writer.add(record));
      if (showProgress) {
        const what = record.status === 'ok' ? `${record.timings_ms?.total ?? 0} ms` : `${record.error?.code}: ${record.error?.message}`;
        process.stderr.write(`[${i + 1}/${files.length}] ${files[i]} ${what}\n`);
      }
    });
    await sink.write(writer.finish());
    await sink.close();
  } catch (e) {
    await sink.abort();
    process.stderr.write(`receipt-ocr: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await Promise.all(readers.map((r) => r?.dispose()));
  }
  return 0;
}
