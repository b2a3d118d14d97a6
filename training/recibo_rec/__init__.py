"""Recibo's own text-line recogniser: synthetic receipt lines, a compact CTC model, ONNX export."""
