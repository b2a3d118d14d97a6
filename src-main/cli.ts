/**
 * receipt-ocr: the OCR engine without a window. Single-threaded worker processes, one per core
 * by default, read the list at once (on a 2-core machine two one-thread workers take 0.82 of the
 * wall time of one two-thread worker); records are written in the inputs' order as soon as all
 * before them are done, so a long run can be followed and piped.
 */
import { parseCliArgs, USAGE, type ExtractCommand } from './cli/args';
import { exportData, ingest, status, sweep, watch } from './cli/data-commands';
import { expandInputs } from './jobs/inputs';
import { createWriter } from './cli/output';
import { rulesWarner } from './cli/rules-warning';
import { fileSink, stdoutSink } from './cli/sinks';
import { extractPool, readInOrder } from './cli/ordered-pool';
import { OcrWorkerClient } from './ocr/worker-client';
import { forkWorker } from './ocr/worker-process';
import { defaultModelsDir, userRulesFile } from './paths';

const warnAboutRules = rulesWarner(userRulesFile());

async function startWorker(cmd: ExtractCommand, threads: number): Promise<OcrWorkerClient> {
  const client = await OcrWorkerClient.start(forkWorker(), {
    modelsDir: defaultModelsDir(),
    intraOpThreads: threads,
    warmProfiles: [cmd.profile],
    rulesFile: userRulesFile(),
  });
  warnAboutRules(client.ready.rules.problems);
  return client;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseCliArgs(argv);
  if (args.command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.command === 'usage-error') {
    process.stderr.write(`receipt-ocr: ${args.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.command !== 'extract') {
    try {
      if (args.command === 'ingest') return await ingest(args);
      if (args.command === 'status') return status(args);
      if (args.command === 'sweep') return await sweep(args);
      if (args.command === 'export') return await exportData(args);
      return await watch(args);
    } catch (e) {
      // Expected failures (a busy or newer data folder) are messages, not stack traces.
      process.stderr.write(`receipt-ocr: ${(e as Error).message}\n`);
      return 1;
    }
  }
  const files = await expandInputs(args.inputs);
  if (files.length === 0) process.stderr.write(`receipt-ocr: no images found in ${args.inputs.join(', ')}\n`);

  const sink = args.out ? fileSink(args.out) : stdoutSink();
  const writer = createWriter(args.format);
  const showProgress = process.stderr.isTTY === true;
  const pool = extractPool(args, files.length);
  const clients: (OcrWorkerClient | null)[] = Array.from({ length: pool.workers }, () => null);
  const interrupted = async () => {
    for (const c of clients) c?.kill();
    await sink.abort();
    process.exit(130);
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    const workerFor = async (slot: number) => {
      // A worker that crashed on one image is replaced; the record of that image says so.
      let client = clients[slot];
      if (!client?.alive) client = clients[slot] = await startWorker(args, pool.threads);
      return { run: (file: string) => client.run(file, args.profile).result };
    };
    await readInOrder(files, pool.workers, workerFor, async (record, i) => {
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
    await Promise.all(clients.map((c) => c?.dispose()));
  }
  return 0;
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
