import tempfile
import unittest
from pathlib import Path

import torch

from recibo_rec import widen
from recibo_rec.model import LineRecognizer, architecture, from_checkpoint

from .test_recover import exported, trained_looking

WIDE = (32, 64, 128, 192)


# The wide model computes the narrow one's function, but float32 sums its split weights in
# another order: on AVX2-only processors (no AVX-512) outputs differ by up to 2e-4. A widening
# that changed the function would differ by whole units.
SAME = {"rtol": 1e-3, "atol": 1e-3}


def lines(seed: int) -> torch.Tensor:
    return torch.rand(4, 3, 32, 96, generator=torch.Generator().manual_seed(seed)) * 2 - 1


class WidenTest(unittest.TestCase):
    """A wider model that computes what the narrow one computes, and can still learn apart."""

    def setUp(self):
        self.narrow = trained_looking(LineRecognizer(), seed=3)

    def test_the_wide_model_has_the_new_widths_and_the_same_outputs(self):
        wide = widen.widened(self.narrow, WIDE, 256, seed=1)
        self.assertEqual(architecture(wide), {"widths": list(WIDE), "head": 256})
        x = lines(0)
        torch.testing.assert_close(wide(x), self.narrow(x), **SAME)

    def test_batch_statistics_in_training_give_the_same_outputs_too(self):
        wide = widen.widened(self.narrow, WIDE, 256, seed=1)
        for model in (self.narrow, wide):  # BatchNorm on batch statistics, dropout off
            model.train()
            model.head[-2].eval()
        x = lines(1)
        torch.testing.assert_close(wide(x), self.narrow(x), **SAME)

    def test_a_copy_and_its_original_part_after_one_step(self):
        wide = widen.widened(self.narrow, WIDE, 256, seed=1)
        first = wide.backbone[0].weight
        originals = [k for k in range(16) if torch.equal(first[16], first[k])]
        self.assertEqual(len(originals), 1, "each new channel starts as a copy of one old channel")
        original = originals[0]
        optimizer = torch.optim.SGD(wide.parameters(), lr=0.1)
        wide(lines(2)).square().mean().backward()
        optimizer.step()
        self.assertFalse(torch.equal(first[16], first[original]))

    def test_an_exported_model_widens_into_a_checkpoint_train_takes(self):
        with tempfile.TemporaryDirectory() as tmp:
            onnx = exported(self.narrow, Path(tmp))
            out = Path(tmp) / "wide.pt"
            widen.main([str(onnx), "--widths", "24,48,96,160", "--head", "224", "--seed", "2", "--out", str(out)])
            wide = from_checkpoint(torch.load(out)).eval()
        self.assertEqual(architecture(wide), {"widths": [24, 48, 96, 160], "head": 224})
        x = lines(3)
        torch.testing.assert_close(wide(x), self.narrow(x), **SAME)

    def test_refuses_to_narrow(self):
        with self.assertRaisesRegex(ValueError, "cannot narrow"):
            widen.widened(self.narrow, (8, 32, 64, 128), 192)


if __name__ == "__main__":
    unittest.main()
