"""python3 -m recibo_rec.export runs/es1/best.pt [--out ../models/recibo-rec-es.onnx] [--manifest ../models/manifest.json]

Exports a checkpoint to ONNX (dynamic batch and width, probabilities [N, frames, classes]) and
writes its entry in the app's model manifest: sha256, input height, normalisation, charset and
blank index, so the app reads it exactly as it was trained.
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import onnx
import torch

from .charset import BLANK, CHARACTERS
from .model import ExportedRecognizer, from_checkpoint
from .render import HEIGHT, MAX_WIDTH

ROOT = Path(__file__).resolve().parents[2]
MODEL_ID = "recibo-rec-es"
LIMIT_BYTES = 10 * 1024 * 1024


def export(checkpoint: Path, out: Path) -> dict:
    state = torch.load(checkpoint, map_location="cpu")
    model = from_checkpoint(state)
    wrapped = ExportedRecognizer(model).eval()
    example = torch.zeros(2, 3, HEIGHT, 160)
    torch.onnx.export(
        wrapped, example, str(out), input_names=["x"], output_names=["probabilities"], opset_version=13,
        dynamic_axes={"x": {0: "N", 3: "W"}, "probabilities": {0: "N", 1: "T"}},
        # BatchNorm stays a node of its own, statistics and all, so recover.py rebuilds the training
        # weights exactly; onnxruntime folds it into the convolution when it loads the model.
        training=torch.onnx.TrainingMode.PRESERVE, do_constant_folding=False,
    )
    onnx.checker.check_model(onnx.load(str(out)))
    size = out.stat().st_size
    if size > LIMIT_BYTES:
        raise SystemExit(f"{out} is {size} bytes, over the 10 MB the issue allows")
    return {"step": state.get("step"), "origin": state.get("origin"), "exact": state.get("exact"), "cer": state.get("cer"),
            "bytes": size}


def made(trained: dict) -> str:
    """How the checkpoint came about: averaged from two (average.py) or trained to a step."""
    return trained.get("origin") or f"step {trained['step']}"


def manifest_entry(out: Path, trained: dict) -> dict:
    return {
        "task": "recognize",
        "description": (
            "Recibo's own Spanish receipt-line recogniser (convolutional CTC, trained on rendered receipt lines; "
            f"training/README.md), {made(trained)}"
        ),
        "file": out.name,
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "license": "UNLICENSED (trained by the Recibo project)",
        "input": {"name": "x", "shape": ["N", 3, HEIGHT, "W"]},
        "output": "probabilities",
        "normalisation": {"mean": [0.5, 0.5, 0.5], "std": [0.5, 0.5, 0.5], "order": "RGB"},
        "charset": {"characters": CHARACTERS},
        "classes": {"blank": BLANK, "charsetOffset": 1, "appendSpace": False},
        "maxWidth": MAX_WIDTH,
    }


#: Keys of the manifest entry that say how the app reads the model's lines, set beside it rather
#: than by the export: the lines read twice, the gap that splits words and the language model the lines are decoded
#: with (language_model.py).
APP_SETTINGS = ("rereadBelow", "wordGapRatio", "languageModel")


def with_app_settings(entry: dict, previous: dict) -> dict:
    """A new export's manifest entry with the app's settings of the entry it replaces."""
    return entry | {key: previous[key] for key in APP_SETTINGS if key in previous}


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("checkpoint", type=Path)
    p.add_argument("--out", type=Path, default=ROOT / "models" / f"{MODEL_ID}.onnx")
    p.add_argument("--manifest", type=Path, default=ROOT / "models" / "manifest.json")
    args = p.parse_args(argv)
    trained = export(args.checkpoint, args.out)
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    entry = manifest_entry(args.out, trained)
    manifest["models"][MODEL_ID] = with_app_settings(entry, manifest["models"].get(MODEL_ID, {}))
    args.manifest.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{args.out}: {trained['bytes']:,} bytes, {made(trained)}, held-out exact {trained['exact']}, CER {trained['cer']}")
    print(f"{args.manifest}: entry {MODEL_ID} written")
    # The int8 copy the fast and balanced profiles run is quantised from this file: the old one
    # no longer matches, and the entry is written without it until it is made again.
    print("now run `npm run models:quantize` to write its int8 copy (models/manifest.json is incomplete until then)")


if __name__ == "__main__":
    main()
