"""Cross-validated figures for the pledge stage, through the pipeline's own code: each fold's
articles are read by a model trained on the other folds, pledges are built as the app builds
them, their deadlines resolved, and the result scored against the labels."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from app.extract.deadlines import resolve_deadline
from app.extract.pledges import Described, pledges_from
from app.training.dataset import FOLDS
from app.training.fit import examples, fit
from app.training.scoring import Predicted, Tally, score_article

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.domain import Pledge
    from app.extract.actors import ActorNamer
    from app.extract.pledge_model import PledgeModel
    from app.training.dataset import Labelled

THRESHOLDS = tuple(round(0.05 * step, 2) for step in range(1, 20))


@dataclass(frozen=True)
class Run:
    """The labelled articles, parsed and described once, and each one's out-of-fold model."""

    labelled: Sequence[Labelled]
    described: Sequence[tuple[ActorNamer, list[Described]]]
    models: Sequence[PledgeModel]  # by fold

    def pledges(self, *, review: float, track: float) -> list[list[Pledge]]:
        """Every article's pledges as the app would store them with these thresholds."""
        return [
            pledges_from(candidates, namer, dataclasses.replace(
                self.models[item.fold], review=review, track=track))
            for item, (namer, candidates) in zip(self.labelled, self.described, strict=True)
        ]  # fmt: skip


def cross_validated(
    labelled: Sequence[Labelled], read: Sequence[tuple[ActorNamer, list[Described]]], folds: int
) -> Run:
    """Train one model per fold on the other folds' articles (`read`: fit.read_all of them)."""
    all_examples = examples(labelled, read)
    models = [
        fit([e for e in all_examples if e.fold != fold], track=0.5, review=0.5)
        for fold in range(folds)
    ]
    return Run(labelled, read, models)


def dealt_anew(labelled: Sequence[Labelled], seed: int) -> list[Labelled]:
    """The same articles dealt round the folds in another order (shuffled with `seed`): one
    more cross-validation, so that a figure does not hang on one split's luck."""
    import random

    order = list(range(len(labelled)))
    random.Random(seed).shuffle(order)
    fold = {index: place % FOLDS for place, index in enumerate(order)}
    return [dataclasses.replace(item, fold=fold[i]) for i, item in enumerate(labelled)]


def tallies(
    labelled: Sequence[Labelled], pledges: Sequence[Sequence[Pledge]], *, tracked_only: bool
) -> dict[str, Tally]:
    """Scores by labelled set, and over all ("all"); with `tracked_only`, pledges to review
    are left out."""
    by_set: dict[str, Tally] = {"all": Tally()}
    for item, found in zip(labelled, pledges, strict=True):
        shown = [p for p in found if not (tracked_only and p.review)]
        tally = score_article(item.name, _as_predicted(item, shown), item.pledges, item.negatives)
        by_set.setdefault(item.set_name, Tally()).add(tally)
        by_set["all"].add(tally)
    return by_set


def _as_predicted(item: Labelled, pledges: Sequence[Pledge]) -> list[Predicted]:
    found = []
    for pledge in pledges:
        due = None
        if pledge.deadline_text:
            resolved = resolve_deadline(pledge.deadline_text, item.article.published).due
            due = None if resolved is None else resolved.isoformat()
        for quote in (pledge.quote, *(q.text for q in pledge.more_quotes)):
            found.append(Predicted(quote, pledge.actor, due, pledge.confidence or 0.0))
    return found


_KEYWORDS = re.compile(
    r"\b(will|pledged?|promised?|vowed?|agreed to|ready to|plans? to|intends? to|committed to)\b",
    re.IGNORECASE,
)


def keyword_rule(labelled: Sequence[Labelled], docs: Sequence[Any]) -> dict[str, Tally]:
    """The keyword rule beside which the extractor is measured: every sentence holding
    will, pledge, promise, vow, agree to, ready to, plan to, intend to or committed to."""
    by_set: dict[str, Tally] = {"all": Tally()}
    for item, doc in zip(labelled, docs, strict=True):
        found = [Predicted(s.text, "", None, 1.0) for s in doc.sents if _KEYWORDS.search(s.text)]
        tally = score_article(item.name, found, item.pledges, item.negatives)
        by_set.setdefault(item.set_name, Tally()).add(tally)
        by_set["all"].add(tally)
    return by_set
