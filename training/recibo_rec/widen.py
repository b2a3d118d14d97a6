"""python3 -m recibo_rec.widen ../models/recibo-rec-es.onnx --widths 32,64,128,192 --head 256 --out runs/wide/start.pt

A wider model that computes exactly what a narrower one computes (Net2WiderNet, Chen et al.
2016), as a checkpoint that `train --init` takes.

Why: more lines of the committed recipe no longer move the narrow model, and a wide model from
scratch needs more rendered lines than a session gives (docs/benchmarks.md). Widening the
committed model starts the wide one where the narrow one is, so a short schedule tests what the
extra capacity learns instead of spending it catching up.

How: every convolution's output channels grow to the new width; each new channel is a copy of a
randomly chosen old one (its weights, bias and BatchNorm parameters and statistics). The next
layer takes each copy's input with a share of the original's weights, the shares of one original
and its copies summing to 1, so the sum it computes is unchanged. The shares are random rather
than equal: with equal shares a channel and its copy would get the same gradients and stay
copies forever. Max pooling, ReLU and BatchNorm work channel by channel, so copies pass them
unchanged, in training (batch statistics) as in evaluation.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import torch
from torch import nn

from .model import LineRecognizer, architecture
from .train import initial_model, int_list, save_model


def _chain(model: LineRecognizer) -> list[tuple[nn.Module, nn.Module | None]]:
    """Each convolution in the order the data passes them, with the BatchNorm after it (None for
    the class layer): the backbone's last channels are the head's first input."""
    convs = [m for m in list(model.backbone) + list(model.head) if isinstance(m, (nn.Conv1d, nn.Conv2d))]
    norms = [m for m in list(model.backbone) + list(model.head) if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d))]
    return list(zip(convs, norms + [None]))


def _mapping(old: int, new: int, generator: torch.Generator) -> tuple[torch.Tensor, torch.Tensor]:
    """Which old channel each new one copies (the first `old` are themselves), and the share of
    the original's outgoing weights each takes (the shares of one original sum to 1)."""
    if new < old:
        raise ValueError(f"cannot narrow a layer from {old} to {new} channels")
    source = torch.cat([torch.arange(old), torch.randint(old, (new - old,), generator=generator)])
    raw = 0.5 + torch.rand(new, generator=generator)
    totals = torch.zeros(old).index_add_(0, source, raw)
    return source, raw / totals[source]


def widened(model: LineRecognizer, widths: tuple[int, int, int, int], head: int, seed: int = 0) -> LineRecognizer:
    """A LineRecognizer of `widths` and `head` computing what `model` computes."""
    if len(model.context):
        raise ValueError("widen a model before it has context blocks (deepen.py), not after")
    wide = LineRecognizer(tuple(widths), head)
    generator = torch.Generator().manual_seed(seed)
    narrow_chain, wide_chain = _chain(model), _chain(wide)
    source_in, share_in = torch.arange(3), torch.ones(3)
    with torch.no_grad():
        for (conv, norm), (wide_conv, wide_norm) in zip(narrow_chain, wide_chain):
            if norm is None:  # the class layer: its outputs are the classes, not widened
                source_out, share_out = torch.arange(conv.out_channels), None
            else:
                source_out, share_out = _mapping(conv.out_channels, wide_conv.out_channels, generator)
            weight = conv.weight[source_out][:, source_in]
            scale = share_in.view(1, -1, *([1] * (weight.dim() - 2)))
            wide_conv.weight.copy_(weight * scale)
            if conv.bias is not None:
                wide_conv.bias.copy_(conv.bias[source_out])
            if norm is not None:
                for name in ("weight", "bias", "running_mean", "running_var"):
                    getattr(wide_norm, name).copy_(getattr(norm, name)[source_out])
                wide_norm.num_batches_tracked.copy_(norm.num_batches_tracked)
            source_in, share_in = source_out, share_out
    return wide.train(model.training)


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("model", type=Path, help="a checkpoint (.pt) or an exported model (.onnx)")
    p.add_argument("--widths", type=int_list, required=True,
                   help="the backbone's four widths, each at least the model's")
    p.add_argument("--head", type=int, required=True, help="the sequence head's width, at least the model's")
    p.add_argument("--seed", type=int, default=0, help="chooses which channels are copied and their shares")
    p.add_argument("--out", type=Path, required=True, help="checkpoint to write (.pt)")
    args = p.parse_args(argv)
    if len(args.widths) != 4:
        p.error("--widths takes four numbers")
    model = widened(initial_model(args.model).eval(), args.widths, args.head, args.seed)
    origin = f"{args.model} widened to {architecture(model)} (seed {args.seed})"
    save_model(args.out, model, origin)


if __name__ == "__main__":
    main()
