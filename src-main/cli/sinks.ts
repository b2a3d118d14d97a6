/**
 * Where the CLI's output goes: standard output (a closed pipe ends the run quietly) or a file
 * written beside its target and renamed at the end, so a half-written export never replaces a
 * good one.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';

export type Sink = { write(text: string): Promise<void>; close(): Promise<void>; abort(): Promise<void> };

export function stdoutSink(): Sink {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // The reader went away (`receipt-ocr ... | head`): nothing left to do.
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const write = (text: string) => new Promise<void>((resolve) => (text === '' || process.stdout.write(text) ? resolve() : process.stdout.once('drain', resolve)));
  return { write, close: async () => {}, abort: async () => {} };
}

/** Writes beside the target and renames at the end: a half-written export never replaces a good one. */
export function fileSink(target: string): Sink {
  const partial = `${target}.partial`;
  const stream: WriteStream = createWriteStream(partial);
  const write = (text: string) => new Promise<void>((resolve, reject) => (text === '' ? resolve() : stream.write(text, (e) => (e ? reject(e) : resolve()))));
  const end = () => new Promise<void>((resolve) => stream.end(resolve));
  return {
    write,
    close: async () => {
      await end();
      await rename(partial, target);
    },
    abort: async () => {
      await end();
      await rm(partial, { force: true });
    },
  };
}
