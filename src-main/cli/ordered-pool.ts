/**
 * Items read by several workers at once, each taking the next item when it is free, with the
 * results handed on in the items' own order (an output file lists the inputs as given). A
 * result that arrives early waits for the ones before it; the writes never overlap.
 */
import os from 'node:os';

/** Workers and threads per inference for `extract`: given ones kept, the rest sharing the cores. */
export function extractPool(cmd: { workers: number | null; threads: number | null }, files: number, cores = os.availableParallelism()): { workers: number; threads: number } {
  const workers = Math.max(1, Math.min(files, cmd.workers ?? Math.max(1, Math.floor(cores / (cmd.threads ?? 1)))));
  return { workers, threads: cmd.threads ?? Math.max(1, Math.floor(cores / workers)) };
}

export interface PoolWorker<In, Out> {
  run(item: In): Promise<Out>;
}

export async function readInOrder<In, Out>(
  items: readonly In[],
  workers: number,
  /** A worker for a slot, called again when the slot's worker can no longer run (it crashed). */
  workerFor: (slot: number) => Promise<PoolWorker<In, Out>>,
  onResult: (result: Out, index: number) => Promise<void>,
): Promise<void> {
  const done = new Map<number, Out>();
  let next = 0;
  let written = 0;
  let writing = Promise.resolve();
  const flush = async () => {
    while (done.has(written)) {
      const result = done.get(written)!;
      done.delete(written);
      await onResult(result, written);
      written++;
    }
  };
  const slot = async (s: number) => {
    while (next < items.length) {
      const index = next++;
      const worker = await workerFor(s);
      done.set(index, await worker.run(items[index]!));
      writing = writing.then(flush);
      await writing;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, items.length)) }, (_, s) => slot(s)));
  await writing;
}
