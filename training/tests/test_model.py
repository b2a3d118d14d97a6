import contextlib
import io
import re
import tempfile
import unittest
from pathlib import Path

import onnx
import torch

from recibo_rec import export, render_rate, train
from recibo_rec.charset import NUM_CLASSES
from recibo_rec.model import ExportedRecognizer, LineRecognizer, frames_for
from recibo_rec.recover import recover

from .support import ensure_fonts


class ModelTest(unittest.TestCase):
    def test_one_frame_per_four_pixels_for_any_width(self):
        model = LineRecognizer().eval()
        for width in (8, 37, 160, 801):
            with torch.no_grad():
                out = model(torch.zeros(2, 3, 32, width))
            self.assertEqual(tuple(out.shape), (2, NUM_CLASSES, frames_for(width)))

    def test_exported_form_gives_probabilities_per_frame(self):
        wrapped = ExportedRecognizer(LineRecognizer()).eval()
        with torch.no_grad():
            p = wrapped(torch.randn(3, 3, 32, 100))
        self.assertEqual(tuple(p.shape), (3, 25, NUM_CLASSES))
        self.assertTrue(torch.allclose(p.sum(2), torch.ones(3, 25), atol=1e-5))

    def test_small_enough_to_ship(self):
        self.assertLess(sum(p.numel() for p in LineRecognizer().parameters()) * 4, 10 * 1024 * 1024)


class TrainAndExportTest(unittest.TestCase):
    """A few real steps on rendered lines, a resumed run, and an ONNX export of the result."""

    @classmethod
    def setUpClass(cls):
        ensure_fonts()

    def test_train_resume_export(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = Path(tmp) / "run"
            common = ["--run", str(run), "--batch", "4", "--workers", "0", "--warmup", "2", "--eval-every", "1000", "--eval-lines", "4"]
            train.main([*common, "--steps", "2"])
            self.assertEqual(torch.load(run / "last.pt")["step"], 2)
            train.main([*common, "--steps", "3"])
            log = (run / "train.log").read_text(encoding="utf-8")
            self.assertIn("resumed from", log)
            self.assertEqual(torch.load(run / "last.pt")["step"], 3)
            out = Path(tmp) / "rec.onnx"
            trained = export.export(run / "best.pt", out)
            graph = onnx.load(str(out)).graph
            self.assertEqual([i.name for i in graph.input], ["x"])
            self.assertEqual([o.name for o in graph.output], ["probabilities"])
            dims = [d.dim_param or d.dim_value for d in graph.input[0].type.tensor_type.shape.dim]
            self.assertEqual(dims, ["N", 3, 32, "W"])
            self.assertLess(trained["bytes"], export.LIMIT_BYTES)
            entry = export.manifest_entry(out, trained)
            self.assertEqual(entry["input"]["shape"], ["N", 3, 32, "W"])
            self.assertEqual(len(entry["sha256"]), 64)
            # A new schedule on these weights: it starts at step 0 from the trained model.
            tuned = Path(tmp) / "tuned"
            train.main(["--run", str(tuned), "--init", str(run / "last.pt"), *common[2:], "--steps", "1", "--lr", "0"])
            self.assertIn("weights from", (tuned / "train.log").read_text(encoding="utf-8"))
            state = torch.load(tuned / "last.pt")
            self.assertEqual(state["step"], 1)
            before = torch.load(run / "last.pt")["model"]
            weights = [name for name, _ in LineRecognizer().named_parameters()]  # not BatchNorm's running statistics
            self.assertTrue(all(torch.equal(before[k], state["model"][k]) for k in weights), "lr 0 must leave the loaded weights as they were")

    def test_repeat_trains_each_rendered_batch_several_times(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = Path(tmp) / "run"
            train.main(["--run", str(run), "--batch", "4", "--workers", "0", "--warmup", "2", "--eval-every", "1000",
                        "--eval-lines", "4", "--steps", "5", "--repeat", "2"])
            self.assertEqual(torch.load(run / "last.pt")["step"], 5)
            log = (run / "train.log").read_text(encoding="utf-8")
            self.assertIn("stopped at step 5 after", log)
            self.assertIn("(3 batches rendered, each trained on 2 times)", log)
        # 0 would draw batches for ever without a step.
        with self.assertRaises(SystemExit), contextlib.redirect_stderr(io.StringIO()):
            train.parse_args(["--run", "r", "--repeat", "0"])

    def test_the_curriculum_follows_steps_when_batches_repeat(self):
        steps = train.max_chars_at(1000)
        self.assertEqual([train.per_batch(steps, 0, 1)(b) for b in (0, 100, 200)], [steps(0), steps(100), steps(200)])
        # Resumed at step 100 with each batch trained twice: its 50th batch is step 200.
        self.assertEqual(train.per_batch(steps, 100, 2)(150), steps(200))
        self.assertLess(steps(100), steps(200))

    def test_a_new_export_keeps_how_the_app_reads_the_model(self):
        previous = {"file": "old.onnx", "sha256": "0" * 64, "rereadBelow": 0.98, "wordGapRatio": 0.45, "languageModel": {"file": "lm.json"}}
        entry = export.with_app_settings({"file": "new.onnx", "sha256": "1" * 64}, previous)
        self.assertEqual(entry, {"file": "new.onnx", "sha256": "1" * 64, "rereadBelow": 0.98, "wordGapRatio": 0.45, "languageModel": {"file": "lm.json"}})
        self.assertEqual(export.with_app_settings({"file": "new.onnx"}, {}), {"file": "new.onnx"})

    def test_another_width_is_kept_by_resumed_runs_and_the_export(self):
        with tempfile.TemporaryDirectory() as tmp:
            run = Path(tmp) / "run"
            common = ["--run", str(run), "--batch", "4", "--workers", "0", "--warmup", "1", "--eval-lines", "2"]
            train.main([*common, "--steps", "1", "--widths", "8,16,24,40", "--head", "48"])
            train.main([*common, "--steps", "2"])  # resumed without the widths: the checkpoint has them
            state = torch.load(run / "last.pt")
            self.assertEqual((state["step"], state["arch"]), (2, {"widths": [8, 16, 24, 40], "head": 48}))
            out = Path(tmp) / "narrow.onnx"
            export.export(run / "last.pt", out)
            weights = {t.name: tuple(t.dims) for t in onnx.load(str(out)).graph.initializer}
            self.assertEqual(weights["model.head.0.weight"], (48, 40, 3))

    def test_a_bfloat16_forward_trains_float32_weights_that_still_read(self):
        committed = export.ROOT / "models" / f"{export.MODEL_ID}.onnx"
        with tempfile.TemporaryDirectory() as tmp:
            run = Path(tmp) / "run"
            train.main(["--run", str(run), "--init", str(committed), "--batch", "8", "--workers", "0", "--warmup", "1",
                        "--eval-lines", "20", "--steps", "4", "--lr", "1e-4", "--bf16"])
            log = (run / "train.log").read_text(encoding="utf-8")
            self.assertIn("bfloat16 forward", log)
            state = torch.load(run / "last.pt")["model"]
            self.assertTrue(all(v.dtype == torch.float32 for v in state.values() if v.is_floating_point()))
            start = recover(committed).state_dict()
            self.assertFalse(torch.equal(start["head.0.weight"], state["head.0.weight"]), "the steps moved the weights")
            exact = float(re.findall(r"exact ([0-9.]+) over 20 lines", log)[-1])
            self.assertGreaterEqual(exact, 0.8, "a few small steps leave the committed model reading its held-out lines")


class RenderRateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        ensure_fonts()

    def test_counts_the_lines_each_process_renders(self):
        each = render_rate.rates(workers=2, seconds=1.0)
        self.assertEqual(len(each), 2)
        self.assertTrue(all(rate > 5 for rate in each), each)


if __name__ == "__main__":
    unittest.main()
