/**
 * receipt-ocr: the OCR engine without a window. This entry parses the command line and loads
 * only what the command needs: `--help` starts no model runtime, `status` opens no image library
 * (the commands live in src-main/cli/, each loaded on first use).
 */
import { parseCliArgs, USAGE } from './cli/args';

// Output piped into a reader that stopped (`status | head`): end quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});

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
  if (args.command === 'extract') return (await import('./cli/extract-command')).extract(args);
  const { exportData, ingest, reconcileData, status, sweep, watch } = await import('./cli/data-commands');
  try {
    if (args.command === 'ingest') return await ingest(args);
    if (args.command === 'status') return status(args);
    if (args.command === 'sweep') return await sweep(args);
    if (args.command === 'export') return await exportData(args);
    if (args.command === 'repair') return (await import('./cli/repair-command')).repair(args);
    if (args.command === 'reconcile') return await reconcileData(args);
    return await watch(args);
  } catch (e) {
    // Expected failures (a busy, damaged, missing or newer data folder) are messages, not stack traces.
    process.stderr.write(`receipt-ocr: ${(e as Error).message}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
