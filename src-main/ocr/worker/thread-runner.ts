/**
 * Main-thread handle of an inference thread: loads a model there and exposes it as a RunModel.
 */
import { Worker } from 'node:worker_threads';
import type { ThreadReply, ThreadRequest } from './inference-thread';
import type { Tensor } from './pipeline/image';
import type { RunModel } from './pipeline/recognition/recognize';

export interface ThreadModel {
  run: RunModel;
  release(): Promise<void>;
}

export async function openThreadModel(script: string, bytes: Uint8Array, label: string, input: string, output: string): Promise<ThreadModel> {
  const worker = new Worker(script);
  const pending = new Map<number, { resolve: (t: Tensor) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let dead: Error | null = null;
  const send = (m: ThreadRequest, transfer: ArrayBuffer[] = []) => worker.postMessage(m, transfer);

  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', (m: ThreadReply) => (m.type === 'loaded' ? resolve() : reject(new Error(m.type === 'failed' ? m.message : 'unexpected reply'))));
    // One intra-op thread: the lanes, not the threads inside one run, use the cores.
    send({ type: 'load', bytes, label, input, output, threads: 1 });
  });

  worker.on('message', (m: ThreadReply) => {
    if (m.type === 'loaded') return;
    const p = m.id === null ? undefined : pending.get(m.id);
    if (!p || m.id === null) return;
    pending.delete(m.id);
    if (m.type === 'result') p.resolve({ data: m.data, dims: m.dims });
    else p.reject(new Error(m.message));
  });
  const fail = (e: Error) => {
    dead = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`inference thread exited with code ${code}`)));

  const run: RunModel = (t) =>
    new Promise((resolve, reject) => {
      if (dead) return reject(dead);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      // Copy: the caller keeps its tensor, and the copy's buffer moves to the thread without another copy.
      const data = new Float32Array(t.data);
      send({ type: 'run', id, data, dims: t.dims }, [data.buffer as ArrayBuffer]);
    });
  return {
    run,
    release: async () => {
      send({ type: 'release' });
      await worker.terminate();
    },
  };
}
