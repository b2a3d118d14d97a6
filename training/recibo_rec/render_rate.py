"""python3 -m recibo_rec.render_rate [--workers 15] [--seconds 30] [--crops crops]

Lines a second the training stream renders in N processes at once, with nothing else running:
what a training run on a machine can see at most (on a GPU, rendering is the whole cost). Run
it first on a new machine and plan `--steps` from it. The one GPU run so far rendered 83 lines a
second a worker with 15 workers while it trained, where one core of the development VM renders
258 alone; this tells a slow core from workers that wait on each other or on the trainer.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import time
from pathlib import Path

from . import crops as detector_crops
from .dataset import SyntheticLines
from .fonts import training_fonts


def _count(worker: int, seconds: float, crops_folder: Path | None, crop_share: float) -> int:
    crops = detector_crops.load(crops_folder) if crops_folder else None
    stream = SyntheticLines(training_fonts(), seed=worker, start_step=0, batch=1, max_chars_at=lambda step: 64,
                            crops=crops, crop_share=crop_share)
    r = random.Random(f"rate:{worker}")
    stream.draw(r, 64)  # fonts opened, caches warm
    drawn, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        stream.draw(r, 64)
        drawn += 1
    return drawn


def rates(workers: int, seconds: float, crops_folder: Path | None = None, crop_share: float = 0.3) -> list[float]:
    """Lines a second of each of `workers` processes rendering at the same time."""
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        counts = pool.starmap(_count, [(k, seconds, crops_folder, crop_share) for k in range(workers)])
    return [count / seconds for count in counts]


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--workers", type=int, default=1)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--crops", type=Path)
    p.add_argument("--crop-share", type=float, default=0.3)
    args = p.parse_args(argv)
    each = rates(args.workers, args.seconds, args.crops, args.crop_share)
    print(f"{args.workers} processes: {sum(each):,.0f} lines/s in all, {min(each):.0f} to {max(each):.0f} each")


if __name__ == "__main__":
    main()
