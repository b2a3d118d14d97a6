import unittest

import numpy as np
import onnx
import torch
import torch.nn.functional as F

from recibo_det.distill import TEACHER
from recibo_det.export import write_onnx
from recibo_det.graph import OnnxGraph
from recibo_det.student import NECK_INPUTS, SEPARABLE, Separable, build_student


class SeparableTest(unittest.TestCase):
    def test_a_kernel_of_rank_one_per_output_channel_is_reproduced_exactly(self):
        g = torch.Generator().manual_seed(0)
        pointwise, spatial = torch.randn(6, 5, generator=g), torch.randn(6, 3, 3, generator=g)
        weight = pointwise[:, :, None, None] * spatial[:, None]
        bias = torch.randn(6, generator=g)
        x = torch.randn(2, 5, 9, 7, generator=g)
        with torch.no_grad():
            torch.testing.assert_close(Separable(weight, bias)(x), F.conv2d(x, weight, bias, padding=1), rtol=1e-4, atol=1e-4)


@unittest.skipUnless(TEACHER.exists(), f"{TEACHER.name} is installed by `npm install` (models/)")
class StudentTest(unittest.TestCase):
    """The lighter detector built from PP-OCRv4's file, and its export."""

    @classmethod
    def setUpClass(cls):
        cls.teacher_model = onnx.load(str(TEACHER))
        cls.teacher = OnnxGraph(cls.teacher_model).eval()
        cls.student = build_student(cls.teacher_model).eval()
        x = torch.rand(1, 3, 64, 96, generator=torch.Generator().manual_seed(1)) * 4 - 2
        with torch.no_grad():
            cls.x = x
            cls.teacher_out = cls.teacher.all_outputs(x)

    def given(self, graph):
        return {k: self.teacher_out[k] for k in graph.inputs_from_before()}

    def test_only_the_neck_and_head_train(self):
        trained = set(self.student.weight_names.values())
        self.assertTrue(trained)
        backbone = {i for n in self.teacher.nodes if n.output[0] not in {m.output[0] for m in self.student.nodes} for i in n.input}
        self.assertFalse(trained & backbone)
        for name in NECK_INPUTS:
            self.assertIn(name, {n.output[0] for n in self.student.nodes})

    def test_the_export_computes_what_the_student_computes(self):
        student = build_student(self.teacher_model).eval()
        with torch.no_grad():
            for p in student.parameters():  # as if trained: every weight moved
                p.add_(torch.randn(p.shape, generator=torch.Generator().manual_seed(p.numel())) * 1e-3)
            expected, _ = student(None, given=self.given(student))
            exported = write_onnx(student, self.teacher_model)
            got, _ = OnnxGraph(exported)(self.x)
        torch.testing.assert_close(got, expected, rtol=1e-4, atol=1e-5)
        ops = [n.op_type for n in exported.graph.node]
        self.assertEqual(len(ops), len(self.teacher_model.graph.node) + len(SEPARABLE))
        names = {i.name for i in exported.graph.initializer}
        replaced = {n.input[1] for n in self.teacher_model.graph.node if n.output[0] in SEPARABLE}
        self.assertFalse(names & replaced, "the replaced convolutions' weights are gone")

    def test_the_backbone_is_the_teachers_byte_for_byte(self):
        exported = write_onnx(self.student, self.teacher_model)
        before = {i.name: i.raw_data for i in self.teacher_model.graph.initializer}
        trained = set(self.student.weight_names.values())
        for init in exported.graph.initializer:
            if init.name in before and init.name not in trained:
                self.assertEqual(init.raw_data, before[init.name], init.name)
        self.assertTrue(np.isfinite(np.frombuffer(exported.graph.initializer[0].raw_data, dtype=np.float32)).all())


class AugmentTest(unittest.TestCase):
    def test_a_degraded_copy_keeps_the_inputs_size_and_differs_from_it(self):
        import random

        from PIL import Image

        from recibo_det.augment import degrade

        page = Image.new("RGB", (96, 64), (255, 255, 255))
        page.paste((20, 20, 20), (10, 20, 80, 30))
        copies = [degrade(page, random.Random(seed)) for seed in range(6)]
        for copy in copies:
            self.assertEqual((copy.size, copy.mode), (page.size, "RGB"))
        self.assertTrue(any(np.abs(np.asarray(c, dtype=np.int16) - np.asarray(page, dtype=np.int16)).max() > 20 for c in copies))
        same_seed = degrade(page, random.Random(3))
        np.testing.assert_array_equal(np.asarray(same_seed), np.asarray(copies[3]))


if __name__ == "__main__":
    unittest.main()
