/**
 * A worker thread that holds its own onnxruntime session. onnxruntime-node computes on the
 * calling JS thread, so a second recognition lane needs a second thread: while the OCR
 * worker's own thread runs one batch, this one runs another (docs/benchmarks.md).
 */
import { parentPort } from 'node:worker_threads';
import { openModel, type LoadedModel } from './engine';

export type ThreadRequest =
  | { type: 'load'; bytes: Uint8Array; label: string; input: string; output: string; threads: number }
  | { type: 'run'; id: number; data: Float32Array; dims: number[] }
  | { type: 'release' };

export type ThreadReply =
  | { type: 'loaded' }
  | { type: 'result'; id: number; data: Float32Array; dims: number[] }
  | { type: 'failed'; id: number | null; message: string };

const port = parentPort;
if (!port) throw new Error('inference-thread must run as a worker thread');
let model: LoadedModel | null = null;

port.on('message', (msg: ThreadRequest) => {
  void handle(msg);
});

async function handle(msg: ThreadRequest): Promise<void> {
  const reply = (r: ThreadReply, transfer: ArrayBuffer[] = []) => port!.postMessage(r, transfer);
  switch (msg.type) {
    case 'load':
      try {
        model = await openModel(msg.bytes, msg.label, msg.input, msg.output, { intraOpThreads: msg.threads });
        reply({ type: 'loaded' });
      } catch (e) {
        reply({ type: 'failed', id: null, message: (e as Error).message });
      }
      return;
    case 'run':
      try {
        if (!model) throw new Error('no model loaded in this inference thread');
        const out = await model.run({ data: msg.data, dims: msg.dims });
        // Hand the buffer over without copying when the output owns it whole (it is megabytes:
        // one probability per class per frame); a view on a larger buffer must be copied.
        const whole = out.data.byteOffset === 0 && out.data.byteLength === out.data.buffer.byteLength;
        const data = whole ? out.data : new Float32Array(out.data);
        reply({ type: 'result', id: msg.id, data, dims: out.dims }, [data.buffer as ArrayBuffer]);
      } catch (e) {
        reply({ type: 'failed', id: msg.id, message: (e as Error).message });
      }
      return;
    case 'release':
      await model?.release();
      model = null;
      return;
  }
}
