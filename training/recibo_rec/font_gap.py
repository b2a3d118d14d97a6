"""python3 -m recibo_rec.font_gap MODEL [--lines 1000] [--threads 2]

How much better a model reads lines in the fonts it trained on than in the held-out families:
the same kind of lines (same generator, boxes placed as in training, no icons), drawn once in
`fonts.training_fonts()` and once in `fonts.held_out_fonts()`. A large gap says the next run
needs more font families rather than more of the same lines. MODEL is a checkpoint (`.pt`) or
an exported model (`.onnx`, rebuilt by recover.py). The training fonts are those collected now:
a model trained before families were added is measured on those too.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import torch

from .dataset import fixed_set
from .fonts import held_out_fonts, training_fonts
from .metrics import score
from .train import initial_model, read_lines

#: Not the seed of train.py's held-out lines (7), so these lines are new to any run's log.
SEED = 8


def gap(model, lines: int) -> dict[str, dict[str, float]]:
    """CER and exact lines on `lines` lines in the training fonts and as many in the held-out ones."""
    out = {}
    for name, fonts in (("training fonts", training_fonts()), ("held-out fonts", held_out_fonts())):
        pairs = fixed_set(fonts, seed=SEED, count=lines)
        out[name] = score(read_lines(model, [image for image, _ in pairs], "cpu"), [text for _, text in pairs])
    return out


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", type=Path)
    p.add_argument("--lines", type=int, default=1000)
    p.add_argument("--threads", type=int, default=2)
    args = p.parse_args(argv)
    torch.set_num_threads(args.threads)
    result = gap(initial_model(args.model), args.lines)
    for name, r in result.items():
        print(f"{name:<15} CER {100 * r['cer']:.2f}%  exact {100 * r['exact']:.1f}%  ({r['lines']} lines)")
    seen, held = result["training fonts"]["exact"], result["held-out fonts"]["exact"]
    print(f"gap: {100 * (seen - held):.1f} points of exact lines")


if __name__ == "__main__":
    main()
