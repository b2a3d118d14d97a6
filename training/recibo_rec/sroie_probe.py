"""Reads SROIE's ground-truth boxes with a checkpoint (or an exported model) under image
transforms, to ask which difference between SROIE's scans and the training stream costs the
model its letters: a transform that closes the gap names it, one that does not rules it out.

    python3 -m recibo_rec.sroie_probe ../models/recibo-rec-es.onnx [--transforms identity,wide,narrow,grey,contrast]

It prints, per transform, the CER and the share of boxes read exactly, both with spaces aside and
case-folded (the CER as `npm run bench:recognizer` prints it for its sroie set). Its crops are
the boxes' axis-aligned bounds resized to the model's height; the app's warp follows the
quadrilateral, so the figures sit near the bench's (5.31% against 5.36% for the eighteenth) and
are for comparing transforms, not for reporting. It reads in PyTorch, with no export, so it also checks a run's `last.pt`
while it trains. ../shared/datasets/sroie-sample is the SROIE sample (never copied here).
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Callable

import numpy as np
from PIL import Image

from .metrics import score
from .render import HEIGHT, MAX_WIDTH

SROIE = Path(__file__).resolve().parents[2].parent / "shared" / "datasets" / "sroie-sample"


def parse_boxes(csv: str) -> list[tuple[tuple[int, int, int, int], str]]:
    """SROIE's `x1,y1,...,x4,y4,text` rows as (left, top, right, bottom) and text; the text is
    everything after the eighth comma (it may hold commas). Rows without text are left out."""
    boxes = []
    for row in csv.splitlines():
        parts = row.split(",", 8)
        if len(parts) < 9 or not parts[8].strip():
            continue
        xs, ys = [int(v) for v in parts[0:8:2]], [int(v) for v in parts[1:8:2]]
        boxes.append(((min(xs), min(ys), max(xs), max(ys)), parts[8].strip()))
    return boxes


def to_model_height(crop: Image.Image, widen: float = 1.0) -> Image.Image:
    """The crop resized HEIGHT high, its width scaled by `widen` beyond its own proportions."""
    width = max(8, min(MAX_WIDTH, round(HEIGHT * crop.width * widen / crop.height)))
    return crop.resize((width, HEIGHT), Image.Resampling.BILINEAR)


def stretched_contrast(crop: Image.Image) -> Image.Image:
    """Grey levels spread so the 2nd percentile is black and the 98th white: faint ink made dark."""
    grey = np.asarray(crop.convert("L"), dtype=np.float32)
    low, high = np.percentile(grey, 2), np.percentile(grey, 98)
    spread = np.clip((grey - low) / max(1.0, high - low) * 255, 0, 255).astype(np.uint8)
    return Image.fromarray(spread).convert("RGB")


TRANSFORMS: dict[str, Callable[[Image.Image], Image.Image]] = {
    "identity": to_model_height,
    "wide": lambda crop: to_model_height(crop, 1.3),
    "narrow": lambda crop: to_model_height(crop, 0.8),
    "grey": lambda crop: to_model_height(crop.convert("L").convert("RGB")),
    "contrast": lambda crop: to_model_height(stretched_contrast(crop)),
}


def unspaced_score(reads: list[str], truths: list[str]) -> tuple[float, float]:
    """CER and the share of lines read exactly, both with spaces aside and case-folded."""
    fold = lambda texts: [text.upper().replace(" ", "") for text in texts]  # noqa: E731
    result = score(fold(reads), fold(truths))
    return result["cer"], result["exact"]


def load_sroie(folder: Path = SROIE) -> list[tuple[Image.Image, str]]:
    """Every box of the sample as its crop and text; boxes under 4 px tall are left out."""
    lines = []
    for csv in sorted((folder / "boxes").glob("*.csv")):
        page = Image.open(folder / "images" / f"{csv.stem}.jpg").convert("RGB")
        for (left, top, right, bottom), text in parse_boxes(csv.read_text(encoding="utf-8", errors="replace")):
            if bottom - top >= 4:
                lines.append((page.crop((left, top, right, bottom)), text))
    return lines


def main(argv=None) -> None:
    import torch

    from .train import initial_model, read_lines

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("model", type=Path, help="a checkpoint (.pt) or an exported model (.onnx)")
    parser.add_argument("--transforms", default=",".join(TRANSFORMS), help=f"comma-separated, of {', '.join(TRANSFORMS)}")
    parser.add_argument("--sroie", type=Path, default=SROIE)
    args = parser.parse_args(argv)
    if not (args.sroie / "boxes").is_dir():
        raise SystemExit(f"{args.sroie} has no SROIE sample (boxes/ and images/)")
    torch.set_num_threads(2)
    model, lines = initial_model(args.model), load_sroie(args.sroie)
    truths = [text for _, text in lines]
    for name in args.transforms.split(","):
        images = [np.array(TRANSFORMS[name](crop), dtype=np.uint8) for crop, _ in lines]
        cer, exact = unspaced_score(read_lines(model, images, "cpu"), truths)
        print(f"{name:9s} CER spaces aside {100 * cer:.2f}%  exact spaces aside {100 * exact:.1f}%  ({len(lines)} boxes)", flush=True)


if __name__ == "__main__":
    main()
