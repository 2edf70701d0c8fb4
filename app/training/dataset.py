"""The labelled articles in data/: each article as the pipeline reads it, its gold pledges and
its hard negatives, and which labelled set it belongs to."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.extract.clean import clean
from app.extract.dateline import make_article
from app.extract.readers import read_source

if TYPE_CHECKING:
    from app.domain import Article

DATA = Path(__file__).resolve().parents[2] / "data"

# Each labelled set: its corpus folder, pledges file and negatives file.
SETS: dict[str, tuple[str, str, str]] = {
    "wikinews/pledges-dev": ("wikinews", "pledges-dev.jsonl", "negatives-dev.jsonl"),
    "wikinews/pledges-dev2-a": ("wikinews", "pledges-dev2-a.jsonl", "negatives-dev2-a.jsonl"),
    "wikinews/pledges-dev2-b": ("wikinews", "pledges-dev2-b.jsonl", "negatives-dev2-b.jsonl"),
    "wikinews/pledges-dev3": ("wikinews", "pledges-dev3.jsonl", "negatives-dev3.jsonl"),
    "meantime/pledges-dev": ("meantime", "pledges-dev.jsonl", "negatives-dev.jsonl"),
    "meantime/pledges-dev2": ("meantime", "pledges-dev2.jsonl", "negatives-dev2.jsonl"),
}
FOLDS = 5


@dataclass(frozen=True)
class Labelled:
    """One labelled article: its name, set, the article, its pledges and hard negatives."""

    name: str
    set_name: str
    article: Article
    pledges: tuple[dict[str, Any], ...]
    negatives: tuple[dict[str, Any], ...]
    fold: int


def missing_data(data: Path = DATA) -> str | None:
    """What is missing for training or scoring, in one line; None when all is there."""
    for corpus, pledges, negatives in SETS.values():
        for name in (pledges, negatives):
            if not (data / corpus / name).is_file():
                return f"the labelled data is missing ({data / corpus / name}); see data/README.md"
    return None


def load_labelled(data: Path = DATA) -> list[Labelled]:
    """Every labelled article, in a fixed order, each given a cross-validation fold: the
    articles of each set are dealt round the folds in name order, so that every fold holds
    articles of every set and a rerun makes the same folds."""
    found: list[Labelled] = []
    for set_name, (corpus, pledges_file, negatives_file) in SETS.items():
        pledges = _by_article(data / corpus / pledges_file)
        negatives = _by_article(data / corpus / negatives_file)
        for position, name in enumerate(sorted(set(pledges) | set(negatives))):
            path = data / corpus / "articles" / f"{name}.txt"
            article = make_article(clean(read_source(path)))
            found.append(
                Labelled(
                    name=name,
                    set_name=set_name,
                    article=article,
                    pledges=tuple(pledges.get(name, ())),
                    negatives=tuple(negatives.get(name, ())),
                    fold=(position + _offset(set_name)) % FOLDS,
                )
            )
    return found


def data_fingerprint(data: Path = DATA) -> str:
    """A hash of the labels and their articles: the shipped model names the data it learned."""
    digest = hashlib.sha256()
    for corpus, pledges_file, negatives_file in SETS.values():
        for name in (pledges_file, negatives_file):
            digest.update((data / corpus / name).read_bytes())
    return digest.hexdigest()[:16]


def _by_article(path: Path) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            grouped.setdefault(item["article"], []).append(item)
    return grouped


def _offset(set_name: str) -> int:
    """Where a set starts dealing, so that the sets' first articles fall in different folds."""
    return list(SETS).index(set_name)
