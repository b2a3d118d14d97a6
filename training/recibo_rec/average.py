"""python3 -m recibo_rec.average A B --weight 0.5 --out runs/avg/last.pt

Averages the weights of two models of one architecture, (1 - weight) * A + weight * B, the
BatchNorm statistics included, into a checkpoint that `export` and `train --init` take. A and B
are checkpoints (.pt) or exported models (.onnx, rebuilt exactly by recover.py).

Why: a long schedule that starts from a model reads more of what it trains on and forgets a
little of what its start read well (the small `*` groups of masked accounts in a held-out font).
The average of the two lies in the same basin when one was trained from the other, and keeps
most of both: the eighteenth model is the committed model averaged half and half with the GPU
schedule trained from it (docs/benchmarks.md).
"""
from __future__ import annotations

import argparse
from pathlib import Path

import torch

from .model import LineRecognizer, architecture, build
from .train import initial_model, save_model


def averaged(a: LineRecognizer, b: LineRecognizer, weight: float) -> LineRecognizer:
    """A new model holding (1 - weight) * a + weight * b; counters (num_batches_tracked) are b's."""
    if not 0.0 <= weight <= 1.0:
        raise ValueError(f"weight must lie in [0, 1], not {weight}")
    if architecture(a) != architecture(b):
        raise ValueError(f"different architectures: {architecture(a)} and {architecture(b)}")
    left, right = a.state_dict(), b.state_dict()
    mixed = {key: torch.lerp(left[key], value, weight) if value.is_floating_point() else value.clone()
             for key, value in right.items()}
    model = build(architecture(b))
    model.load_state_dict(mixed)
    return model.eval()


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("a", type=Path)
    p.add_argument("b", type=Path)
    p.add_argument("--weight", type=float, default=0.5, help="B's share of the average")
    p.add_argument("--out", type=Path, required=True, help="checkpoint to write (.pt)")
    args = p.parse_args(argv)
    model = averaged(initial_model(args.a), initial_model(args.b), args.weight)
    origin = f"{1 - args.weight:g} x {args.a} + {args.weight:g} x {args.b}"
    save_model(args.out, model, origin)


if __name__ == "__main__":
    main()
