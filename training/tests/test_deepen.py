import tempfile
import unittest
from pathlib import Path

import torch

from recibo_rec import average, deepen, widen
from recibo_rec.model import LineRecognizer, architecture, from_checkpoint
from recibo_rec.recover import recover

from .test_recover import exported, same_weights, trained_looking


def lines(seed: int, width: int = 160) -> torch.Tensor:
    return torch.rand(4, 3, 32, width, generator=torch.Generator().manual_seed(seed)) * 2 - 1


class DeepenTest(unittest.TestCase):
    """Context blocks added to a trained model: the same outputs at first, and blocks that learn."""

    def setUp(self):
        self.model = trained_looking(LineRecognizer(), seed=5)

    def test_the_deepened_model_records_its_blocks_and_computes_the_same(self):
        deep = deepen.deepened(self.model, (8, 16))
        self.assertEqual(architecture(deep), {"widths": [16, 32, 64, 128], "head": 192, "context": [8, 16]})
        self.assertEqual(len(deep.context), 2)
        x = lines(0)
        torch.testing.assert_close(deep(x), self.model(x), rtol=0, atol=0)

    def test_batch_statistics_in_training_give_the_same_outputs_too(self):
        deep = deepen.deepened(self.model, (8, 16))
        for model in (self.model, deep):  # BatchNorm on batch statistics, dropout off
            model.train()
            model.head[-2].eval()
        x = lines(1)
        torch.testing.assert_close(deep(x), self.model(x), rtol=0, atol=0)

    def test_a_block_sees_farther_than_the_head_alone(self):
        # A change in the line's first 8 px reaches 14 frames (56 px) further through the head
        # alone, and 24 frames more through blocks of dilation 8 and 16.
        deep = deepen.deepened(self.model, (8, 16))
        with torch.no_grad():
            for block in deep.context:
                block.out.weight.normal_(0, 0.1, generator=torch.Generator().manual_seed(2))
        x = lines(2, width=400)
        changed = x.clone()
        changed[:, :, :, :8] = -changed[:, :, :, :8]
        for model, reach in ((self.model, 14), (deep, 14 + 8 + 16)):
            frames_moved = (model.eval()(x) - model(changed)).abs().amax(dim=(0, 1)) > 1e-6
            self.assertEqual(frames_moved.nonzero().max().item(), reach)

    def test_the_new_blocks_learn_from_zero(self):
        deep = deepen.deepened(self.model, (8,)).train()
        optimizer = torch.optim.SGD(deep.parameters(), lr=0.1)
        for _ in range(2):
            optimizer.zero_grad()
            deep(lines(3)).square().mean().backward()
            optimizer.step()
        self.assertGreater(deep.context[0].out.weight.abs().sum().item(), 0)
        self.assertGreater((deep.context[0].conv.weight.grad.abs().sum()).item(), 0)

    def test_an_exported_deep_model_is_rebuilt_exactly_with_its_dilations(self):
        deep = trained_looking(deepen.deepened(LineRecognizer(), (4, 12)), seed=6)
        with tempfile.TemporaryDirectory() as tmp:
            rebuilt = recover(exported(deep, Path(tmp)))
        self.assertEqual(architecture(rebuilt)["context"], [4, 12])
        self.assertTrue(same_weights(deep, rebuilt))
        x = lines(4)
        torch.testing.assert_close(rebuilt.eval()(x), deep.eval()(x))

    def test_an_exported_model_deepens_into_a_checkpoint_train_takes(self):
        with tempfile.TemporaryDirectory() as tmp:
            onnx = exported(self.model, Path(tmp))
            out = Path(tmp) / "deep.pt"
            deepen.main([str(onnx), "--context", "8,16", "--out", str(out)])
            state = torch.load(out)
            deep = from_checkpoint(state).eval()
        self.assertIn("with context blocks [8, 16]", state["origin"])
        x = lines(5)
        torch.testing.assert_close(deep(x), self.model(x), rtol=1e-5, atol=1e-5)

    def test_deep_models_average(self):
        a = deepen.deepened(self.model, (8,))
        b = trained_looking(deepen.deepened(LineRecognizer(), (8,)), seed=7)
        mixed = average.averaged(a, b, 0.5)
        self.assertEqual(architecture(mixed), architecture(a))
        torch.testing.assert_close(mixed.context[0].out.weight, b.context[0].out.weight / 2)

    def test_refusals(self):
        with self.assertRaisesRegex(ValueError, "at least 1"):
            deepen.deepened(self.model, ())
        with self.assertRaisesRegex(ValueError, "at least 1"):
            deepen.deepened(self.model, (0,))
        with self.assertRaisesRegex(ValueError, "before it has context blocks"):
            widen.widened(deepen.deepened(self.model, (8,)), (32, 64, 128, 192), 256)


if __name__ == "__main__":
    unittest.main()
