"""How much of the language model's gain on the held-out lines is knowing the corpus's words.

    python3 -m recibo_rec.lm_probe ../models/recibo-rec-es.onnx [--set ../bench-results/recognizer-eval]

The held-out sets hold fonts out of training, not text: their lines come from the corpus the
language model was trained on, so it knows every name and word in them, which no real receipt
guarantees. This builds a second model (as language_model.main builds the committed one) from the
corpus with every other word of its open lists left out (first and last names, Spanish, English
and till words), and reads each set greedily, with the committed model and with that one (the
beam search as the app runs it, beam.py). It prints exact lines on all of them and on the lines
holding a word the second model never saw: the gain that is left there is spelling and formats,
not memory. The crops are resized in Pillow, not through the app's warp, so the figures sit
near `npm run bench:recognizer`'s and are for comparing the decoders.
"""
from __future__ import annotations

import argparse
import re
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from PIL import Image

from . import corpus, receipt_values
from . import language_model as lm
from .beam import beam_decode
from .charset import greedy_decode
from .sroie_probe import to_model_height

#: The corpus's open word lists (banks and labels are closed: real receipts use the same ones).
OPEN_LISTS = ("first_names", "last_names", "spanish_words", "english_words", "till_words")


@contextmanager
def every_other_word():
    """The corpus with every other word of its open lists left out; yields the words left out."""
    original = receipt_values.words
    kept = {name: original(name)[0::2] for name in OPEN_LISTS}
    left_out = {w.lower() for name in OPEN_LISTS for w in original(name)[1::2]} - {w.lower() for words in kept.values() for w in words}
    # Every generator looks the lists up on receipt_values, so swapping it there swaps them all.
    receipt_values.words = lambda name: kept.get(name) or original(name)
    corpus.till_vocabulary.cache_clear()
    try:
        yield left_out
    finally:
        receipt_values.words = original
        corpus.till_vocabulary.cache_clear()


def log_probs(model, folder: Path) -> tuple[list[np.ndarray], list[str]]:
    """Each line of a set as [frames, classes] natural-log probabilities, and its label."""
    import torch

    from .dataset import to_tensor

    rows = [line.split("\t", 1) for line in (folder / "labels.tsv").read_text(encoding="utf-8").splitlines()]
    out = []
    model.eval()
    with torch.no_grad():
        for file, _ in rows:
            image = np.array(to_model_height(Image.open(folder / file).convert("RGB")), dtype=np.uint8)
            out.append(model(to_tensor(image).unsqueeze(0)).log_softmax(1)[0].T.numpy())
    return out, [text for _, text in rows]


def main(argv=None) -> None:
    import torch

    from .train import initial_model

    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("model", type=Path, help="a checkpoint (.pt) or an exported model (.onnx)")
    p.add_argument("--set", type=Path, default=lm.ROOT / "bench-results" / "recognizer-eval",
                   help="the held-out sets (make_eval; npm run bench:recognizer renders them here)")
    p.add_argument("--language-model", type=Path, default=lm.ROOT / "models" / "recibo-lm-es.bin")
    p.add_argument("--lines", type=int, default=200_000, help="corpus lines for the second model")
    args = p.parse_args(argv)
    torch.set_num_threads(2)
    recogniser = initial_model(args.model)
    committed = lm.LanguageModel(lm.decode(args.language_model.read_bytes()))
    with every_other_word() as left_out:
        partial = lm.LanguageModel(lm.build(lm.training_text(args.lines, "lm")))
    print(f"second model: {args.lines} corpus lines without {len(left_out)} of the open lists' words")
    for name in ("heldout", "shifted"):
        frames, truths = log_probs(recogniser, args.set / name)
        unseen = [any(w.lower() in left_out for w in re.findall(r"[^\W\d_]+", t)) for t in truths]
        decoders = {
            "greedy": lambda f: greedy_decode(f.argmax(1).tolist()),
            "committed model": lambda f: beam_decode(f, committed),
            "without half the words": lambda f: beam_decode(f, partial),
        }
        for label, decode in decoders.items():
            right = [decode(f) == t for f, t in zip(frames, truths)]
            some = [r for r, u in zip(right, unseen) if u]
            print(f"{name:8s} {label:23s} exact {100 * sum(right) / len(right):5.1f}%   "
                  f"lines with a word the second model never saw: {100 * sum(some) / len(some):5.1f}% of {len(some)}", flush=True)


if __name__ == "__main__":
    main()
