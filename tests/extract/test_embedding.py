"""Embeddings asked for again are the same rows, few are kept, and the model is read once."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import numpy as np

from app.extract import embedding

if TYPE_CHECKING:
    import pytest


def test_remembered_rows_are_the_rows_embed_makes_in_the_order_asked() -> None:
    embedding.forget_remembered()
    texts = ["Russia will respond in writing", "hold talks", "Russia will respond in writing"]
    first = embedding.embed_remembered(texts)
    again = embedding.embed_remembered(list(reversed(texts)))
    fresh = embedding.embed(texts)
    assert first.shape == (3, fresh.shape[1])
    assert np.allclose(first, fresh, atol=1e-6)
    assert np.allclose(again, fresh[::-1], atol=1e-6)
    assert embedding.embed_remembered([]).shape == (0, fresh.shape[1])


def test_only_the_latest_rows_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    embedding.forget_remembered()
    monkeypatch.setattr(embedding, "REMEMBERED", 2)
    embedded: list[str] = []
    real = embedding.embed

    def counting(texts: list[str]) -> np.ndarray:
        embedded.extend(texts)
        return real(texts)

    monkeypatch.setattr(embedding, "embed", counting)
    embedding.embed_remembered(["one", "two", "three"])
    embedding.embed_remembered(["three", "two", "one"])
    assert embedded == ["one", "two", "three", "one"]  # "one" was the oldest, dropped
    embedding.forget_remembered()


def test_loading_the_model_leaves_logging_as_it_was() -> None:
    """wordllama's import configures the root logger to print INFO lines; a script that loads
    it (an evaluation, a benchmark) must not start printing every module's INFO lines."""
    import subprocess
    import sys

    code = (
        "import logging; from app.extract.embedding import embed; embed(['talks']); "
        "root = logging.getLogger(); print(len(root.handlers), root.level)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", str(30)]  # no handler, WARNING: Python's defaults


def test_the_model_is_read_once_however_many_threads_ask_at_once() -> None:
    embedding._loaded.cache_clear()
    embedding.load_in_background()
    embedding.load_in_background()
    rows = embedding.embed(["The ministry will publish the report."])  # while they read it
    for thread in threading.enumerate():
        if thread.name == "wordllama load":
            thread.join()
    assert embedding._loaded.cache_info().misses == 1
    assert rows.shape[0] == 1
