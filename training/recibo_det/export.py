"""python3 -m recibo_det.export runs/det1/best.pt [--out ../models/recibo-det.onnx] [--manifest ../models/manifest.json]

Writes the distilled detector as ONNX: the teacher's file with each separable convolution's
node replaced by its two (1 x 1, then depthwise), the neck's and head's weights replaced by the
trained ones, everything else byte for byte the teacher's. Then its entry in the app's model
manifest (sha256, and the teacher's input, output and normalisation, which it shares).
"""
from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import onnx
import torch
from onnx import helper, numpy_helper

from .distill import TEACHER
from .graph import OnnxGraph
from .student import SEPARABLE, Separable, build_student

ROOT = Path(__file__).resolve().parents[2]
MODEL_ID = "recibo-det"
TEACHER_ID = "ppocrv4-det"
LIMIT_BYTES = 20 * 1024 * 1024


def student_from(checkpoint: Path, teacher: onnx.ModelProto) -> OnnxGraph:
    state = torch.load(checkpoint, map_location="cpu")
    student = build_student(teacher)
    student.load_state_dict(state["student"])
    return student.eval()


def write_onnx(student: OnnxGraph, teacher: onnx.ModelProto) -> onnx.ModelProto:
    model = onnx.ModelProto()
    model.CopyFrom(teacher)
    graph = model.graph
    trained = {student.weight_names[k]: p.detach().numpy() for k, p in student.weights.items()}
    replaced_weights = set()
    for name in SEPARABLE:
        index, node = next((i, n) for i, n in enumerate(graph.node) if n.output[0] == name)
        module = student.replaced[name.replace(".", "__")]
        assert isinstance(module, Separable)
        pw, dw = f"{name}.pointwise", f"{name}.depthwise"
        graph.initializer.extend([
            numpy_helper.from_array(module.pointwise.weight.detach().numpy().astype(np.float32), pw),
            numpy_helper.from_array(module.depthwise.weight.detach().numpy().astype(np.float32), dw),
        ])
        inputs = [node.input[0], dw]
        if module.depthwise.bias is not None:
            bias = f"{name}.bias"
            graph.initializer.append(numpy_helper.from_array(module.depthwise.bias.detach().numpy().astype(np.float32), bias))
            inputs.append(bias)
        kh, kw = module.depthwise.kernel_size
        first = helper.make_node("Conv", [node.input[0], pw], [f"{name}.mid"], name=f"{name}.pointwise", kernel_shape=[1, 1])
        second = helper.make_node("Conv", [f"{name}.mid", *inputs[1:]], [name], name=f"{name}.depthwise",
                                  kernel_shape=[kh, kw], pads=[kh // 2, kw // 2, kh // 2, kw // 2], group=module.depthwise.out_channels)
        replaced_weights.update(i for i in node.input[1:] if i)
        del graph.node[index]
        graph.node.insert(index, second)
        graph.node.insert(index, first)
    kept = []
    for init in graph.initializer:
        if init.name in replaced_weights:
            continue
        if init.name in trained:
            init.CopyFrom(numpy_helper.from_array(trained[init.name].astype(np.float32), init.name))
        kept.append(init)
    del graph.initializer[:]
    graph.initializer.extend(kept)
    onnx.checker.check_model(model)
    return model


def manifest_entry(out: Path, teacher_entry: dict, step: int) -> dict:
    return {
        "task": "detect",
        "description": (
            "PP-OCRv4 mobile text detector with its three costliest convolutions separable and its neck and head distilled "
            f"from PP-OCRv4's own maps on the tuning families' pages (training/recibo_det, step {step})"
        ),
        "file": out.name,
        "sha256": hashlib.sha256(out.read_bytes()).hexdigest(),
        "license": "Apache-2.0 (derived from PaddleOCR's PP-OCRv4 detector; neck and head retrained by the Recibo project)",
        "input": teacher_entry["input"],
        "output": teacher_entry["output"],
        "normalisation": teacher_entry["normalisation"],
    }


def main(argv=None) -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("checkpoint", type=Path)
    p.add_argument("--out", type=Path, default=ROOT / "models" / f"{MODEL_ID}.onnx")
    p.add_argument("--manifest", type=Path, default=ROOT / "models" / "manifest.json")
    args = p.parse_args(argv)
    teacher = onnx.load(str(TEACHER))
    student = student_from(args.checkpoint, teacher)
    onnx.save(write_onnx(student, teacher), str(args.out))
    size = args.out.stat().st_size
    if size > LIMIT_BYTES:
        raise SystemExit(f"{args.out} is {size} bytes, over the 20 MB a committed model may take")
    manifest = json.loads(args.manifest.read_text(encoding="utf-8"))
    step = torch.load(args.checkpoint, map_location="cpu")["step"]
    manifest["models"][MODEL_ID] = manifest_entry(args.out, manifest["models"][TEACHER_ID], step)
    args.manifest.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"{args.out}: {size:,} bytes; {args.manifest}: entry {MODEL_ID} written")


if __name__ == "__main__":
    main()
