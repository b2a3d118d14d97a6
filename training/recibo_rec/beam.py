"""CTC prefix beam search with the character language model, scored as the app's decoder scores
it (src-main/ocr/worker/pipeline/recognition/ctc-beam.ts): ln P_ctc(text) + weight * ln P_lm(text) + char_bonus per
character, `beam_width` hypotheses kept a frame, classes under `min_probability` never tried.
For measuring language models in Python (lm_probe.py); the app decodes in TypeScript.
"""
from __future__ import annotations

import math

import numpy as np

from .charset import BLANK, CHARACTERS
from .language_model import DECODING, EOS, LanguageModel

NEG = -math.inf


def log_add(a: float, b: float) -> float:
    if a == NEG:
        return b
    if b == NEG:
        return a
    return max(a, b) + math.log1p(math.exp(-abs(a - b)))


def beam_decode(log_probs: np.ndarray, model: LanguageModel, weight: float = DECODING["weight"],
                char_bonus: float = DECODING["charBonus"], beam_width: int = DECODING["beamWidth"],
                min_probability: float = DECODING["minProbability"]) -> str:
    """The best text for `log_probs` ([frames, classes], natural log, class 0 the blank)."""
    floor = math.log(min_probability)
    # text -> [ln P ending in a blank, ln P ending in its last character, LM and bonus, last class]
    beams: dict[str, list] = {"": [0.0, NEG, 0.0, None]}
    for row in log_probs:
        tried = [int(k) for k in np.nonzero(row >= floor)[0] if k != BLANK]
        merged: dict[str, list] = {}

        def arrive(text: str, blank: float, non_blank: float, lm: float, last) -> None:
            known = merged.get(text)
            if known is None:
                merged[text] = [blank, non_blank, lm, last]
            else:
                known[0], known[1] = log_add(known[0], blank), log_add(known[1], non_blank)

        for text, (blank, non_blank, lm, last) in beams.items():
            total = log_add(blank, non_blank)
            arrive(text, total + float(row[BLANK]), NEG, lm, last)
            for k in tried:
                p = float(row[k])
                if k == last:
                    arrive(text, NEG, non_blank + p, lm, last)
                start = blank if k == last else total
                if start == NEG:
                    continue
                ch = CHARACTERS[k - 1]
                # The language model is asked once per new text; a known one keeps its share.
                added = 0.0 if text + ch in merged else weight * model.logp(text, ch) + char_bonus
                arrive(text + ch, NEG, start + p, lm + added, k)
        ranked = sorted(merged.items(), key=lambda kv: log_add(kv[1][0], kv[1][1]) + kv[1][2], reverse=True)
        beams = dict(ranked[:beam_width])
    ended = lambda kv: log_add(kv[1][0], kv[1][1]) + kv[1][2] + weight * model.logp(kv[0], EOS)  # noqa: E731
    return max(beams.items(), key=ended)[0]

