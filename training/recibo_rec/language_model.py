"""A character n-gram language model of receipt text, for the app's CTC beam search.

    python3 -m recibo_rec.language_model [--out ../models/recibo-lm-es.bin] [--lines 200000] [--seed lm]

writes the model and its block in the recogniser's manifest entry (`languageModel`: file, sha256,
and the beam search's options, DECODING unless the entry already has its own).

The recogniser reads each frame on its own; it cannot know that `camprobante` is no word and
`comprobante` is. The app's decoder (src-main/ocr/worker/pipeline/recognition/ctc-beam.ts) weighs the recogniser's
readings of a line with this model's probability of the text, so where the pixels leave two
letters close, the word decides.

The model is trained on the recogniser's own corpus (corpus.line and corpus.printed_line, mixed
as the training stream mixes them, till marks included) and knows nothing of how anything looks. It is deliberately
coarse, so that it learns spelling and formats rather than the corpus's lists:
- case is folded (`TOTAL` and `Total` are one word; the pixels decide the case), accents are not
  (`cumpleaños` against `cumpleanos` is what it is for);
- every digit is one class, `0`, its probability split evenly between the ten (which digit was
  printed is the pixels' to say; that one was printed is the model's);
- contexts of up to ORDER - 1 characters, interpolated Witten-Bell, n-grams of three characters
  or more seen fewer than `min_count` times dropped (most are random digits and names).

The file holds the model in backoff form: for every n-gram kept, ln p(w | h) by h + w
(`ngrams`), and for every context kept, ln(1 - lambda_h) (`backoff`); `unseen` is the unigram
floor, ln((1 - lambda) / |alphabet|). p(w | h) is the n-gram's when it is kept, else h's backoff
(0 when absent) + p(w | h[1:]), down to `unseen`. `floor` is mixed in at run time,
p' = (1 - floor) p + floor / |alphabet|, so that no reading the pixels are sure of is ever
vetoed by the text. Each table is two arrays, little-endian: the keys as float64 codes,
ascending, and the values as float32. A key's code is sum(index(s[i]) * base**i) over its
characters, index 1 for BOS and 2.. for the alphabet's characters in order, base their count + 2
(exact in a float64 for keys up to 8 characters). `corpus` records the recipe (lines, seed, the
share of printed lines): same recipe, same file, on any machine.

The file (version 2) is binary, so that a process reading one screenshot loads it in a few
milliseconds (the JSON with base64 tables of version 1 took 45 ms to decode and parse): the 8
bytes `RECIBOLM`; the header's length as a little-endian uint32; the header, UTF-8 JSON (every
field above, each table as its `count`), padded with spaces to a multiple of 8 bytes from the
file's start; then the n-gram keys, the backoff keys, the n-gram values and the backoff values,
back to back. In memory (`build`, `decode`) the tables are base64 strings, as `LanguageModel`
reads them.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import math
import random
import struct
from array import array
from collections import Counter, defaultdict
from pathlib import Path

from . import corpus
from .charset import CHARACTERS
from .dataset import PRINTED_MARKS_SHARE, PRINTED_SHARE
from .export import MODEL_ID, ROOT

ORDER = 6
MIN_COUNT = 3
FLOOR = 0.05
BOS, EOS = "\u0002", "\u0003"
#: The app's beam search (src-main/ocr/worker/pipeline/recognition/ctc-beam.ts): the model's weight, the bonus a
#: character earns, hypotheses kept, and the least probability of a class tried in a frame.
DECODING = {"weight": 0.3, "charBonus": 1.0, "beamWidth": 8, "minProbability": 0.0003}
DIGIT = "0"
FILE_VERSION = 2
MAGIC = b"RECIBOLM"
#: The arrays after the header, in file order: table, part, bytes per item.
ARRAYS = (("ngrams", "keys", 8), ("backoff", "keys", 8), ("ngrams", "values", 4), ("backoff", "values", 4))


def fold(ch: str) -> str:
    """The model's class of a character: digits are one class, capitals their small letter."""
    return DIGIT if ch.isdigit() else ch.lower()


#: The folded characters the recogniser can write, and the end of a line.
ALPHABET = "".join(sorted({fold(c) for c in CHARACTERS})) + EOS
assert all(len(fold(c)) == 1 for c in CHARACTERS), "a character folds to more than one"


def training_text(count: int, seed: str, printed_share: float = PRINTED_SHARE) -> list[str]:
    """`count` lines of the recogniser's corpus, printed till lines mixed in as the training stream
    mixes them, with its till marks (hyphens, `*`, `@`: corpus.till_marks_line)."""
    r = random.Random(seed)
    return [corpus.printed_line(r, marks=PRINTED_MARKS_SHARE) if r.random() < printed_share else corpus.line(r) for _ in range(count)]


def count_ngrams(lines: list[str], order: int, min_count: int) -> list[dict[str, Counter]]:
    """counts[n][h][w] for contexts h of n folded characters (lines padded with BOS, ended by EOS);
    for n >= 2 the n-grams seen fewer than `min_count` times dropped."""
    counts: list[dict[str, Counter]] = [defaultdict(Counter) for _ in range(order)]
    for line in lines:
        s = BOS * (order - 1) + "".join(map(fold, line)) + EOS
        for i in range(order - 1, len(s)):
            for n in range(order):
                counts[n][s[i - n:i]][s[i]] += 1
    for n in range(2, order):
        for h in list(counts[n]):
            kept = Counter({w: k for w, k in counts[n][h].items() if k >= min_count})
            if kept:
                counts[n][h] = kept
            else:
                del counts[n][h]
    return counts


def build(lines: list[str], order: int = ORDER, min_count: int = MIN_COUNT, floor: float = FLOOR) -> dict:
    """The model of `lines`, as the JSON the app reads."""
    counts = count_ngrams(lines, order, min_count)
    size = len(ALPHABET)
    unigrams = counts[0][""]
    total, types = sum(unigrams.values()), len(unigrams)
    lam = total / (total + types)
    unseen = (1 - lam) / size
    # p[n][h][w]: the interpolated probability of every n-gram kept, context by context.
    p: list[dict[str, dict[str, float]]] = [{"": {w: lam * k / total + unseen for w, k in unigrams.items()}}]
    backoff: dict[str, float] = {}

    def lower(h: str, w: str, n: int) -> float:
        """p(w | h) from the model of contexts n characters long, h already cut to them."""
        if n == 0:
            return p[0][""].get(w, unseen)
        table = p[n].get(h)
        if table is not None and w in table:
            return table[w]
        return math.exp(backoff.get(h, 0.0)) * lower(h[1:], w, n - 1)

    for n in range(1, order):
        p.append({})
        for h, seen in counts[n].items():
            total, types = sum(seen.values()), len(seen)
            lam = total / (total + types)
            backoff[h] = math.log(1 - lam)
            p[n][h] = {w: lam * k / total + (1 - lam) * lower(h[1:], w, n - 1) for w, k in seen.items()}
    ngrams = {h + w: math.log(v) for table in p for h, row in table.items() for w, v in row.items()}
    return {
        "format": "recibo-char-lm",
        "version": FILE_VERSION,
        "order": order,
        "alphabet": ALPHABET,
        "bos": BOS,
        "eos": EOS,
        "digit": DIGIT,
        "floor": floor,
        "unseen": math.log(unseen),
        "ngrams": table(ngrams),
        "backoff": table(backoff),
    }


#: A character's digit in a key's code, and the codes' base (the module's docstring).
CODE_INDEX = {c: k + 2 for k, c in enumerate(ALPHABET)} | {BOS: 1}
CODE_BASE = len(ALPHABET) + 2


def code(key: str) -> int:
    """A key's number in the file's tables (the module's docstring)."""
    return sum(CODE_INDEX[c] * CODE_BASE ** i for i, c in enumerate(key))


def table(values: dict[str, float]) -> dict:
    """Keys and values as the file stores them: codes ascending, float64 and float32, in base64."""
    rows = sorted((code(key), value) for key, value in values.items())
    as_base64 = lambda kind, items: base64.b64encode(array(kind, items).tobytes()).decode("ascii")  # noqa: E731
    assert array("d", [1.0]).tobytes()[-1] == 0x3F, "the tables are written little-endian"
    return {"count": len(rows), "keys": as_base64("d", [float(k) for k, _ in rows]), "values": as_base64("f", [v for _, v in rows])}


def read_table(stored: dict) -> dict[int, float]:
    keys, values = array("d"), array("f")
    keys.frombytes(base64.b64decode(stored["keys"]))
    values.frombytes(base64.b64decode(stored["values"]))
    return {int(k): v for k, v in zip(keys, values)}


class LanguageModel:
    """The file's model, read as the app reads it (src-main/ocr/worker/pipeline/recognition/char-lm.ts), for tests."""

    def __init__(self, model: dict):
        self.order, self.floor, self.size = model["order"], model["floor"], len(model["alphabet"])
        self.ngrams, self.backoff, self.unseen = read_table(model["ngrams"]), read_table(model["backoff"]), model["unseen"]

    def logp(self, text: str, ch: str) -> float:
        """ln p(ch | text), `ch` a character the recogniser writes or EOS, `text` the line so far."""
        h = (BOS * (self.order - 1) + "".join(map(fold, text)))[-(self.order - 1):]
        w = EOS if ch == EOS else fold(ch)
        bow = 0.0
        for n in range(self.order - 1, -1, -1):
            context = h[len(h) - n:] if n else ""
            value = self.ngrams.get(code(context + w))
            if value is not None:
                lp = bow + value
                break
            bow += self.backoff.get(code(context), 0.0) if n else 0.0
        else:
            lp = bow + self.unseen
        mixed = math.log((1 - self.floor) * math.exp(lp) + self.floor / self.size)
        return mixed - math.log(10) if ch != EOS and ch.isdigit() else mixed


def encode(model: dict) -> bytes:
    """The file's bytes for a model as `build` returns it (the module's docstring)."""
    header = {key: {"count": value["count"]} if key in ("ngrams", "backoff") else value for key, value in model.items()}
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    text += b" " * (-(len(MAGIC) + 4 + len(text)) % 8)
    return MAGIC + struct.pack("<I", len(text)) + text + b"".join(base64.b64decode(model[table][part]) for table, part, _ in ARRAYS)


def decode(data: bytes) -> dict:
    """A file's model in the form `build` returns it."""
    if data[:len(MAGIC)] != MAGIC:
        raise ValueError("not a recibo-char-lm file: it does not start with RECIBOLM")
    (size,) = struct.unpack_from("<I", data, len(MAGIC))
    start = len(MAGIC) + 4
    model = json.loads(data[start:start + size].decode("utf-8"))
    offset = start + size
    for table, part, width in ARRAYS:
        end = offset + width * model[table]["count"]
        model[table][part] = base64.b64encode(data[offset:end]).decode("ascii")
        offset = end
    if offset != len(data):
        raise ValueError(f"the file holds {len(data)} bytes, its header describes {offset}")
    for table in ("ngrams", "backoff"):
        model[table] = {"count": model[table]["count"], "keys": model[table]["keys"], "values": model[table]["values"]}
    return model


def model_file(lines: int, seed: str) -> bytes:
    """The file `main` writes: the model of `lines` corpus lines drawn with `seed`, with that recipe
    recorded, so anyone can rebuild the same bytes."""
    model = build(training_text(lines, seed)) | {"corpus": {"lines": lines, "seed": seed, "printedShare": PRINTED_SHARE,
                                                          "printedMarksShare": PRINTED_MARKS_SHARE}}
    return encode(model)


def manifest_block(out: Path, lines: int, seed: str, decoding: dict) -> dict:
    """The recogniser's `languageModel` entry for the model written to `out`."""
    return {
        "file": out.name,
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "description": f"character {ORDER}-gram model of the recogniser's corpus, {lines} lines, seed {seed!r} (training/recibo_rec/language_model.py)",
        **{key: decoding.get(key, value) for key, value in DECODING.items()},
    }


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", type=Path, default=ROOT / "models" / "recibo-lm-es.bin")
    p.add_argument("--manifest", type=Path, default=ROOT / "models" / "manifest.json")
    p.add_argument("--lines", type=int, default=200_000)
    p.add_argument("--seed", default="lm")
    args = p.parse_args(argv)
    data = model_file(args.lines, args.seed)
    args.out.write_bytes(data)
    model = decode(data)
    print(f"{args.out}: order {ORDER}, {model['ngrams']['count']} n-grams, {model['backoff']['count']} contexts, "
          f"{len(data) / 1e6:.1f} MB, from {args.lines} lines (seed {args.seed!r})")
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    entry = manifest["models"][MODEL_ID]
    entry["languageModel"] = manifest_block(args.out, args.lines, args.seed, entry.get("languageModel", {}))
    args.manifest.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{args.manifest}: {MODEL_ID}.languageModel written")


if __name__ == "__main__":
    main()
