import tempfile
import unittest
from pathlib import Path

import onnx
import torch
from onnx import numpy_helper

from recibo_rec import export, train
from recibo_rec.charset import encode
from recibo_rec.dataset import collate, fixed_set, to_tensor
from recibo_rec.fonts import training_fonts
from recibo_rec.recover import recover

from .support import ensure_fonts

COMMITTED = export.ROOT / "models" / f"{export.MODEL_ID}.onnx"


def batch(seed: int, count: int) -> torch.Tensor:
    lines = fixed_set(training_fonts(), seed=seed, count=count)
    x, *_ = collate([(to_tensor(image), torch.tensor(encode(text)), text) for image, text in lines])
    return x


def conv_weights(path: Path) -> list:
    graph = onnx.load(str(path)).graph
    tensors = {t.name: numpy_helper.to_array(t) for t in graph.initializer}
    return [(tensors[n.input[1]], tensors[n.input[2]]) for n in graph.node if n.op_type == "Conv"]


class RecoverTest(unittest.TestCase):
    """The committed model rebuilt as training weights: the same network, ready to train on."""

    @classmethod
    def setUpClass(cls):
        ensure_fonts()
        cls.model = recover(COMMITTED, batch(seed=11, count=64))

    def test_exported_again_it_is_the_committed_model(self):
        with tempfile.TemporaryDirectory() as tmp:
            checkpoint, out = Path(tmp) / "recovered.pt", Path(tmp) / "again.onnx"
            torch.save({"model": self.model.state_dict(), "step": 0}, checkpoint)
            export.export(checkpoint, out)
            for (w0, b0), (w1, b1) in zip(conv_weights(COMMITTED), conv_weights(out), strict=True):
                self.assertLess(abs(w0 - w1).max(), 1e-4 * max(1.0, abs(w0).max()))
                self.assertLess(abs(b0 - b1).max(), 1e-4 * max(1.0, abs(b0).max()))

    def test_train_mode_reads_as_eval_mode_on_new_lines(self):
        # Batch statistics of other lines stay close to the calibrated ones: training resumes
        # from the committed model's behaviour, not from a network whose normalisation is off.
        x = batch(seed=12, count=64)
        with torch.no_grad():
            evaluated = self.model.eval()(x).argmax(1)
            trained = self.model.train()(x).argmax(1)
        self.model.eval()
        agreement = (evaluated == trained).float().mean().item()
        self.assertGreater(agreement, 0.97)

    def test_a_new_schedule_starts_from_the_committed_model(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = Path(tmp) / "run"
            train.main(["--run", str(run), "--init", str(COMMITTED), "--steps", "1", "--lr", "0", "--batch", "4",
                        "--workers", "0", "--warmup", "1", "--eval-lines", "20"])
            log = (run / "train.log").read_text(encoding="utf-8")
            self.assertIn(f"weights from {COMMITTED}", log)
            # Held-out fonts are read as the committed model reads them, not as a fresh network.
            exact = float(log.split("exact ")[-1].split()[0].rstrip(","))
            self.assertGreater(exact, 0.6)

    def test_rejects_another_architecture(self):
        with tempfile.TemporaryDirectory() as tmp:
            other = Path(tmp) / "other.onnx"
            model = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3)).eval()
            torch.onnx.export(model, torch.zeros(1, 3, 32, 32), str(other), opset_version=13)
            with self.assertRaisesRegex(ValueError, "not this architecture"):
                recover(other, batch(seed=11, count=2))


if __name__ == "__main__":
    unittest.main()
