"""The recogniser's classes: 0 is the CTC blank, 1.. are CHARACTERS in order (space included).

The order is part of the model: changing it means retraining. models/manifest.json carries the
same string (`charset.characters`, `classes.blank = 0`, `charsetOffset = 1`).
"""

DIGITS = "0123456789"
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
SPANISH = "áéíóúüñÁÉÍÓÚÜÑ¿¡"
# What receipts print besides letters and digits: masks (* and •), separators (| and –), currency.
PUNCTUATION = " .,:;-/*()#+$%&@_'\"!?=[]<>°ºª•|–€"

CHARACTERS = DIGITS + LATIN + SPANISH + PUNCTUATION
BLANK = 0
NUM_CLASSES = len(CHARACTERS) + 1

_INDEX = {c: i + 1 for i, c in enumerate(CHARACTERS)}
assert len(_INDEX) == len(CHARACTERS), "a character appears twice in CHARACTERS"


def encode(text: str) -> list[int]:
    """Class indices of `text`; raises on a character the model cannot write."""
    try:
        return [_INDEX[c] for c in text]
    except KeyError as e:
        raise ValueError(f"{e.args[0]!r} is not in the recogniser's character set (in {text!r})") from None


def covers(text: str) -> bool:
    return all(c in _INDEX for c in text)


def greedy_decode(best: "list[int]") -> str:
    """CTC greedy decoding of per-frame best classes: collapse repeats, drop blanks."""
    out = []
    previous = BLANK
    for k in best:
        if k != previous and k != BLANK:
            out.append(CHARACTERS[k - 1])
        previous = k
    return "".join(out)
