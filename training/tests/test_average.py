import tempfile
import unittest
from pathlib import Path

import torch

from recibo_rec import average, export
from recibo_rec.model import LineRecognizer
from recibo_rec.recover import recover

from .test_recover import exported, same_weights, trained_looking


class AverageTest(unittest.TestCase):
    """Two models of one architecture averaged into a checkpoint the export takes."""

    def setUp(self):
        self.a = trained_looking(LineRecognizer(), seed=1)
        self.b = trained_looking(LineRecognizer(), seed=2)

    def test_the_ends_are_the_models_themselves(self):
        self.assertTrue(same_weights(average.averaged(self.a, self.b, 0.0), self.a))
        self.assertTrue(same_weights(average.averaged(self.a, self.b, 1.0), self.b))

    def test_every_weight_and_statistic_is_mixed_by_the_weight(self):
        mixed = average.averaged(self.a, self.b, 0.25).state_dict()
        left, right = self.a.state_dict(), self.b.state_dict()
        floating = [k for k in mixed if mixed[k].is_floating_point()]
        self.assertTrue(any("running_var" in k for k in floating))
        for key in floating:
            torch.testing.assert_close(mixed[key], 0.75 * left[key] + 0.25 * right[key])
        self.assertFalse(same_weights(average.averaged(self.a, self.b, 0.25), self.a))

    def test_refuses_other_architectures_and_weights_outside_0_1(self):
        with self.assertRaisesRegex(ValueError, "different architectures"):
            average.averaged(self.a, LineRecognizer((24, 48, 96, 160), 224), 0.5)
        with self.assertRaisesRegex(ValueError, r"\[0, 1\]"):
            average.averaged(self.a, self.b, 1.5)

    def test_an_onnx_and_a_checkpoint_average_into_an_exportable_checkpoint(self):
        with tempfile.TemporaryDirectory() as tmp:
            tmp = Path(tmp)
            (tmp / "a").mkdir()
            onnx_a = exported(self.a, tmp / "a")
            checkpoint_b = tmp / "b.pt"
            torch.save({"model": self.b.state_dict(), "arch": {"widths": [16, 32, 64, 128], "head": 192}, "step": 9},
                       checkpoint_b)
            out = tmp / "avg" / "last.pt"
            average.main([str(onnx_a), str(checkpoint_b), "--weight", "0.5", "--out", str(out)])
            onnx_out = tmp / "avg.onnx"
            trained = export.export(out, onnx_out)
            self.assertTrue(same_weights(recover(onnx_out), average.averaged(self.a, self.b, 0.5)))
            description = export.manifest_entry(onnx_out, trained)["description"]
            self.assertIn(f"0.5 x {onnx_a} + 0.5 x {checkpoint_b}", description)


if __name__ == "__main__":
    unittest.main()
