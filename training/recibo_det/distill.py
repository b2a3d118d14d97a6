"""python3 -m recibo_det.distill INPUTS_DIR --out runs/det1 [--steps 3000] [--batch 4] [--crop 320]

Trains the lighter detector (student.py) to give PP-OCRv4's probability maps on the inputs the
app gives its detector (`npm run training:det-inputs` writes them: tuning families only). The
backbone is frozen and shared, so onnxruntime computes once, for every input, what the neck
reads and the teacher's map (teacher_taps.mjs). Each step then takes random crops of those (on
the 32-pixel grid, as the app's inputs are), runs the student's neck and head on them and
compares its map with the teacher's before their sigmoid: binary cross-entropy against the teacher's probabilities, plus the absolute
difference of the probabilities where either map says text (> 0.2), since the app keeps what
is above 0.3 and scores boxes by the mean probability inside them.

Every `--eval-every` steps the held-back inputs (one in `--eval-share`, whole) are scored: the
share of pixels on the same side of 0.3 as the teacher's, inside the teacher's text and
overall. The best checkpoint by the first is `OUT/best.pt`; `export.py` writes it as ONNX.
"""
from __future__ import annotations

import argparse
import json
import math
import random
import subprocess
import time
from pathlib import Path

import numpy as np
import onnx
import torch
import torch.nn.functional as F

from .augment import augmented_copies
from .graph import OnnxGraph
from .student import LOGITS, build_student

ROOT = Path(__file__).resolve().parents[2]
TEACHER = ROOT / "models" / "ch_PP-OCRv4_det_infer.folded.onnx"
THRESHOLD = 0.3


def split(files: list[Path], share: int) -> tuple[list[Path], list[Path]]:
    """Inputs of one page stay on one side: every `share`-th page is held back."""
    page = lambda f: f.name.rsplit("-", 2)[0]
    pages = sorted({page(f) for f in files})
    held = {p for i, p in enumerate(pages) if i % share == 0}
    return [f for f in files if page(f) not in held], [f for f in files if page(f) in held]


def with_outputs(model: onnx.ModelProto, names: list[str]) -> onnx.ModelProto:
    """The teacher with `names` as outputs of its own (onnxruntime then keeps them unfused)."""
    tapped = onnx.ModelProto()
    tapped.CopyFrom(model)
    for name in names:
        tapped.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    return tapped


def read_taps(path: Path) -> dict[str, torch.Tensor]:
    """A file teacher_taps.mjs wrote, its tensors in float16 (the cache stays in memory)."""
    raw = path.read_bytes()
    size = int.from_bytes(raw[:4], "little")
    header = json.loads(raw[4:4 + size])
    body = raw[4 + size:]
    out = {}
    for name, (offset, shape) in header.items():
        count = int(np.prod(shape))
        out[name] = torch.from_numpy(np.frombuffer(body, dtype=np.float32, count=count, offset=offset).reshape(shape).astype(np.float16))
    return out


def teacher_outputs(model: onnx.ModelProto, needed: list[str], files: list[Path], cache: Path) -> list[dict[str, torch.Tensor]]:
    """For each input, the backbone tensors the neck reads and the teacher's logits, computed
    once by onnxruntime (teacher_taps.mjs) and kept in `cache`: the backbone is frozen, so
    training never runs it."""
    cache.mkdir(parents=True, exist_ok=True)
    missing = [f for f in files if not (cache / f"{f.stem}.bin").exists()]
    if missing:
        tapped = cache / "teacher-taps.onnx"
        onnx.save(with_outputs(model, [*needed, LOGITS]), str(tapped))
        listing = cache / "inputs.txt"
        listing.write_text("".join(f"{f.resolve()}\n" for f in missing))
        subprocess.run(["node", str(Path(__file__).with_name("teacher_taps.mjs")), str(tapped), str(listing), str(cache)], cwd=ROOT, check=True)
    return [{k: v for k, v in read_taps(cache / f"{f.stem}.bin").items() if k in needed or k == LOGITS} for f in files]


def crop(item: dict[str, torch.Tensor], side: int, rng: random.Random) -> dict[str, torch.Tensor]:
    """A crop of at most side x side input pixels, on the 32-pixel grid, of every tensor at its
    own stride: what the neck would have been given for that part of the page."""
    h, w = item[LOGITS].shape[2:]
    ch, cw = min(side, h), min(side, w)
    y = 32 * rng.randrange(0, (h - ch) // 32 + 1)
    x = 32 * rng.randrange(0, (w - cw) // 32 + 1)
    out = {}
    for k, v in item.items():
        sy, sx = h // v.shape[2], w // v.shape[3]
        out[k] = v[:, :, y // sy:(y + ch) // sy, x // sx:(x + cw) // sx].float()
    return out


def map_loss(student: torch.Tensor, teacher: torch.Tensor) -> torch.Tensor:
    target = torch.sigmoid(teacher)
    bce = F.binary_cross_entropy_with_logits(student, target)
    prob = torch.sigmoid(student)
    texty = ((target > 0.2) | (prob > 0.2)).float()
    l1 = ((prob - target).abs() * texty).sum() / texty.sum().clamp(min=1)
    return bce + l1


@torch.no_grad()
def agreement(student: OnnxGraph, items: list[dict[str, torch.Tensor]]) -> dict:
    """Pixels on the same side of the app's threshold as the teacher's: inside the teacher's
    text, everywhere, and the worst input's share of its text."""
    same = text_same = text = pixels = 0
    worst = 1.0
    for item in items:
        s_map, _ = student(None, given={k: v.float() for k, v in item.items() if k != LOGITS})
        t_bin, s_bin = torch.sigmoid(item[LOGITS].float()) > THRESHOLD, s_map > THRESHOLD
        agree = t_bin == s_bin
        same += agree.sum().item()
        pixels += agree.numel()
        text_same += (agree & t_bin).sum().item()
        text += t_bin.sum().item()
        if t_bin.sum() > 0:
            worst = min(worst, ((agree & t_bin).sum() / t_bin.sum()).item())
    return {"pixels": same / pixels, "text": text_same / max(1, text), "worst_text": worst}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("inputs", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--batch", type=int, default=4)
    ap.add_argument("--crop", type=int, default=320)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--eval-every", type=int, default=250)
    ap.add_argument("--eval-share", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--augment", type=int, default=0, help="degraded copies of training inputs added (augment.py)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = random.Random(args.seed)
    if args.crop % 32:
        raise SystemExit("--crop must be a multiple of 32")

    files = sorted((args.inputs / "inputs").glob("*.png")) or sorted(args.inputs.glob("*.png"))
    if not files:
        raise SystemExit(f"no detector inputs in {args.inputs} (npm run training:det-inputs)")
    train_files, eval_files = split(files, args.eval_share)
    if args.augment:
        train_files += augmented_copies(train_files, args.augment, args.out / "augmented", args.seed)
    model = onnx.load(str(TEACHER))
    student = build_student(model).eval()
    needed = student.inputs_from_before()
    cache = args.out / "teacher"
    train = teacher_outputs(model, needed, train_files, cache)
    held = teacher_outputs(model, needed, eval_files, cache)
    params = [p for p in student.parameters() if p.requires_grad]
    print(f"{len(train)} training inputs, {len(held)} held back; {sum(p.numel() for p in params)} weights train", flush=True)
    print(json.dumps({"step": 0, **agreement(student, held)}), flush=True)
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.0)
    warmup = max(1, min(200, args.steps // 10))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * min(1.0, s / args.steps))))
    args.out.mkdir(parents=True, exist_ok=True)
    log = (args.out / "log.jsonl").open("a")
    best = -1.0
    started = time.time()
    running = 0.0
    for step in range(1, args.steps + 1):
        opt.zero_grad()
        total = 0.0
        for _ in range(args.batch):
            item = crop(rng.choice(train), args.crop, rng)
            _, taps = student(None, taps=(LOGITS,), given={k: v for k, v in item.items() if k != LOGITS})
            loss = map_loss(taps[LOGITS], item[LOGITS]) / args.batch
            loss.backward()
            total += loss.item()
        torch.nn.utils.clip_grad_norm_(params, 1.0)
        opt.step()
        sched.step()
        running = 0.98 * running + 0.02 * total if step > 1 else total
        if step % 50 == 0:
            print(f"step {step} loss {running:.4f} lr {sched.get_last_lr()[0]:.2e} {time.time() - started:.0f}s", flush=True)
        if step % args.eval_every == 0 or step == args.steps:
            score = agreement(student, held)
            row = {"step": step, "loss": running, **score, "seconds": round(time.time() - started)}
            print(json.dumps(row), flush=True)
            log.write(json.dumps(row) + "\n")
            log.flush()
            state = {"student": student.state_dict(), "step": step, "score": score, "teacher": TEACHER.name}
            torch.save(state, args.out / "last.pt")
            if score["text"] > best:
                best = score["text"]
                torch.save(state, args.out / "best.pt")


if __name__ == "__main__":
    main()
