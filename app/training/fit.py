"""Fitting the pledge model: each candidate of the labelled articles is an example, labelled by
the gold pledge its sentence and act match; a logistic regression (scikit-learn) learns the
weights of the features; cross-validation is by article."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.extract.actors import ActorNamer
from app.extract.nlp import parse_many
from app.extract.pledge_model import PledgeModel
from app.extract.pledges import Described, describe
from app.training.scoring import same_sentence

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.training.dataset import Labelled

SEED = 0
STRENGTH = 0.1  # the inverse of the regularisation: small, since the labels are few
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class Example:
    """A described candidate of a labelled article, and whether it is a labelled pledge."""

    article: str
    fold: int
    described: Described
    label: int


def parse(labelled: Sequence[Labelled]) -> list[Any]:
    """The articles parsed by spaCy, together."""
    return parse_many([item.article.text for item in labelled])


def read_all(docs: Sequence[Any]) -> list[tuple[ActorNamer, list[Described]]]:
    """Each parsed article's actor namer and described candidates: the slow part of training
    and scoring, made once for every model and every way of dealing the articles into folds."""
    read = []
    for doc in docs:
        namer = ActorNamer(doc)
        read.append((namer, list(describe(doc, namer))))
    return read


def examples(
    labelled: Sequence[Labelled], read: Sequence[tuple[ActorNamer, Sequence[Described]]]
) -> list[Example]:
    """Every described candidate of the articles (`read`: from read_all), each labelled 1 when
    it is the act of a gold pledge of its sentence (gold pledges are matched to the candidates
    whose act shares most words with theirs, one to one), else 0; in its article's fold."""
    found: list[Example] = []
    for item, (_namer, described_all) in zip(labelled, read, strict=True):
        by_sentence: dict[int, list[Described]] = {}
        for described in described_all:
            by_sentence.setdefault(described.sentence.start, []).append(described)
        for candidates in by_sentence.values():
            sentence = candidates[0].sentence.text
            gold = [g for g in item.pledges if same_sentence(g["quote"], sentence)]
            chosen = _matched(gold, candidates)
            found += [
                Example(item.name, item.fold, d, int(index in chosen))
                for index, d in enumerate(candidates)
            ]
    return found


def _matched(gold: Sequence[dict[str, object]], candidates: Sequence[Described]) -> set[int]:
    """The candidates that are the gold pledges' acts: greedily, the best word overlap first
    (the act's own verb counts three words)."""
    scores = []
    for g_index, pledge in enumerate(gold):
        wanted = set(_WORD.findall(str(pledge["action"]).lower()))
        for c_index, described in enumerate(candidates):
            act = described.candidate.action
            have = {t.lemma_.lower() for t in act.subtree} | {t.lower_ for t in act.subtree}
            score = len(wanted & have) + 3 * (act.lemma_.lower() in wanted or act.lower_ in wanted)
            scores.append((score, g_index, c_index))
    used_gold: set[int] = set()
    chosen: set[int] = set()
    for _score, g_index, c_index in sorted(scores, reverse=True):
        if g_index not in used_gold and c_index not in chosen:
            used_gold.add(g_index)
            chosen.add(c_index)
    return chosen


def fit(train: Sequence[Example], *, track: float, review: float) -> PledgeModel:
    """A logistic regression on the examples' features, as a PledgeModel with these
    thresholds. Balanced class weights: pledges are one candidate in six."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([e.described.features for e in train])
    labels = [e.label for e in train]
    model = LogisticRegression(
        C=STRENGTH, class_weight="balanced", max_iter=10_000, random_state=SEED
    )
    model.fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): round(float(weight), 5)
        for name, weight in zip(names, model.coef_[0], strict=True)
        if abs(weight) >= 1e-5
    }
    return PledgeModel(
        weights=weights, intercept=round(float(model.intercept_[0]), 5), track=track,
        review=review,
    )  # fmt: skip
