"""Sentence embeddings from wordllama, whose weights ship in its wheel: loaded once, offline."""

from __future__ import annotations

import logging
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

# The texts whose rows are kept for the next call (1 KB each): a stored pledge is asked for by
# every later article that names its actor, and is embedded once per run, not once per article.
REMEMBERED = 20_000
_rows: dict[str, np.ndarray] = {}
_rows_lock = threading.Lock()
_loading = threading.Lock()  # one load, however many threads ask at once


def load_in_background() -> None:
    """Start reading the model on a thread of its own, so that the first embedding does not
    wait for it (an import's follow-up search needs it once the first article is parsed)."""
    threading.Thread(target=_model, name="wordllama load", daemon=True).start()


def _model() -> Any:
    """The model, read once (a caller while another thread reads it waits for that read)."""
    with _loading:
        return _loaded()


@cache
def _loaded() -> Any:
    """The 256-dimension wordllama model, read from the package's own folder (it holds the
    weights and the tokenizer's configuration), never downloaded. Importing wordllama calls
    logging.basicConfig(level=INFO), which would print every module's INFO lines on stderr;
    the root logger is put back as it was."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    try:
        import wordllama
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
    return wordllama.WordLlama.load(
        cache_dir=Path(wordllama.__file__).parent, disable_download=True
    )


def embed(texts: Sequence[str]) -> np.ndarray:
    """One unit-length row per text: the dot product of two rows is their cosine similarity."""
    embedded: np.ndarray = _model().embed(list(texts), norm=True)
    return embedded


def embed_remembered(texts: Sequence[str]) -> np.ndarray:
    """As embed, with the rows of the REMEMBERED texts last embedded through here kept: for
    texts asked for again and again (the stored pledges)."""
    with _rows_lock:
        known = {text: _rows[text] for text in texts if text in _rows}
    new = list(dict.fromkeys(text for text in texts if text not in known))
    if new:
        known.update(zip(new, embed(new), strict=True))
        with _rows_lock:
            _rows.update((text, known[text]) for text in new)
            for oldest in list(_rows)[: max(len(_rows) - REMEMBERED, 0)]:
                del _rows[oldest]
    return np.stack([known[text] for text in texts]) if texts else embed(texts)


def forget_remembered() -> None:
    """Drop the rows embed_remembered keeps (for measuring as a fresh process would)."""
    with _rows_lock:
        _rows.clear()
