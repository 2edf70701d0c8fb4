"""Fitting the follow-up ranker: each labelled pledge and later article of its story is an
example whose candidates are the later article's sentences, right where the sentence is the
labelled outcome; a logistic regression (scikit-learn) learns the weights; cross-validation is
by story, so that no pledge is scored by a model trained on its own story."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.extract.outcome_ranking import Candidates, OutcomeModel, features_for
from app.extract.outcomes import find_outcomes
from app.training.scoring import same_sentence

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from app.domain import PledgeRecord

SEED = 0
STRENGTH = 1.0  # the inverse of the regularisation
FOLDS = 5


@dataclass(frozen=True)
class PairExample:
    """A pledge and a later article of its story: the features of the sentences shortlisted
    for the pledge, and which one (if any) is the labelled outcome."""

    story: str
    rows: list[dict[str, float]]
    right: list[bool]


def pair_example(
    story: str, record: PledgeRecord, later: tuple[Any, date, str], outcome_quote: str | None
) -> PairExample:
    """The example of a pledge and a later article (its parse, day and title; `outcome_quote`
    None: a distractor)."""
    doc, published, title = later
    found = Candidates.of(doc, published, title=title)
    rules = find_outcomes(doc, published, [record])
    shortlisted = features_for(record, found, rules[0].evidence if rules else None)
    rows = list(shortlisted.values())
    right = [
        outcome_quote is not None and same_sentence(found.texts[n], outcome_quote)
        for n in shortlisted
    ]
    return PairExample(story, rows, right)


def stories(pairs: Sequence[tuple[str, str]]) -> list[str]:
    """The story of each (pledge article, later article) pair: the articles that pairs join,
    named by one of them."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        parent.setdefault(name, name)
        while parent[name] != name:
            name = parent[name]
        return name

    for first, second in pairs:
        parent[root(first)] = root(second)
    return [root(first) for first, _ in pairs]


def fit_outcome_model(
    examples: Sequence[PairExample], *, shown: float = 0.5, kept: float = 0.0,
    about: dict[str, Any] | None = None,
) -> OutcomeModel:  # fmt: skip
    """A logistic regression over every candidate sentence of the examples."""
    from sklearn.linear_model import LogisticRegression

    names = sorted({name for e in examples for row in e.rows for name in row})
    matrix = [[row.get(n, 0.0) for n in names] for e in examples for row in e.rows]
    labels = [int(flag) for e in examples for flag in e.right]
    fitted = LogisticRegression(C=STRENGTH, max_iter=10_000, random_state=SEED)
    fitted.fit(matrix, labels)
    weights = {n: round(float(w), 6) for n, w in zip(names, fitted.coef_[0], strict=True)}
    intercept = round(float(fitted.intercept_[0]), 6)
    return OutcomeModel(weights, intercept, shown, kept, about or {})


def fold_models(examples: Sequence[PairExample]) -> list[OutcomeModel]:
    """For each example, a model trained on the stories of the other folds (keeping every
    sentence: kept 0)."""
    from sklearn.model_selection import GroupKFold

    groups = [e.story for e in examples]
    chosen: list[OutcomeModel | None] = [None] * len(examples)
    for train, test in GroupKFold(n_splits=FOLDS).split(groups, groups=groups):
        model = fit_outcome_model([examples[n] for n in train])
        for n in test:
            chosen[n] = model
    return [model for model in chosen if model is not None]
