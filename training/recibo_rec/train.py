"""python3 -m recibo_rec.train --run runs/es1 --steps 60000 [--minutes 9]

Trains the line recogniser on rendered lines, resuming from `<run>/last.pt` when it exists, so a
long schedule can be spread over several runs of limited length (the device machine allows ten
minutes a command). The schedule (warm-up, cosine decay, curriculum) is a function of the step
and `--steps`, so one run of N steps and two runs of N/2 give the same model up to data order.

What keeps CTC from collapsing to blank outputs: a linear learning-rate warm-up, gradient
clipping, short lines first, and greedy-decoded samples printed beside the loss.
"""
from __future__ import annotations

import argparse
import math
import os
import time
from pathlib import Path

import torch
from torch.utils.data import DataLoader

from . import crops as detector_crops
from .charset import BLANK, greedy_decode
from .dataset import PRINTED_SHARE, SyntheticLines, fixed_set, to_tensor
from .fonts import held_out_fonts, training_fonts
from .metrics import score
from .model import LineRecognizer, architecture, from_checkpoint
from .recover import recover


def int_list(value: str) -> tuple[int, ...]:
    """A command-line list of numbers, `32,64,128,192`."""
    return tuple(int(k) for k in value.split(","))


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--run", type=Path, required=True, help="folder for checkpoints and the log")
    p.add_argument("--steps", type=int, default=60000, help="length of the whole schedule")
    p.add_argument("--minutes", type=float, default=0, help="stop (and save) after this long; 0: run to --steps")
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--lr", type=float, default=2e-3)
    p.add_argument("--warmup", type=int, default=800)
    p.add_argument("--workers", type=int, default=max(1, (os.cpu_count() or 2) - 1), help="rendering processes")
    p.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: torch's default)")
    p.add_argument("--init", type=Path, help="start from this checkpoint's weights, or an exported .onnx model's "
                   "(a new schedule, no curriculum: the model already reads full lines), e.g. to continue training "
                   "with a changed corpus")
    p.add_argument("--crops", type=Path, help="crops cut by the app's detector (npm run training:crops -- DIR)")
    p.add_argument("--crop-share", type=float, default=0.3, help="share of each batch drawn from --crops")
    p.add_argument("--printed-share", type=float, default=PRINTED_SHARE,
                   help="share of the rendered lines drawn from printed till receipts (the committed recipe's: the default)")
    p.add_argument("--widths", type=int_list, default=(16, 32, 64, 128),
                   help="the backbone's four widths, for a new model (a resumed or --init run keeps its checkpoint's)")
    p.add_argument("--head", type=int, default=192, help="the sequence head's width, for a new model")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--bf16", action="store_true", help="the forward pass in bfloat16 (autocast; weights, optimizer and loss "
                   "stay float32): half the model's time a step on CPUs with AVX-512 BF16; a run still waits on rendering where "
                   "the lines are drawn on the same cores")
    p.add_argument("--repeat", type=int, default=1, help="optimizer steps on each rendered batch: where rendering "
                   "bounds the run and the accelerator waits (a GPU with 16 slow cores), 2 doubles the steps a session "
                   "gives, each line seen twice; 1 (the committed model's recipe) sees every line once")
    p.add_argument("--eval-every", type=int, default=1000)
    p.add_argument("--eval-lines", type=int, default=400)
    args = p.parse_args(argv)
    if args.repeat < 1:
        p.error("--repeat must be at least 1")
    return args


def learning_rate(step: int, args) -> float:
    if step < args.warmup:
        return args.lr * (step + 1) / args.warmup
    progress = min(1.0, (step - args.warmup) / max(1, args.steps - args.warmup))
    return args.lr * (0.03 + 0.97 * 0.5 * (1 + math.cos(math.pi * progress)))


def per_batch(curriculum, start_step: int, repeat: int):
    """The curriculum indexed by rendered batch rather than by step: the stream counts its batches
    from `start_step`, and with `--repeat` each batch stands for `repeat` steps."""
    return lambda batch_index: curriculum(start_step + (batch_index - start_step) * repeat)


def max_chars_at(total_steps: int, curriculum_on: bool = True):
    def curriculum(step: int) -> int:
        if not curriculum_on:
            return 64
        start, full = 0.04 * total_steps, 0.25 * total_steps
        if step < start:
            return 12
        return int(12 + (64 - 12) * min(1.0, (step - start) / (full - start)))
    return curriculum


@torch.no_grad()
def read_lines(model: LineRecognizer, images, device) -> list[str]:
    model.eval()
    out = []
    for image in images:
        logits = model(to_tensor(image).unsqueeze(0).to(device))
        out.append(greedy_decode(logits.argmax(1)[0].tolist()))
    model.train()
    return out


def initial_model(path: Path) -> LineRecognizer:
    """A checkpoint's model, or the one rebuilt from an exported model (recover.py)."""
    return recover(path) if path.suffix == ".onnx" else from_checkpoint(torch.load(path, map_location="cpu"))


def starting_point(args, last: Path, device, say):
    """The model and its optimizer, and the step and best held-out score to go on from: the run's
    own `last.pt` when there is one (its widths, its optimizer), else `--init`'s weights, else a
    new model of `--widths` and `--head`."""
    state = torch.load(last, map_location=device) if last.exists() else None
    if state:
        model = from_checkpoint(state)
    elif args.init:
        model = initial_model(args.init)
    else:
        model = LineRecognizer(tuple(args.widths), args.head)
    model.to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=1e-4)
    if state:
        optimizer.load_state_dict(state["optimizer"])
        say(f"resumed from {last} at step {state['step']}")
        return model, optimizer, state["step"], state.get("best", -1.0)
    if args.init:
        say(f"weights from {args.init}")
    return model, optimizer, 0, -1.0


def save(path: Path, **state) -> None:
    tmp = path.with_suffix(".tmp")
    torch.save(state, tmp)
    tmp.replace(path)


def save_model(path: Path, model: LineRecognizer, origin: str) -> None:
    """A made (not trained) model as a checkpoint `export` and `--init` take, saying where it came
    from: the average and widen tools write theirs so."""
    path.parent.mkdir(parents=True, exist_ok=True)
    save(path, model=model.state_dict(), arch=architecture(model), step=None, origin=origin)
    print(f"{path}: {origin}")


def main(argv=None) -> None:
    args = parse_args(argv)
    torch.manual_seed(args.seed)
    if args.threads:
        torch.set_num_threads(args.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    args.run.mkdir(parents=True, exist_ok=True)
    log = (args.run / "train.log").open("a", encoding="utf-8")

    def say(message: str) -> None:
        print(message, flush=True)
        log.write(message + "\n")
        log.flush()

    last = args.run / "last.pt"
    model, optimizer, step, best = starting_point(args, last, device, say)
    arch = architecture(model)
    parameters = sum(p.numel() for p in model.parameters())
    blocks = f", context blocks {arch['context']}" if "context" in arch else ""
    say(f"device {device}, {parameters:,} parameters (widths {arch['widths']}, head {arch['head']}{blocks}), schedule {args.steps} steps of {args.batch}, seed {args.seed}"
        + (", bfloat16 forward" if args.bf16 else "") + f", {args.printed_share:.0%} of rendered lines printed")

    held_out = fixed_set(held_out_fonts(), seed=7, count=args.eval_lines)
    crops = detector_crops.load(args.crops) if args.crops else None
    if crops:
        say(f"{len(crops):,} detector crops from {args.crops}, {args.crop_share:.0%} of each batch")
    parallel = {"persistent_workers": True, "prefetch_factor": 8} if args.workers > 0 else {}
    loader = DataLoader(
        SyntheticLines(training_fonts(), args.seed, step, args.batch,
                       per_batch(max_chars_at(args.steps, curriculum_on=args.init is None), step, args.repeat),
                       crops, args.crop_share, args.printed_share),
        batch_size=None, num_workers=args.workers, **parallel,
    )
    ctc = torch.nn.CTCLoss(blank=BLANK, zero_infinity=True)
    started = time.time()
    window_loss, window_lines, window_started = 0.0, 0, time.time()

    def checkpoint(evaluate: bool) -> None:
        nonlocal best
        if evaluate:
            predictions = read_lines(model, [image for image, _ in held_out], device)
            result = score(predictions, [text for _, text in held_out])
            say(f"step {step} held-out fonts: CER {result['cer']:.4f}, exact {result['exact']:.4f} over {result['lines']} lines")
            misses = [(p, t) for p, (_, t) in zip(predictions, held_out) if p != t][:5]
            for p, t in misses:
                say(f"    read {p!r}  want {t!r}")
            if result["exact"] > best:
                best = result["exact"]
                save(args.run / "best.pt", model=model.state_dict(), arch=arch, step=step, exact=best, cer=result["cer"])
        save(last, model=model.state_dict(), arch=arch, optimizer=optimizer.state_dict(), step=step, best=best)

    def train_step(x, targets, frames, lengths, texts, first_pass: bool) -> None:
        nonlocal step, window_loss, window_lines, window_started
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(step, args)
        with torch.autocast(device.type, dtype=torch.bfloat16, enabled=args.bf16):
            logits = model(x.to(device, non_blocking=True))
        log_probs = logits.float().log_softmax(1).permute(2, 0, 1)  # [T, N, C]; CTC in float32
        loss = ctc(log_probs, targets.to(device), frames.to(device), lengths.to(device))
        optimizer.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 5.0)
        optimizer.step()
        step += 1
        window_loss += loss.item()
        if first_pass:  # the rate printed is the renderer's: lines drawn, not lines trained on
            window_lines += len(texts)
        if step % 100 == 0:
            best_classes = logits.argmax(1)
            blank_share = (best_classes == BLANK).float().mean().item()
            rate = window_lines / (time.time() - window_started)
            say(f"step {step} loss {window_loss / 100:.4f} lr {learning_rate(step, args):.2e} blank frames {blank_share:.2f} {rate:.0f} lines/s")
            if step % 500 == 0:
                for k in range(2):
                    say(f"    read {greedy_decode(best_classes[k, : frames[k]].tolist())!r}  want {texts[k]!r}")
            window_loss, window_lines, window_started = 0.0, 0, time.time()
        if step % args.eval_every == 0:
            checkpoint(evaluate=True)

    def done() -> bool:
        return step >= args.steps or bool(args.minutes and time.time() - started > args.minutes * 60)

    model.train()
    batches = 0
    for batch in loader:
        if done():
            break
        batches += 1
        for attempt in range(args.repeat):
            train_step(*batch, first_pass=attempt == 0)
            if done():
                break
    checkpoint(evaluate=True)
    repeated = f", each trained on {args.repeat} times" if args.repeat > 1 else ""
    say(f"stopped at step {step} after {(time.time() - started) / 60:.1f} min ({batches} batches rendered{repeated}); "
        f"best held-out exact {best:.4f}")


if __name__ == "__main__":
    main()
