import unittest

import numpy as np
import onnx
import torch
import torch.nn.functional as F
from onnx import TensorProto, helper, numpy_helper

from recibo_det.graph import OnnxGraph, downstream


def tensor(name, array):
    return numpy_helper.from_array(np.asarray(array, dtype=np.float32), name)


def model(nodes, initializers, out_channels):
    graph = helper.make_graph(
        nodes, "g",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4, 8, 8])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, out_channels, None, None])],
        initializer=initializers,
    )
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)])


def weights(seed, *shape):
    return np.random.default_rng(seed).standard_normal(shape).astype(np.float32) * 0.3


class OperatorTest(unittest.TestCase):
    """Each operator the detectors use, with its attributes, as onnxruntime computes it."""

    def setUp(self):
        self.x = torch.from_numpy(weights(0, 1, 4, 8, 8))

    def run_graph(self, nodes, initializers, out_channels):
        m = model(nodes, initializers, out_channels)
        onnx.checker.check_model(m)
        with torch.no_grad():
            return OnnxGraph(m)(self.x)[0]

    def test_a_strided_grouped_padded_convolution(self):
        w, b = weights(1, 6, 2, 3, 3), weights(2, 6)
        y = self.run_graph([helper.make_node("Conv", ["x", "w", "b"], ["y"], kernel_shape=[3, 3], strides=[2, 2], pads=[1, 1, 1, 1], group=2)],
                           [tensor("w", w), tensor("b", b)], 6)
        torch.testing.assert_close(y, F.conv2d(self.x, torch.from_numpy(w), torch.from_numpy(b), stride=2, padding=1, groups=2))
        self.assertEqual(tuple(y.shape), (1, 6, 4, 4))

    def test_a_transposed_convolution_doubles_the_size(self):
        w = weights(3, 4, 2, 2, 2)
        y = self.run_graph([helper.make_node("ConvTranspose", ["x", "w"], ["y"], kernel_shape=[2, 2], strides=[2, 2])], [tensor("w", w)], 2)
        self.assertEqual(tuple(y.shape), (1, 2, 16, 16))
        # Stride equal to the kernel: each output pixel comes from one input pixel and one tap.
        expected = np.einsum("cij,cokl->oikjl", self.x[0].numpy(), w).reshape(2, 16, 16)
        np.testing.assert_allclose(y[0].numpy(), expected, rtol=1e-5, atol=1e-5)

    def test_hard_sigmoid_uses_its_alpha_and_beta(self):
        y = self.run_graph([helper.make_node("HardSigmoid", ["x"], ["y"], alpha=1 / 6, beta=0.5)], [], 4)
        np.testing.assert_allclose(y.numpy(), np.clip(self.x.numpy() / 6 + 0.5, 0, 1), rtol=1e-6)

    def test_nearest_resize_repeats_each_pixel(self):
        roi, scales = tensor("roi", []), tensor("scales", [1, 1, 2, 2])
        y = self.run_graph([helper.make_node("Resize", ["x", "roi", "scales"], ["y"], mode="nearest", coordinate_transformation_mode="asymmetric", nearest_mode="floor")],
                           [roi, scales], 4)
        np.testing.assert_array_equal(y.numpy(), self.x.numpy().repeat(2, axis=2).repeat(2, axis=3))

    def test_batch_normalisation_with_its_statistics(self):
        scale, bias, mean, var = weights(4, 4), weights(5, 4), weights(6, 4), np.abs(weights(7, 4)) + 0.5
        y = self.run_graph([helper.make_node("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], epsilon=1e-5)],
                           [tensor("s", scale), tensor("b", bias), tensor("m", mean), tensor("v", var)], 4)
        x = self.x.numpy()
        shape = (1, 4, 1, 1)
        expected = (x - mean.reshape(shape)) / np.sqrt(var.reshape(shape) + 1e-5) * scale.reshape(shape) + bias.reshape(shape)
        np.testing.assert_allclose(y.numpy(), expected, rtol=1e-5, atol=1e-5)

    def test_squeeze_and_excite_pieces(self):
        nodes = [
            helper.make_node("GlobalAveragePool", ["x"], ["g"]),
            helper.make_node("Sigmoid", ["g"], ["s"]),
            helper.make_node("Mul", ["x", "s"], ["m"]),
            helper.make_node("Relu", ["m"], ["r"]),
            helper.make_node("Add", ["r", "x"], ["a"]),
            helper.make_node("Concat", ["a", "x"], ["y"], axis=1),
        ]
        y = self.run_graph(nodes, [], 8).numpy()
        x = self.x.numpy()
        gate = 1 / (1 + np.exp(-x.mean(axis=(2, 3), keepdims=True)))
        np.testing.assert_allclose(y, np.concatenate([np.maximum(x * gate, 0) + x, x], axis=1), rtol=1e-5, atol=1e-6)

    def test_an_operator_it_does_not_know_is_refused_at_once(self):
        with self.assertRaisesRegex(ValueError, "Softmax"):
            OnnxGraph(model([helper.make_node("Softmax", ["x"], ["y"])], [], 4))

    def test_asymmetric_padding_is_refused(self):
        m = model([helper.make_node("Conv", ["x", "w"], ["y"], kernel_shape=[3, 3], pads=[0, 0, 1, 1])], [tensor("w", weights(8, 4, 4, 3, 3))], 4)
        with self.assertRaisesRegex(ValueError, "asymmetric"):
            OnnxGraph(m)(self.x)


class GraphTest(unittest.TestCase):
    def two_convs(self):
        nodes = [
            helper.make_node("Conv", ["x", "w1"], ["a"], kernel_shape=[1, 1]),
            helper.make_node("Relu", ["a"], ["r"]),
            helper.make_node("Conv", ["r", "w2"], ["y"], kernel_shape=[3, 3], pads=[1, 1, 1, 1]),
        ]
        return model(nodes, [tensor("w1", weights(1, 4, 4, 1, 1)), tensor("w2", weights(2, 2, 4, 3, 3))], 2)

    def test_a_replaced_node_runs_the_module_given(self):
        m = self.two_convs()
        double = torch.nn.Identity()
        graph = OnnxGraph(m, replace={"a": double})
        x = torch.from_numpy(weights(3, 1, 4, 8, 8))
        _, taps = graph(x, taps=("a",))
        torch.testing.assert_close(taps["a"], x)

    def test_trainable_weights_get_gradients_and_the_others_stay_constants(self):
        graph = OnnxGraph(self.two_convs(), trainable=frozenset({"w2"}))
        self.assertEqual([graph.weight_names[k] for k in graph.weights], ["w2"])
        y, _ = graph(torch.from_numpy(weights(4, 1, 4, 8, 8)))
        y.sum().backward()
        self.assertIsNotNone(graph.weights["w2"].grad)
        self.assertFalse(graph.constants["w1"].requires_grad)

    def test_a_graph_from_a_node_on_is_given_what_it_reads(self):
        m = self.two_convs()
        full = OnnxGraph(m)
        tail = OnnxGraph(m, start=("y",))
        self.assertEqual(tail.inputs_from_before(), ["r"])
        x = torch.from_numpy(weights(5, 1, 4, 8, 8))
        with torch.no_grad():
            y, taps = full(x, taps=("r",))
            y_tail, _ = tail(None, given={"r": taps["r"]})
        torch.testing.assert_close(y_tail, y)
        self.assertEqual([n.output[0] for n in downstream(list(m.graph.node), ("r",))], ["r", "y"])


if __name__ == "__main__":
    unittest.main()
