"""Scoring predicted pledges against labelled ones, the way shared/tools/score_pledges.py does:
one to one by sentence (one sentence holds most of the other's words), a second prediction on a
labelled sentence is a duplicate and no false alarm; the actor is right when a name word is
shared; the due date is right when equal."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Sequence

_WORD = re.compile(r"[a-z0-9]+")
_STOP = {
    "the", "a", "an", "of", "to", "and", "in", "on", "for", "with", "mr", "ms", "mrs",
    "president", "prime", "minister", "secretary", "s", "his", "her", "its", "their", "he",
    "she", "it", "they",
}  # fmt: skip


@dataclass(frozen=True)
class Predicted:
    """One predicted pledge as scored: its sentence, actor, due date (ISO) and confidence."""

    quote: str
    actor: str
    due: str | None
    confidence: float


@dataclass
class Tally:
    """Counts over some articles, and the figures made from them."""

    found: int = 0  # predicted pledges matched to a labelled one
    predicted: int = 0  # predictions that count (duplicates on labelled sentences do not)
    labelled: int = 0
    actor_right: int = 0
    dated: int = 0  # found pledges whose labelled pledge has a due date
    due_right: int = 0
    negatives: int = 0
    negatives_taken: int = 0
    misses: list[str] = field(default_factory=list)
    alarms: list[str] = field(default_factory=list)
    wrong_actors: list[str] = field(default_factory=list)  # found, with another actor
    wrong_dues: list[str] = field(default_factory=list)  # found, due on another day

    def add(self, other: Tally) -> None:
        """Count another tally in."""
        for name in ("found", "predicted", "labelled", "actor_right", "dated", "due_right",
                     "negatives", "negatives_taken"):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.alarms += other.alarms
        self.wrong_actors += other.wrong_actors
        self.wrong_dues += other.wrong_dues

    @property
    def precision(self) -> float:
        """Share of the predictions that are labelled pledges."""
        return self.found / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        """Share of the labelled pledges found."""
        return self.found / self.labelled if self.labelled else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        return f_score(self.precision, self.recall)


def f_score(precision: float, recall: float, beta: float = 1.0) -> float:
    """The F-score that weighs recall `beta` times as much as precision (F1 by default; 0 when
    both are 0)."""
    weighted = beta * beta * precision + recall
    return (1 + beta * beta) * precision * recall / weighted if weighted else 0.0


def words(text: str | None) -> list[str]:
    """The lower-case words of a text."""
    return _WORD.findall((text or "").lower())


def same_sentence(a: str, b: str) -> bool:
    """Whether two quotes are the same sentence (most of either's words are the other's)."""
    wa, wb = set(words(a)), set(words(b))
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 0.6 * min(len(wa), len(wb)) and shared >= 0.35 * max(len(wa), len(wb))


def same_actor(gold: str, predicted: str) -> bool:
    """Whether the predicted actor shares a name word with the labelled one."""
    return bool((set(words(gold)) - _STOP) & (set(words(predicted)) - _STOP))


def score_article(
    name: str,
    predicted: Sequence[Predicted],
    gold: Sequence[dict[str, Any]],
    negatives: Sequence[dict[str, Any]],
) -> Tally:
    """Match one article's predictions to its labels."""
    tally = Tally(labelled=len(gold), negatives=len(negatives))
    used: set[int] = set()
    for label in gold:
        hit = next(
            (i for i, p in enumerate(predicted)
             if i not in used and same_sentence(label["quote"], p.quote)), None,
        )  # fmt: skip
        if hit is None:
            tally.misses.append(f"{name}: {label['actor']} | {label['quote'][:140]}")
            continue
        used.add(hit)
        tally.found += 1
        chosen = predicted[hit]
        if same_actor(label["actor"], chosen.actor):
            tally.actor_right += 1
        else:
            tally.wrong_actors.append(
                f"{name}: {chosen.actor} (labelled {label['actor']}) | {label['quote'][:140]}"
            )
        if label["due"]:
            tally.dated += 1
            tally.due_right += chosen.due == label["due"]
            if chosen.due != label["due"]:
                tally.wrong_dues.append(
                    f"{name}: {chosen.due} (labelled {label['due']}) | {label['quote'][:140]}"
                )
    tally.predicted = tally.found
    for index, prediction in enumerate(predicted):
        if index in used or any(same_sentence(g["quote"], prediction.quote) for g in gold):
            continue
        tally.predicted += 1
        tally.alarms.append(f"{name}: {prediction.actor} | {prediction.quote[:140]}")
    for negative in negatives:
        tally.negatives_taken += any(same_sentence(negative["quote"], p.quote) for p in predicted)
    return tally
