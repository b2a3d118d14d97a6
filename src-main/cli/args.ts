/**
 * `receipt-ocr extract [--profile P] [--format jsonl|json|csv] [--out FILE] <files or folders...>`
 * Parsing only: a usage error is a value, so the caller decides how to report it.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_PROFILE, isProfileName, PROFILE_NAMES, type ProfileName } from '../../src-shared/ocr/profiles';

export const FORMATS = ['jsonl', 'json', 'csv'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface ExtractCommand {
  command: 'extract';
  profile: ProfileName;
  format: OutputFormat;
  out: string | null;
  threads: number | null;
  inputs: string[];
}

export type ParsedArgs = ExtractCommand | { command: 'help' } | { command: 'usage-error'; message: string };

export const USAGE = `Usage: receipt-ocr extract [options] <files or folders...>

Reads payment-receipt images and prints what they say, one record per image.

Options:
  --profile <name>   ${PROFILE_NAMES.join(' | ')} (default: ${DEFAULT_PROFILE})
  --format <name>    jsonl | json | csv (default: jsonl)
  --out <file>       write to this file instead of standard output
  --threads <n>      threads per inference (default: all cores)
  -h, --help         show this help

Folders are expanded to the images inside them (sub-folders included), sorted.
A file that cannot be read gets a record with status "error"; the others go on.
Exit status: 0 when the run completed (even with unreadable images), 2 for usage errors.`;

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
  if (command !== 'extract') return { command: 'usage-error', message: `Unknown command "${command}": the only command is "extract"` };
  if (inputs.length === 0) return { command: 'usage-error', message: 'No files or folders given' };
  const profile = values.profile ?? DEFAULT_PROFILE;
  if (!isProfileName(profile)) return { command: 'usage-error', message: `Unknown profile "${profile}": use ${PROFILE_NAMES.join(', ')}` };
  const format = values.format ?? 'jsonl';
  if (!(FORMATS as readonly string[]).includes(format)) return { command: 'usage-error', message: `Unknown format "${format}": use ${FORMATS.join(', ')}` };
  let threads: number | null = null;
  if (values.threads !== undefined) {
    threads = Number(values.threads);
    if (!Number.isInteger(threads) || threads < 1 || threads > 64) return { command: 'usage-error', message: `--threads must be a whole number from 1 to 64, not "${values.threads}"` };
  }
  if (values.out === '') return { command: 'usage-error', message: '--out needs a file name' };
  return { command: 'extract', profile, format: format as OutputFormat, out: values.out ?? null, threads, inputs };
}
