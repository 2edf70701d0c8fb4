"""Sentence embeddings from wordllama, whose weights ship in its wheel: loaded once, offline."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

    import numpy as np


@cache
def _model() -> Any:
    """The 256-dimension wordllama model, read from the package's own folder (it holds the
    weights and the tokenizer's configuration), never downloaded."""
    import wordllama

    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text: the dot product of two rows is their cosine similarity."""
    embedded: np.ndarray = _model().embed(list(texts), norm=True)
    return embedded
