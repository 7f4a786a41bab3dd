"""The int8 ONNX model behind the `onnx-int8` embedding backend, made once from the shipped weights.

Dynamic quantisation gives each activation tensor a single int8 scale. In this model a couple of
layer-norm channels and a few GELU neurons run 3-5 times larger than the rest, so a scale sized
for them leaves every other channel a handful of levels and the vectors drift from fp32. Before
quantising, each such input is tamed in a way that is exact in fp32:
- a MatMul (or fused attention) fed by a layer norm has its largest input channels scaled down
  and the matching weight rows scaled up by the same factors (SmoothQuant, limited to outliers);
- a feed-forward output MatMul fed by GELU loses its largest neurons to a small fp32 side path
  that recomputes them (GELU(0) = 0, so the int8 path sees them as zero).
The largest channels are found by running the fp32 model over sentences of our own
(calibration.txt). The export uses eager attention so that ONNX Runtime fuses each layer's
attention into one op, and keeps layer norm and residual add apart because ORT's fused
SkipLayerNormalization measured several times slower than the pair (BENCHMARKS.md, issue 3).

Weights are int8 where ORT's kernel adds uint8 x int8 products exactly (VNNI's vpdpbusd), and
uint8 where it cannot: on AVX2 it sums each pair of products in 16 bits (vpmaddubsw), which
saturates once activations and weights are both large, and the vectors drift from fp32 for
that alone. Which kernel a machine gets is found by running one, not by reading CPU flags.
"""

from __future__ import annotations

import logging
import os
import tempfile
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np

if TYPE_CHECKING:
    from onnx import ModelProto, NodeProto

REVISION = 3  # in the file name and the backend label, so vectors of two revisions never mix
NUM_HEADS = 12
HIDDEN_SIZE = 384
SMOOTHED_CHANNELS = 2
SPLIT_NEURONS = 4
# ORT would otherwise fuse layer norm and residual add again when it loads the model
SESSION_DISABLED_OPTIMIZERS = ["SkipLayerNormFusion"]
CALIBRATION = Path(__file__).with_name("calibration.txt")


WeightType = Literal["s8", "u8"]


@lru_cache(maxsize=1)
def weight_type() -> WeightType:
    """int8 weights wherever their products are summed exactly here: they are the faster kernel."""
    return "s8" if products_sum_exactly("s8") else "u8"


def quant_type(weights: WeightType):
    """ONNX Runtime's name for the weight type, for quantize_dynamic."""
    from onnxruntime.quantization import QuantType

    return QuantType.QInt8 if weights == "s8" else QuantType.QUInt8


def products_sum_exactly(weights: WeightType) -> bool:
    """Whether ORT's integer MatMul on this machine returns the exact sum of the largest uint8
    activations times the largest weights of this type (a 16-bit pair sum would saturate)."""
    import onnx
    import onnxruntime
    from onnx import TensorProto, helper, numpy_helper

    depth = 64
    largest = {"s8": np.full((depth, 1), 127, np.int8), "u8": np.full((depth, 1), 255, np.uint8)}[weights]
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["activations", "weights"], ["sums"])], "probe",
        [helper.make_tensor_value_info("activations", TensorProto.UINT8, [1, depth])],
        [helper.make_tensor_value_info("sums", TensorProto.INT32, [1, 1])],
        [numpy_helper.from_array(largest, "weights")])
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)], ir_version=8)
    onnx.checker.check_model(model)
    session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    activations = np.full((1, depth), 255, np.uint8)
    sums = session.run(None, {"activations": activations})[0]
    return int(sums[0, 0]) == depth * 255 * int(largest[0, 0])


def int8_model_path(cache_dir: Path) -> Path:
    return cache_dir / f"all-MiniLM-L6-v2.int8-r{REVISION}-{weight_type()}.onnx"


@dataclass
class FeedForward:
    """The up projection, its GELU and the down projection whose input is the GELU's output."""

    up: NodeProto
    gelu: NodeProto
    down: NodeProto


def build_int8_model(model_dir: Path, cache_dir: Path) -> Path:
    target = int8_model_path(cache_dir)
    if target.exists():
        return target
    import onnx
    from onnxruntime.quantization import quantize_dynamic

    cache_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache_dir, prefix="int8-build-") as work:
        model = export_fused(model_dir, Path(work))
        side_path = tame_outliers(model, model_dir)
        tamed, quantised = Path(work) / "tamed.onnx", Path(work) / "int8.onnx"
        onnx.save(model, str(tamed))
        root = logging.getLogger()  # quantize_dynamic logs advice through the root logger
        level = root.level
        root.setLevel(logging.ERROR)
        try:
            quantize_dynamic(str(tamed), str(quantised), per_channel=True, weight_type=quant_type(weight_type()),
                             op_types_to_quantize=["MatMul", "Attention"], nodes_to_exclude=side_path,
                             extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
        finally:
            root.setLevel(level)
        os.replace(quantised, target)
    return target


def export_fused(model_dir: Path, work: Path) -> ModelProto:
    """The fp32 model as ONNX with attention, GELU and embedding layer norm fused."""
    fp32 = work / "fp32.onnx"
    export_fp32(model_dir, fp32)
    return _fuse(fp32)


def question_model_path(cache_dir: Path) -> Path:
    return cache_dir / "all-MiniLM-L6-v2.fp32.onnx"


def build_question_model(model_dir: Path, cache_dir: Path) -> Path:
    """The fp32 weights as plain ONNX (unfused: it measured faster on a dozen tokens), made once."""
    target = question_model_path(cache_dir)
    if not target.exists():
        cache_dir.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=cache_dir, prefix="fp32-build-") as work:
            export_fp32(model_dir, Path(work) / "fp32.onnx")
            os.replace(Path(work) / "fp32.onnx", target)
    return target


def tame_outliers(model: ModelProto, model_dir: Path) -> list[str]:
    """Rewrites the model in place (same fp32 outputs); returns the side-path MatMuls to keep in fp32."""
    smoothed, feed_forwards = _outlier_inputs(model)
    maxima = _channel_maxima(model, model_dir, [node.input[0] for node in smoothed] +
                             [ffn.down.input[0] for ffn in feed_forwards])
    for node in smoothed:
        _smooth(model, node, maxima[node.input[0]])
    side_path = [name for ffn in feed_forwards for name in _split(model, ffn, maxima[ffn.down.input[0]])]
    _sort(model)
    return side_path


def export_fp32(model_dir: Path, path: Path) -> None:
    import torch
    from transformers import AutoModel

    bert = AutoModel.from_pretrained(str(model_dir), local_files_only=True, attn_implementation="eager").eval()

    class Encoder(torch.nn.Module):
        """Keyword arguments, because BertModel's positional signature changed across versions."""

        def __init__(self):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    example = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(
            Encoder(), (example, example, torch.zeros_like(example)), str(path),
            input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                          "last_hidden_state": axes},
            opset_version=17, dynamo=False,
        )


def _fuse(path: Path) -> ModelProto:
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    options = FusionOptions("bert")
    options.enable_skip_layer_norm = False
    return optimize_model(str(path), model_type="bert", num_heads=NUM_HEADS, hidden_size=HIDDEN_SIZE,
                          optimization_options=options).model


def _outlier_inputs(model: ModelProto) -> tuple[list[NodeProto], list[FeedForward]]:
    """The weight MatMuls fed by a layer norm, and the feed-forward blocks whose down projection is fed by GELU."""
    from onnxruntime.transformers.onnx_model import OnnxModel

    graph = OnnxModel(model)
    producer = graph.output_name_to_node()
    consumers = graph.input_name_to_nodes()
    weights = {initializer.name for initializer in model.graph.initializer}

    def weighted(node, *op_types: str) -> bool:
        return node is not None and node.op_type in op_types and node.input[1] in weights

    def sole_consumer(node) -> bool:
        return len(consumers.get(node.output[0], [])) == 1

    smoothed, feed_forwards = [], []
    for node in model.graph.node:
        if not weighted(node, "MatMul", "Attention"):
            continue
        source = producer.get(node.input[0])
        if source is not None and source.op_type in ("LayerNormalization", "EmbedLayerNormalization"):
            smoothed.append(node)
        elif node.op_type == "MatMul" and weighted(source, "BiasGelu") and sole_consumer(source):
            up = producer.get(source.input[0])
            if weighted(up, "MatMul") and sole_consumer(up):
                feed_forwards.append(FeedForward(up, source, node))
    return smoothed, feed_forwards


def _channel_maxima(model: ModelProto, model_dir: Path, tensors: list[str]) -> dict[str, np.ndarray]:
    """The largest magnitude each channel of each tensor reaches over the calibration sentences."""
    import onnx
    import onnxruntime
    from tokenizers import Tokenizer

    probe = onnx.ModelProto()
    probe.CopyFrom(model)
    names = sorted(set(tensors))
    for name in names:
        probe.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    options = onnxruntime.SessionOptions()
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_DISABLE_ALL
    options.log_severity_level = 3
    session = onnxruntime.InferenceSession(probe.SerializeToString(), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    maxima: dict[str, np.ndarray] = {}
    for sentence in CALIBRATION.read_text(encoding="utf-8").splitlines():
        ids = np.array([tokenizer.encode(sentence).ids], dtype=np.int64)
        values = session.run(names, {"input_ids": ids, "attention_mask": np.ones_like(ids),
                                     "token_type_ids": np.zeros_like(ids)})
        for name, value in zip(names, values):
            largest = np.abs(value.reshape(-1, value.shape[-1])).max(axis=0)
            maxima[name] = np.maximum(maxima[name], largest) if name in maxima else largest
    return maxima


def _smooth(model: ModelProto, node: NodeProto, channel_max: np.ndarray) -> None:
    """Scales the largest input channels down to the next largest, and their weight rows up to match."""
    from onnx import helper

    largest = np.argsort(-channel_max)[:SMOOTHED_CHANNELS]
    reference = np.sort(channel_max)[-SMOOTHED_CHANNELS - 1]
    factors = np.ones_like(channel_max, dtype=np.float32)
    factors[largest] = np.maximum(channel_max[largest] / max(reference, 1e-6), 1.0)
    _set_weight(model, node.input[1], _weight(model, node.input[1]) * factors[:, None])
    inverse = f"{node.name}/smooth"
    _set_weight(model, inverse, 1.0 / factors)
    model.graph.node.append(helper.make_node("Mul", [node.input[0], inverse], [f"{inverse}/out"], name=inverse))
    node.input[0] = f"{inverse}/out"


def _split(model: ModelProto, ffn: FeedForward, neuron_max: np.ndarray) -> list[str]:
    """Moves the largest GELU neurons to an fp32 side path; returns its MatMuls, to be left unquantised."""
    from onnx import helper

    neurons = np.argsort(-neuron_max)[:SPLIT_NEURONS]
    up, bias, down = (_weight(model, name) for name in (ffn.up.input[1], ffn.gelu.input[1], ffn.down.input[1]))
    side = f"{ffn.down.name}/outliers"
    _set_weight(model, f"{side}/up", up[:, neurons])
    _set_weight(model, f"{side}/bias", bias[neurons])
    _set_weight(model, f"{side}/down", down[neurons, :])
    up[:, neurons] = 0
    bias[neurons] = 0
    _set_weight(model, ffn.up.input[1], up)
    _set_weight(model, ffn.gelu.input[1], bias)
    output = ffn.down.output[0]
    ffn.down.output[0] = f"{output}/int8"
    model.graph.node.extend([
        helper.make_node("MatMul", [ffn.up.input[0], f"{side}/up"], [f"{side}/pre"], name=f"{side}/up"),
        helper.make_node("BiasGelu", [f"{side}/pre", f"{side}/bias"], [f"{side}/act"], name=f"{side}/gelu",
                         domain="com.microsoft"),
        helper.make_node("MatMul", [f"{side}/act", f"{side}/down"], [f"{side}/out"], name=f"{side}/down"),
        helper.make_node("Add", [f"{output}/int8", f"{side}/out"], [output], name=f"{side}/add"),
    ])
    return [f"{side}/up", f"{side}/down"]


def _weight(model: ModelProto, name: str) -> np.ndarray:
    from onnx import numpy_helper

    return next(numpy_helper.to_array(tensor) for tensor in model.graph.initializer if tensor.name == name).copy()


def _set_weight(model: ModelProto, name: str, value: np.ndarray) -> None:
    from onnx import numpy_helper

    tensor = numpy_helper.from_array(np.ascontiguousarray(value, dtype=np.float32), name)
    for existing in model.graph.initializer:
        if existing.name == name:
            existing.CopyFrom(tensor)
            return
    model.graph.initializer.append(tensor)


def _sort(model: ModelProto) -> None:
    from onnxruntime.transformers.onnx_model import OnnxModel

    OnnxModel(model).topological_sort()
