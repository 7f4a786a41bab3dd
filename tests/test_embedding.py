"""The int8 embedding backend: built locally from the shipped model, exact before quantisation,
close to fp32 after it, and recorded on every passage it embeds. The fp32 backend's questions go
through an ONNX export of the same weights and get PyTorch's vectors; so do a phrase's words read in
their sentence. The cache keeps those apart from a text's own vector."""

from __future__ import annotations

import json

import numpy as np
import onnx
import onnxruntime
import pytest
from tokenizers import Tokenizer

from embedding.cache import CachedEmbedder
from embedding.embedder import (
    MAX_TOKENS,
    TOKENS_PER_BATCH,
    OnnxInt8Embedder,
    TorchEmbedder,
    backend_label,
    get_embedder,
    model_dir,
    token_batches,
)
from embedding.int8_model import (
    export_fused,
    int8_model_path,
    products_sum_exactly,
    question_model_path,
    tame_outliers,
    weight_type,
)
from ingest.pipeline import Ingester, embedding_text, read_document
from ingest.sources import bundled_sources, user_sources
from tests.conftest import SHARED


@pytest.fixture(scope="module")
def passages(settings) -> list[str]:
    """The passages of the bundled narrative documents, as the pipeline embeds them."""
    texts = []
    for source in bundled_sources(settings.corpus_dir):
        if source.kind != "inspection_report":
            document = read_document(source, source.path.read_bytes(), "")
            texts += [embedding_text(passage) for passage in document.passages]
    return texts


def run(model: onnx.ModelProto, texts: list[str]) -> np.ndarray:
    tokenizer = Tokenizer.from_file(str(model_dir() / "tokenizer.json"))
    tokenizer.enable_padding()
    encodings = tokenizer.encode_batch(texts)
    ids = np.array([encoding.ids for encoding in encodings], dtype=np.int64)
    mask = np.array([encoding.attention_mask for encoding in encodings], dtype=np.int64)
    session = onnxruntime.InferenceSession(model.SerializeToString(), providers=["CPUExecutionProvider"])
    return session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)})[0]


def test_taming_outliers_leaves_the_fp32_model_unchanged(tmp_path, passages):
    fused = export_fused(model_dir(), tmp_path)
    tamed = onnx.ModelProto()
    tamed.CopyFrom(fused)
    side_path = tame_outliers(tamed, model_dir())

    smoothing = [node for node in tamed.graph.node if node.name.endswith("/smooth")]
    assert side_path and smoothing, "no outlier inputs were found to tame"
    texts = passages[:3] + ["How did the council reduce caseloads?"]  # padded to different lengths
    before, after = run(fused, texts), run(tamed, texts)
    assert np.abs(after - before).max() < 1e-3 * np.abs(before).max()


def test_int8_vectors_agree_with_fp32_and_the_model_is_built_once(settings, passages):
    cache = settings.home / "models"
    int8 = OnnxInt8Embedder(cache)
    built = int8_model_path(cache).stat().st_mtime_ns
    fp32 = get_embedder("torch", cache)

    corpus_fp32, corpus_int8 = fp32.embed(passages), int8.embed(passages)
    cosines = np.sum(corpus_fp32 * corpus_int8, axis=1)
    assert cosines.mean() >= 0.99 and cosines.min() >= 0.97

    queries = [query["query"] for query in json.loads((SHARED / "eval" / "dev" / "queries.json").read_text())["queries"]]
    overlaps = [
        len(set(np.argsort(-corpus_fp32 @ fp32.embed([query])[0])[:10]) &
            set(np.argsort(-corpus_int8 @ int8.embed([query])[0])[:10])) / 10
        for query in queries
    ]
    assert np.mean(overlaps) >= 0.8

    OnnxInt8Embedder(cache)
    assert int8_model_path(cache).stat().st_mtime_ns == built


def test_a_question_gets_the_vector_pytorch_gives_it_and_the_model_is_built_once(settings, passages):
    cache = settings.home / "models"
    fp32 = get_embedder("torch", cache)
    built = question_model_path(cache).stat().st_mtime_ns
    questions = ["How did the council reduce caseloads?", "agency social workers ; locum",
                 passages[0]]  # a long text is truncated as PyTorch truncates it
    by_onnx = np.vstack([fp32.embed([question]) for question in questions])
    by_torch = fp32.embed(questions + questions)[:len(questions)]  # five texts or more: PyTorch
    assert np.abs(by_onnx - by_torch).max() < 1e-5
    TorchEmbedder(cache)
    assert question_model_path(cache).stat().st_mtime_ns == built


def test_a_phrase_read_in_its_sentence_gets_pytorchs_word_vectors_and_differs_by_sentence(settings):
    cache = settings.home / "models"
    fp32, int8 = get_embedder("torch", cache), OnnxInt8Embedder(cache)
    sentences = ["The council set up a panel to review placements.",
                 "The court convened a panel of judges.",
                 "A panel."]
    spans = [(sentence.index("panel"), sentence.index("panel") + len("panel")) for sentence in sentences]

    in_context = fp32.embed_in_context(sentences, spans)
    assert np.allclose(np.linalg.norm(in_context, axis=1), 1.0, atol=1e-5)
    words = fp32.model.encode(sentences, output_value="token_embeddings", convert_to_numpy=False)
    for row, (sentence, (start, end)) in enumerate(zip(sentences, spans)):
        offsets = fp32.model.tokenizer(sentence, return_offsets_mapping=True)["offset_mapping"]
        inside = [position for position, (first, last) in enumerate(offsets) if first < last and first < end and start < last]
        by_torch = words[row][inside].mean(dim=0).numpy()
        assert np.abs(in_context[row] - by_torch / np.linalg.norm(by_torch)).max() < 1e-5
    assert float(in_context[0] @ in_context[1]) < 0.99  # the same word, two meanings
    assert np.abs(fp32.embed_in_context(sentences[:1], spans[:1]) - in_context[:1]).max() < 1e-5  # alone or batched
    assert np.sum(in_context * int8.embed_in_context(sentences, spans), axis=1).min() >= 0.97


def test_a_phrase_past_the_truncated_end_takes_the_whole_sentences_vector(settings):
    """A sentence longer than the encoder reads is cut at MAX_TOKENS; a span after the cut has no
    word vectors of its own, so it takes the mean of all the words read rather than nothing."""
    fp32 = get_embedder("torch", settings.home / "models")
    sentence = "The council reviewed its placements. " * 80 + "It set up a panel."
    start = sentence.index("panel")
    past_the_end, at_the_start = fp32.embed_in_context([sentence, sentence], [(start, start + 5), (4, 11)])
    words = fp32.model.encode([sentence], output_value="token_embeddings", convert_to_numpy=False)[0]
    assert len(words) == MAX_TOKENS
    whole = words.mean(dim=0).numpy()
    assert np.abs(past_the_end - whole / np.linalg.norm(whole)).max() < 1e-5
    assert float(past_the_end @ at_the_start) < 0.99

def test_the_cache_keeps_a_phrase_in_context_apart_from_the_same_text_alone(settings, tmp_path):
    calls: list[str] = []
    fp32 = get_embedder("torch", settings.home / "models")

    class Counting:
        def embed(self, texts):
            calls.append("embed")
            return fp32.embed(texts)

        def embed_in_context(self, sentences, spans):
            calls.append("in context")
            return fp32.embed_in_context(sentences, spans)

    cached = CachedEmbedder(lambda: Counting(), fp32.backend, tmp_path / "cache.sqlite")
    sentence = "Family group conferences"
    alone = cached.embed([sentence])
    in_context = cached.embed_in_context([sentence], [(0, len(sentence))])
    assert calls == ["embed", "in context"]
    assert np.allclose(cached.embed([sentence]), alone) and np.allclose(
        cached.embed_in_context([sentence], [(0, len(sentence))]), in_context)
    assert calls == ["embed", "in context"]  # both read from the cache the second time
    cached.embed_in_context([sentence], [(0, 6)])
    assert calls == ["embed", "in context", "in context"]  # another span of the same sentence is another key


def test_the_weight_type_chosen_has_its_products_summed_exactly_here():
    """A kernel that saturates returns about half the exact sum."""
    assert products_sum_exactly(weight_type())


def test_token_batches_group_similar_lengths_within_the_budget():
    lengths = [256, 12, 256, 40, 7, 256, 256, 256, 100, 9, 230, 11]
    batches = token_batches(lengths, most=3)

    assert sorted(index for batch in batches for index in batch) == list(range(len(lengths)))
    for batch in batches:
        widest = max(lengths[index] for index in batch)
        assert len(batch) <= 3
        assert len(batch) == 1 or len(batch) * widest <= TOKENS_PER_BATCH
    assert [lengths[index] for index in batches[0]] == [7, 9, 11]  # shortest first, together


def test_passages_record_the_int8_backend(settings, empty_graph, tmp_path):
    """Also: a document can be ingested before any council is loaded (it then names none)."""
    text = tmp_path / "note.txt"
    text.write_text("The council recruited permanent social workers and caseloads fell from 25 to 16. " * 12)
    int8_settings = settings.model_copy(update={"embedding_backend": "onnx-int8", "embedding_cache": False})
    sources, missing = user_sources([text], settings.corpus_dir, {})

    summary = Ingester(int8_settings, empty_graph).run(sources, missing)

    assert summary.added == 1
    backends = empty_graph.driver.execute_query("MATCH (p:Passage) RETURN collect(DISTINCT p.embedding_backend)")
    assert backends[0][0][0] == [backend_label("onnx-int8")]
