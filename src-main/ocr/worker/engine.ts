/**
 * The one file that imports onnxruntime-node: it turns verified model bytes into a RunModel
 * function. Everything else in the OCR pipeline is plain TypeScript around that function.
 */
import { createRequire } from 'node:module';
import type { InferenceSession } from 'onnxruntime-node';
import type { Tensor } from './pipeline/image';
import type { RunModel } from './pipeline/recognition/recognize';

// Required, not imported: onnxruntime-node is CommonJS, and importing it makes Node's loader lex
// its sources (and onnxruntime-common's) for their exports, then compile that lexer hot.
const ort = createRequire(import.meta.url)('onnxruntime-node') as typeof import('onnxruntime-node');

export interface SessionOptions {
  /** Threads one inference may use. */
  intraOpThreads: number;
}

export interface LoadedModel {
  run: RunModel;
  release(): Promise<void>;
}

class ModelRunError extends Error {
  override name = 'ModelRunError';
}

export async function openModel(bytes: Uint8Array, label: string, inputName: string, outputName: string, options: SessionOptions): Promise<LoadedModel> {
  let session: InferenceSession;
  try {
    session = await ort.InferenceSession.create(bytes, {
      intraOpNumThreads: options.intraOpThreads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      // Every image and every batch of line crops has a new shape: planning memory per shape
      // only grows the heap (peak RSS 540 MB over 91 receipts with it, 365 MB without, and no
      // slower; docs/benchmarks.md).
      enableMemPattern: false,
      // Idle pool threads would otherwise spin and steal the cores the recognition lanes need.
      extra: { session: { 'intra_op.allow_spinning': '0' } },
    });
  } catch (e) {
    throw new ModelRunError(`onnxruntime cannot load ${label}: ${(e as Error).message}`);
  }
  if (!session.inputNames.includes(inputName) || !session.outputNames.includes(outputName)) {
    throw new ModelRunError(
      `${label} has inputs [${session.inputNames.join(', ')}] and outputs [${session.outputNames.join(', ')}]; the manifest expects input "${inputName}" and output "${outputName}"`,
    );
  }
  const run: RunModel = async (input: Tensor) => {
    const feed = { [inputName]: new ort.Tensor('float32', input.data, input.dims) };
    const result = await session.run(feed, [outputName]);
    const out = result[outputName]!;
    return { data: out.data as Float32Array, dims: out.dims.map(Number) };
  };
  return { run, release: () => session.release() };
}

/**
 * A model run for several of its tensors at once, by name, for calibration (model-tools/):
 * graph optimisation `basic`, so that the tensors asked for are not fused away.
 */
export async function openProbe(bytes: Uint8Array, inputName: string, outputNames: readonly string[]): Promise<{ run(input: Tensor): Promise<Map<string, Float32Array>>; release(): Promise<void> }> {
  const session = await ort.InferenceSession.create(bytes, { intraOpNumThreads: 2, graphOptimizationLevel: 'basic' });
  return {
    run: async (input) => {
      const result = await session.run({ [inputName]: new ort.Tensor('float32', input.data, input.dims) }, [...outputNames]);
      return new Map(outputNames.map((name) => [name, result[name]!.data as Float32Array]));
    },
    release: () => session.release(),
  };
}
