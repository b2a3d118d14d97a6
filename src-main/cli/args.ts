/**
 * `receipt-ocr extract|ingest|status ...`: parsing only; a usage error is a value, so the caller
 * decides how to report it.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES, type ProfileName } from '../../src-shared/ocr/profiles';

const FORMATS = ['jsonl', 'json', 'csv'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface ExtractCommand {
  command: 'extract';
  profile: ProfileName;
  format: OutputFormat;
  out: string | null;
  threads: number | null;
  /** Worker processes reading at once (null: as the machine measures best, see cli.ts). */
  workers: number | null;
  inputs: string[];
}

export interface IngestCommand {
  command: 'ingest';
  dataDir: string;
  profile: ProfileName;
  workers: number | null;
  inputs: string[];
}

export interface StatusCommand {
  command: 'status';
  dataDir: string;
  json: boolean;
}

export interface SweepCommand {
  command: 'sweep';
  dataDir: string;
  /** Retention as of this time (default: now). */
  now: Date | null;
}

export interface ExportCommand {
  command: 'export';
  dataDir: string;
  format: 'json' | 'csv';
  out: string | null;
  delimiter: ',' | ';';
}

export interface ReconcileCommand {
  command: 'reconcile';
  dataDir: string;
  json: boolean;
  /** Statement files to import first; none: the receipts are decided again against what is kept. */
  inputs: string[];
  /** Days after a receipt's date its credit may be booked, kept for the data folder; null: as kept. */
  creditDays: number | null;
}

export interface RepairCommand {
  command: 'repair';
  dataDir: string;
}

export interface WatchCommand {
  command: 'watch';
  dataDir: string;
  profile: ProfileName;
  inbox: string;
  intervalMs: number;
}

export type ParsedArgs = ReconcileCommand | RepairCommand | WatchCommand | ExtractCommand | IngestCommand | StatusCommand | SweepCommand | ExportCommand | { command: 'help' } | { command: 'usage-error'; message: string };

export const USAGE = `Usage: receipt-ocr extract [options] <files or folders...>
       receipt-ocr ingest --data-dir DIR [--profile P] [--workers N] <files or folders...>
       receipt-ocr status --data-dir DIR [--json]
       receipt-ocr sweep --data-dir DIR [--now ISO-TIME]
       receipt-ocr export --data-dir DIR --format json|csv [--out FILE] [--delimiter ';']
       receipt-ocr watch --data-dir DIR [--profile P] [--interval SECONDS] <inbox folder>
       receipt-ocr repair --data-dir DIR
       receipt-ocr reconcile --data-dir DIR [--json] [--credit-days N] [statement files...]

extract reads payment-receipt images and prints what they say, one record per image.
ingest takes them into DIR's image store and database and reads the queue; run again after an
interruption, it finishes the queue and reads every file exactly once.
status prints what DIR holds: counts by state, duplicates, and each receipt with its fields.
sweep applies the retention policy as of now (or --now): expired, unpinned receipts are deleted.
export writes every receipt with its corrected fields, review status and duplicate flag: json in
the legacy consolidated format, csv in UTF-8 with a BOM for Excel.
watch takes in what appears in the inbox folder until Ctrl-C, moving each file to processed/
or failed/ (with a .reason.txt) once its result is stored.
reconcile imports bank statements (CSV/TSV, .xlsx, web pages saved as .xls, QIF, MT940, Banco de
Venezuela's fixed width, Provincial's records) and says of every read receipt whether its payment
is in them: verified, amount_mismatch, not_found or duplicate_claim, with the movement that
decides it, then lists the credits no receipt proves. Columns set in the window are used here too.
repair checks DIR's database; a damaged one is kept aside and the last good backup restored,
saying what the restored history lacks.

Options:
  --profile <name>   ${PROFILE_NAMES.join(' | ')} (default: ${DEFAULT_PROFILE})
  --format <name>    jsonl | json | csv (default: jsonl)
  --out <file>       write to this file instead of standard output
  --threads <n>      threads per inference (default: the cores shared among the workers)
  --data-dir <dir>   the data folder (database, images, logs) for ingest and status
  --workers <n>      OCR worker processes (extract: default one per core, output in input
                     order; ingest: default one per core too)
  --json             status or reconcile as JSON
  --now <time>       sweep as of this ISO time (e.g. 2026-11-24T09:00:00Z)
  --delimiter <c>    export csv with , (default) or ;
  --interval <s>     watch: seconds between looks at the inbox (default 2)
  --credit-days <n>  reconcile: a credit may be booked up to n days (0 to 15) after the
                     receipt's date; kept for DIR, as the window's setting (default 3)
  -h, --help         show this help

Folders are expanded to the images inside them (sub-folders included), sorted.
A file that cannot be read gets a record with status "error"; the others go on.
Exit status: 0 when the run completed (even with unreadable images), 1 when it could not (a
busy, damaged or missing data folder), 2 for usage errors.`;

export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        profile: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        threads: { type: 'string' },
        'data-dir': { type: 'string' },
        workers: { type: 'string' },
        json: { type: 'boolean' },
        now: { type: 'string' },
        delimiter: { type: 'string' },
        interval: { type: 'string' },
        'credit-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return { command: 'usage-error', message: (e as Error).message };
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...inputs] = positionals;
  if (command === undefined) return { command: 'usage-error', message: 'Missing command: use "receipt-ocr extract <files or folders...>"' };
  const commands = ['extract', 'ingest', 'status', 'sweep', 'export', 'watch', 'repair', 'reconcile'] as const;
  if (!(commands as readonly string[]).includes(command)) return { command: 'usage-error', message: `Unknown command "${command}": use ${commands.join(', ')}` };
  if (command !== 'extract') {
    const dataDir = values['data-dir'];
    if (!dataDir) return { command: 'usage-error', message: `${command} needs --data-dir DIR` };
    if (command === 'watch') {
      const profile = values.profile ?? DEFAULT_PROFILE;
      if (!isProfileName(profile)) return { command: 'usage-error', message: `Unknown profile "${profile}": use ${PROFILE_NAMES.join(', ')}` };
      const seconds = Number(values.interval ?? '2');
      if (!(seconds >= 0.2 && seconds <= 3600)) return { command: 'usage-error', message: `--interval must be between 0.2 and 3600 seconds, not "${values.interval}"` };
      if (inputs.length !== 1) return { command: 'usage-error', message: 'watch needs exactly one inbox folder' };
      return { command, dataDir, profile, inbox: inputs[0]!, intervalMs: seconds * 1000 };
    }
    if (command === 'reconcile') {
      const days = values['credit-days'] === undefined ? null : Number(values['credit-days']);
      if (days !== null && !(Number.isInteger(days) && days >= 0 && days <= 15)) return { command: 'usage-error', message: `--credit-days must be a whole number from 0 to 15, not "${values['credit-days']}"` };
      return { command, dataDir, json: values.json === true, inputs, creditDays: days };
    }
    if (command !== 'ingest' && inputs.length > 0) return { command: 'usage-error', message: `${command} takes no files` };
    if (command === 'status') return { command, dataDir, json: values.json === true };
    if (command === 'repair') return { command, dataDir };
    if (command === 'export') {
      const format = values.format;
      if (format !== 'json' && format !== 'csv') return { command: 'usage-error', message: 'export needs --format json or --format csv' };
      const delimiter = values.delimiter ?? ',';
      if (delimiter !== ',' && delimiter !== ';') return { command: 'usage-error', message: `--delimiter must be , or ;, not "${delimiter}"` };
      if (values.out === '') return { command: 'usage-error', message: '--out needs a file name' };
      return { command, dataDir, format, out: values.out ?? null, delimiter };
    }
    if (command === 'sweep') {
      const now = values.now === undefined ? null : new Date(values.now);
      if (now && Number.isNaN(now.getTime())) return { command: 'usage-error', message: `--now must be an ISO time such as 2026-11-24T09:00:00Z, not "${values.now}"` };
      return { command, dataDir, now };
    }
  }
  if (inputs.length === 0) return { command: 'usage-error', message: 'No files or folders given' };
  const profile = values.profile ?? DEFAULT_PROFILE;
  if (!isProfileName(profile)) return { command: 'usage-error', message: `Unknown profile "${profile}": use ${PROFILE_NAMES.join(', ')}` };
  const workers = values.workers === undefined ? null : Number(values.workers);
  if (workers !== null && (!Number.isInteger(workers) || workers < 1 || workers > 32)) return { command: 'usage-error', message: `--workers must be a whole number from 1 to 32, not "${values.workers}"` };
  if (command === 'ingest') return { command, dataDir: values['data-dir']!, profile, workers, inputs };
  const format = values.format ?? 'jsonl';
  if (!(FORMATS as readonly string[]).includes(format)) return { command: 'usage-error', message: `Unknown format "${format}": use ${FORMATS.join(', ')}` };
  let threads: number | null = null;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) return { command: 'usage-error', message: `--threads must be a whole number from 1 to 64, not "${values.threads}"` };
  }
  if (values.out === '') return { command: 'usage-error', message: '--out needs a file name' };
  return { command: 'extract', profile, format: format as OutputFormat, out: values.out ?? null, threads, workers, inputs };
}
