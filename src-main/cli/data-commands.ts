/**
 * `receipt-ocr ingest`, `status`, `sweep`, `export` and `watch`: the durable core without a window. Ingest takes
 * the files in (store + database) and works the whole queue, including what an interrupted run
 * left; a second run with the same files finds them known and reads nothing twice.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openCore, type Core } from '../core/data-folder';
import { lockDataFolder } from '../db/folder-lock';
import { takeIn } from '../core/intake';
import { exportRows } from '../db/export-rows';
import { csvExport, legacyJson } from '../core/export';
import { processQueue } from '../core/processor';
import { WorkerPool } from '../core/worker-pool';
import { sweep as sweepRetention } from '../core/retention';
import { statusReport } from '../core/status';
import { WatchedFolder, watchLoop } from '../core/watch-folder';
import { defaultModelsDir, rulesFileIn } from '../paths';
import type { ExportCommand, IngestCommand, ReconcileCommand, StatusCommand, SweepCommand, WatchCommand } from './args';
import { expandInputs, reportSkipped } from '../core/inputs';
import { rulesWarner } from './rules-warning';
import { fileSink, stdoutSink } from './sinks';

/** `mustExist`: commands that only read or tidy a folder never create one where there was none. */
function open(dataDir: string, mustExist = false): Core {
  if (mustExist && !existsSync(path.join(dataDir, 'recibo.db'))) throw new Error(`${dataDir} holds no Recibo data (no recibo.db there); check --data-dir`);
  return openCore(dataDir);
}

/** For the commands that hold the folder's lock (ingest, watch). */
const openLocked = (dataDir: string): Core => openCore(dataDir, undefined, { lockHeld: true });

export async function ingest(cmd: IngestCommand): Promise<number> {
  // The lock first: the database is opened, checked and migrated by its holder only.
  const release = lockDataFolder(cmd.dataDir);
  let core: Core | null = null;
  try {
    core = openLocked(cmd.dataDir);
    const { files, skipped } = await expandInputs(cmd.inputs);
    reportSkipped(skipped);
    const intake = await takeIn(core, files, { profile: cmd.profile, label: `ingest ${cmd.inputs.join(' ')}` });
    for (const item of intake.items) if (item.error) process.stderr.write(`receipt-ocr: ${item.source}: ${item.error.code}: ${item.error.message}\n`);
    const showProgress = process.stderr.isTTY === true;
    const controller = new AbortController();
    // Ctrl-C: stop taking new receipts; the one being read finishes and is saved.
    process.once('SIGINT', () => controller.abort());
    await processQueue(core, {
      profile: cmd.profile,
      ...(cmd.workers ? { workers: cmd.workers } : {}),
      modelsDir: defaultModelsDir(),
      rulesFile: rulesFileIn(cmd.dataDir),
      signal: controller.signal,
      onProgress: (e) => {
        if (showProgress && e.state !== 'processing') process.stderr.write(`${e.sha256.slice(0, 12)} ${e.state}${e.error ? ` (${e.error.code}: ${e.error.message})` : ''}\n`);
      },
      onReady: rulesWarner(rulesFileIn(cmd.dataDir)),
    });
    const { counts, duplicates } = statusReport(core.db);
    process.stderr.write(`receipt-ocr: ${counts.done} done, ${counts.failed} failed, ${counts.queued} queued, ${duplicates} possible duplicates in ${cmd.dataDir}\n`);
    return 0;
  } finally {
    core?.close();
    release();
  }
}

export function status(cmd: StatusCommand): number {
  const core = open(cmd.dataDir, true);
  try {
    const report = statusReport(core.db);
    if (cmd.json) process.stdout.write(`${JSON.stringify(report)}\n`);
    else {
      const { counts } = report;
      process.stdout.write(`queued ${counts.queued}, processing ${counts.processing}, done ${counts.done}, failed ${counts.failed}${counts.cancelled ? `, cancelled ${counts.cancelled}` : ''}; possible duplicates ${report.duplicates}\n`);
      for (const r of report.receipts) process.stdout.write(`${r.state.padEnd(10)} ${r.sha256.slice(0, 12)} ${r.file}${r.fields.monto ? ` ${r.fields.monto}` : ''}${r.fields.referencia ? ` ref ${r.fields.referencia}` : ''}${r.error ? ` ${r.error.code}` : ''}\n`);
    }
    return 0;
  } finally {
    core.close();
  }
}

export async function sweep(cmd: SweepCommand): Promise<number> {
  const core = open(cmd.dataDir, true);
  try {
    const report = await sweepRetention(core, cmd.now ?? new Date());
    process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  } finally {
    core.close();
  }
}

export async function exportData(cmd: ExportCommand): Promise<number> {
  const core = open(cmd.dataDir, true);
  try {
    const rows = exportRows(core.db);
    const text = cmd.format === 'json' ? legacyJson(rows, new Date()) : csvExport(rows, cmd.delimiter);
    const sink = cmd.out ? fileSink(cmd.out) : stdoutSink();
    try {
      await sink.write(text);
      await sink.close();
    } catch (e) {
      // A full disk leaves no half-written export beside the target.
      await sink.abort().catch(() => undefined);
      throw e;
    }
    return 0;
  } finally {
    core.close();
  }
}

export async function watch(cmd: WatchCommand): Promise<number> {
  const release = lockDataFolder(cmd.dataDir);
  let core: Core;
  try {
    core = openLocked(cmd.dataDir);
  } catch (e) {
    release();
    throw e;
  }
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  process.stderr.write(`receipt-ocr: watching ${cmd.inbox} (Ctrl-C to stop)\n`);
  // One pool for the whole watch: a file arriving after a quiet spell finds the models loaded.
  const pool = new WorkerPool({ log: core.log, onReady: rulesWarner(rulesFileIn(cmd.dataDir)) });
  try {
    const work = () => processQueue(core, { profile: cmd.profile, modelsDir: defaultModelsDir(), rulesFile: rulesFileIn(cmd.dataDir), signal: controller.signal, pool });
    await watchLoop(new WatchedFolder(core, cmd.inbox, cmd.profile), work, { intervalMs: cmd.intervalMs, signal: controller.signal });
    return 0;
  } finally {
    await pool.dispose();
    core.close();
    release();
  }
}

/** `reconcile`: imports statements and decides the receipts (cli/reconcile-command.ts). */
export async function reconcileData(cmd: ReconcileCommand): Promise<number> {
  const core = open(cmd.dataDir, true);
  try {
    return await (await import('./reconcile-command')).reconcileCommand(cmd, core);
  } finally {
    core.close();
  }
}
