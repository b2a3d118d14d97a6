/**
 * Just enough of ONNX's protobuf to rewrite a graph: float tensors in and out of initializers,
 * who consumes what, and scalar constants. Used only at install time (model-tools/), never by
 * the running engine.
 */
import onnxProto from 'onnx-proto';

export const { onnx } = onnxProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type ModelProto = onnxProto.onnx.ModelProto;

const FLOAT = onnx.TensorProto.DataType.FLOAT;

export interface FloatTensor {
  dims: number[];
  data: Float32Array;
}

/** A graph under rewrite: nodes in order, and every constant by name. */
export class Graph {
  readonly constants = new Map<string, TensorProto>();
  nodes: NodeProto[];
  private counter = 0;

  constructor(readonly model: ModelProto) {
    const g = model.graph!;
    for (const t of g.initializer ?? []) this.constants.set(t.name!, t);
    // Paddle2ONNX exports weights as Constant nodes; as initializers they can be folded.
    this.nodes = (g.node ?? []).filter((n) => {
      const value = n.opType === 'Constant' && n.attribute?.length === 1 && n.attribute[0]!.name === 'value' ? n.attribute[0]!.t : null;
      if (!value) return true;
      value.name = n.output![0]!;
      this.constants.set(value.name, value);
      return false;
    });
  }

  float(name: string | null | undefined): FloatTensor | null {
    const t = name ? this.constants.get(name) : undefined;
    if (!t || t.dataType !== FLOAT) return null;
    const dims = (t.dims ?? []).map(Number);
    if (t.floatData && t.floatData.length > 0) return { dims, data: Float32Array.from(t.floatData) };
    const raw = Uint8Array.from(t.rawData ?? []);
    return { dims, data: new Float32Array(raw.buffer, 0, raw.byteLength / 4) };
  }

  scalar(name: string | null | undefined): number | null {
    const t = this.float(name);
    return t && t.data.length === 1 ? t.data[0]! : null;
  }

  /** Adds a float constant under a new name derived from `base`. */
  addFloat(base: string, dims: number[], data: Float32Array): string {
    const name = `${base}__recibo${this.counter++}`;
    this.constants.set(name, onnx.TensorProto.create({ name, dims, dataType: FLOAT, rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) }));
    return name;
  }

  /** Adds a constant of any element type from its raw little-endian bytes, under a new name. */
  addRaw(base: string, dims: number[], dataType: number, raw: Uint8Array): string {
    const name = `${base}__recibo${this.counter++}`;
    this.constants.set(name, onnx.TensorProto.create({ name, dims, dataType, rawData: raw }));
    return name;
  }

  freshName(base: string): string {
    return `${base}__recibo${this.counter++}`;
  }

  /** Consumers of each value; graph outputs count as a consumer that cannot be rewritten. */
  consumers(): Map<string, (NodeProto | 'graph-output')[]> {
    const users = new Map<string, (NodeProto | 'graph-output')[]>();
    const add = (k: string, v: NodeProto | 'graph-output') => users.set(k, [...(users.get(k) ?? []), v]);
    for (const n of this.nodes) for (const i of n.input ?? []) add(i, n);
    for (const o of this.model.graph!.output ?? []) add(o.name!, 'graph-output');
    return users;
  }

  /** The only consumer of a value, when it has exactly one and it is a node. */
  soleConsumer(users: Map<string, (NodeProto | 'graph-output')[]>, value: string): NodeProto | null {
    const u = users.get(value) ?? [];
    return u.length === 1 && u[0] !== 'graph-output' ? u[0]! : null;
  }

  remove(...nodes: NodeProto[]): void {
    const gone = new Set(nodes);
    this.nodes = this.nodes.filter((n) => !gone.has(n));
  }

  /** Writes nodes and the constants still in use back into the model. */
  commit(): ModelProto {
    const g = this.model.graph!;
    g.node = this.nodes;
    const used = new Set(this.nodes.flatMap((n) => n.input ?? []));
    g.initializer = [...this.constants.values()].filter((t) => used.has(t.name!));
    return this.model;
  }
}

export const otherInput = (n: NodeProto, x: string): string | null =>
  n.input?.[0] === x ? (n.input[1] ?? null) : n.input?.[1] === x ? (n.input[0] ?? null) : null;

export const attribute = (n: NodeProto, name: string) => n.attribute?.find((a) => a.name === name);

export function decodeModel(bytes: Uint8Array): ModelProto {
  return onnx.ModelProto.decode(bytes);
}

export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}
