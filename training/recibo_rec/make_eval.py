"""python3 -m recibo_rec.make_eval OUT_DIR [--lines 1000]

Writes the held-out evaluation sets as PNG crops at their own scale, with `labels.tsv`
(file, text), `kinds.tsv` (file, the kind of line: screen or printed) and `ink.tsv` (file, the
share of the text's ink height its box leaves out, render.Line.ink_cut), so the app's
benchmark (`npm run bench:recognizer`) reads them through its own
crop-and-resize code with every recogniser, and scores each kind, and the lines whose box cuts
their ink, apart:
- `heldout/`: lines in the fonts held out of training, boxes placed as in training;
- `shifted/`: the same kind of lines with every box shifted 15-30% of the text height up or down.
Same seed, same files, on any machine.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from PIL import Image

from .dataset import sample_of_kind
from .fonts import held_out_fonts


def write_set(out: Path, name: str, count: int, shifted: bool) -> None:
    folder = out / name
    folder.mkdir(parents=True, exist_ok=True)
    r = random.Random(f"eval:{name}")
    rows, kinds, ink = [], [], []
    for k in range(count):
        shift = r.choice((-1, 1)) * r.uniform(0.15, 0.3) if shifted else None
        line = sample_of_kind(r, held_out_fonts(), 64, shift, native=True)
        file = f"{k:05d}.png"
        Image.fromarray(line.image).save(folder / file)
        rows.append(f"{file}\t{line.text}")
        kinds.append(f"{file}\t{line.kind}")
        ink.append(f"{file}\t{line.ink_cut:.3f}")
    for table_file, table in (("labels.tsv", rows), ("kinds.tsv", kinds), ("ink.tsv", ink)):
        (folder / table_file).write_text("\n".join(table) + "\n", encoding="utf-8")


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("out", type=Path)
    p.add_argument("--lines", type=int, default=1000)
    args = p.parse_args(argv)
    write_set(args.out, "heldout", args.lines, shifted=False)
    write_set(args.out, "shifted", args.lines // 2, shifted=True)
    print(f"{args.out}: heldout {args.lines} lines, shifted {args.lines // 2} lines")


if __name__ == "__main__":
    main()
