import tempfile
import unittest
from pathlib import Path

import torch

from recibo_rec import export, train
from recibo_rec.model import ExportedRecognizer, LineRecognizer, architecture
from recibo_rec.recover import recover

from .support import ensure_fonts

COMMITTED = export.ROOT / "models" / f"{export.MODEL_ID}.onnx"


def trained_looking(model: LineRecognizer, seed: int) -> LineRecognizer:
    """Every weight and BatchNorm statistic set to a distinct random value, as training leaves them
    (a fresh model's ones and zeros would hide a statistic read from the wrong place)."""
    g = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        for key, value in model.state_dict().items():
            if value.is_floating_point():
                value.copy_(torch.rand(value.shape, generator=g) + (0.5 if "var" in key else -0.5))
    return model.eval()


def exported(model: LineRecognizer, folder: Path) -> Path:
    checkpoint, out = folder / "model.pt", folder / "model.onnx"
    torch.save({"model": model.state_dict(), "arch": architecture(model), "step": 0}, checkpoint)
    export.export(checkpoint, out)
    return out


def same_weights(a: LineRecognizer, b: LineRecognizer) -> bool:
    left, right = a.state_dict(), b.state_dict()
    return left.keys() == right.keys() and all(
        torch.equal(left[k], right[k]) for k in left if not k.endswith("num_batches_tracked"))


class RecoverTest(unittest.TestCase):
    """A model rebuilt from its ONNX file: the very weights it was exported with."""

    @classmethod
    def setUpClass(cls):
        ensure_fonts()

    def test_rebuilds_exactly_the_exported_weights_and_statistics(self):
        for widths, head in (((16, 32, 64, 128), 192), ((24, 48, 96, 160), 224)):
            with self.subTest(widths=widths), tempfile.TemporaryDirectory() as tmp:
                model = trained_looking(LineRecognizer(widths, head), seed=sum(widths))
                rebuilt = recover(exported(model, Path(tmp)))
                self.assertEqual(architecture(rebuilt), {"widths": list(widths), "head": head})
                self.assertTrue(same_weights(model, rebuilt))

    def test_the_committed_model_exported_again_is_the_same_model(self):
        model = recover(COMMITTED)
        with tempfile.TemporaryDirectory() as tmp:
            self.assertTrue(same_weights(model, recover(exported(model, Path(tmp)))))

    def test_a_new_schedule_starts_from_the_committed_model(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = Path(tmp) / "run"
            train.main(["--run", str(run), "--init", str(COMMITTED), "--steps", "1", "--lr", "0", "--batch", "4",
                        "--workers", "0", "--warmup", "1", "--eval-lines", "20"])
            log = (run / "train.log").read_text(encoding="utf-8")
            self.assertIn(f"weights from {COMMITTED}", log)
            # Held-out fonts are read as the committed model reads them (over 90% of lines in the
            # benchmark), not as a fresh or shaken network.
            exact = float(log.split("exact ")[-1].split()[0].rstrip(","))
            self.assertGreaterEqual(exact, 0.8)

    def test_a_folded_export_is_refused_with_the_way_out(self):
        # Exports made before BatchNorm was kept folded it into the convolutions: its statistics
        # are gone, and the error says to export again from the checkpoint.
        with tempfile.TemporaryDirectory() as tmp:
            folded = Path(tmp) / "folded.onnx"
            torch.onnx.export(ExportedRecognizer(LineRecognizer()).eval(), torch.zeros(1, 3, 32, 64), str(folded),
                              opset_version=13, do_constant_folding=True)
            with self.assertRaisesRegex(ValueError, "export it again from its checkpoint"):
                recover(folded)

    def test_rejects_another_architecture(self):
        with tempfile.TemporaryDirectory() as tmp:
            other = Path(tmp) / "other.onnx"
            model = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3)).eval()
            torch.onnx.export(model, torch.zeros(1, 3, 32, 32), str(other), opset_version=13)
            with self.assertRaisesRegex(ValueError, "not this architecture"):
                recover(other)


if __name__ == "__main__":
    unittest.main()
