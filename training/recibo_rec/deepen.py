"""python3 -m recibo_rec.deepen ../models/recibo-rec-es.onnx --context 8,16 --out runs/ctx/start.pt

The same model with context blocks added to its head (model.ContextBlock), computing exactly what
it computed without them, as a checkpoint that `train --init` takes.

Why: widening the committed model bought a tenth of a point for twice its CPU time
(docs/benchmarks.md, "The eighteenth widened"), and what the wider model still misread were
mostly letters that the word around them decides. Context blocks give each frame words either
side (dilations 8 and 16 take a frame's view from about 100 px to about 300 px) for a quarter
more of the model's CPU time in onnxruntime (measured: 0.15 to 0.18 of PP-OCRv4's a line against
0.12 to 0.14). Starting them at zero on the committed model tests what the context learns
in a CPU session instead of spending the session catching up.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from .model import LineRecognizer, architecture, build
from .train import initial_model, int_list, save_model


def deepened(model: LineRecognizer, context: tuple[int, ...]) -> LineRecognizer:
    """`model` with context blocks of these dilations after its own (a block's output starts at
    zero, so the new model's outputs are `model`'s)."""
    if not context or any(d < 1 for d in context):
        raise ValueError(f"context dilations must be at least 1, and there must be some: {context}")
    arch = architecture(model)
    deep = build({**arch, "context": arch.get("context", []) + list(context)})
    missing, unexpected = deep.load_state_dict(model.state_dict(), strict=False)
    new_blocks = range(len(arch.get("context", [])), len(deep.context))
    if unexpected or any(not any(key.startswith(f"context.{k}.") for k in new_blocks) for key in missing):
        raise ValueError(f"{arch} does not carry over into {architecture(deep)}: {missing + unexpected}")
    return deep.train(model.training)


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", type=Path, help="a checkpoint (.pt) or an exported model (.onnx)")
    p.add_argument("--context", type=int_list, required=True,
                   help="the new blocks' dilations, in frames of 4 px (e.g. 8,16)")
    p.add_argument("--out", type=Path, required=True, help="checkpoint to write (.pt)")
    args = p.parse_args(argv)
    model = deepened(initial_model(args.model).eval(), args.context)
    save_model(args.out, model, f"{args.model} with context blocks {list(args.context)}")


if __name__ == "__main__":
    main()
