"""Character error rate and exact-line rate, as docs/benchmarks.md reports them."""
from __future__ import annotations


def edit_distance(a: str, b: str) -> int:
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        previous = current
    return previous[-1]


def score(predictions: list[str], truths: list[str]) -> dict[str, float]:
    errors = sum(edit_distance(p, t) for p, t in zip(predictions, truths))
    characters = sum(len(t) for t in truths)
    exact = sum(p == t for p, t in zip(predictions, truths))
    return {"cer": errors / max(1, characters), "exact": exact / max(1, len(truths)), "lines": len(truths)}
