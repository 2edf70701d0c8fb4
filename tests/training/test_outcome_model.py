"""The follow-up ranker: trained from the labelled story pairs in the project, shipped, read
back, and used the way its docstring says."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources

import pytest

from app.domain import Pledge, PledgeKind, PledgeRecord, Span, Verdict
from app.extract.nlp import parse
from app.extract.outcome_ranking import (
    MODEL_RESOURCE,
    OutcomeModel,
    ranked_outcomes,
    shipped_outcome_model,
)
from app.training.outcome_fit import fit_outcome_model, pair_example, stories

_PLEDGE = Pledge(
    "United States",
    "provide a written response to its European security demands",
    PledgeKind.PROMISE,
    "The United States will provide a written response next week.",
    Span(0, 0),
)
_RECORD = PledgeRecord(1, _PLEDGE, 1, "Talks", date(2022, 1, 21), "sample.txt")
_LATER = (
    "Response Handed Over\n\nJanuary 26, 2022\n\n"
    "Snow fell across Moscow for the third day in a row this week.\n\n"
    "The written response was handed to Russian officials by the U.S. ambassador on "
    "Wednesday.\n\n"
    "The United States on Wednesday delivered its written response to Russia's security "
    "demands.\n"
)


def test_the_model_file_round_trips() -> None:
    text = resources.files("app.resources").joinpath(MODEL_RESOURCE).read_text("utf-8")
    assert OutcomeModel.from_json(text).to_json() == text
    with pytest.raises(ValueError, match="format"):
        OutcomeModel.from_json(text.replace('"format": 1', '"format": 99'))


def test_the_thresholds_were_picked_from_cross_validation_by_story() -> None:
    model = shipped_outcome_model()
    figures = {float(t): prc for t, prc in model.about["cross_validated"].items()}
    assert 0 < model.kept <= model.shown < 1
    rules_own = figures[max(figures)][2]  # what the highest threshold lets through
    reached = [t for t, (p, _r, count) in sorted(figures.items()) if p >= 0.8 and count > rules_own]
    assert model.shown == (reached[0] if reached else max(figures))

    def f2(t: float) -> float:  # recall weighs twice: Show more is opened to find more
        p, r, _count = figures[t]
        return 5 * p * r / (4 * p + r) if p + r else 0.0

    assert model.kept == max((t for t in figures if t <= model.shown), key=f2)


def test_the_rules_outcome_stays_and_is_shown_at_once_with_its_confidence() -> None:
    [outcome] = ranked_outcomes(parse(_LATER), date(2022, 1, 26), [_RECORD])
    assert outcome.evidence.startswith("The United States on Wednesday delivered")
    assert outcome.likely
    assert 0 < outcome.confidence < 1
    assert (outcome.verdict, outcome.happened_on) == (Verdict.MET, date(2022, 1, 26))


def test_a_sentence_the_rules_miss_waits_behind_show_more_when_the_model_ranks_it_best() -> None:
    only_passive = _LATER.rsplit("\n\nThe United States on Wednesday", 1)[0] + "\n"
    model = OutcomeModel({"action's words": 12.0, "similarity": 4.0}, -6.0, shown=0.99, kept=0.3)
    [outcome] = ranked_outcomes(parse(only_passive), date(2022, 1, 26), [_RECORD], model)
    assert outcome.evidence.startswith("The written response was handed")
    assert not outcome.likely
    assert 0.3 <= outcome.confidence < 0.99
    assert outcome.happened_on == date(2022, 1, 26)  # "on Wednesday", before the 26th
    strict = OutcomeModel(model.weights, model.intercept, shown=0.999, kept=0.999)
    assert ranked_outcomes(parse(only_passive), date(2022, 1, 26), [_RECORD], strict) == []


def test_training_ranks_the_outcome_sentence_above_the_rest_of_its_article() -> None:
    doc = parse(_LATER)
    gold = _LATER.rsplit("\n\n", 1)[1].strip()
    examples = [pair_example("story", _RECORD, (doc, date(2022, 1, 26), "Handed over"), gold)]
    model = fit_outcome_model(examples)
    scores = [model.probability(row) for row in examples[0].rows]
    best = max(range(len(scores)), key=lambda n: scores[n])
    assert examples[0].right[best]
    assert sum(examples[0].right) == 1


def test_pairs_that_share_an_article_are_one_story() -> None:
    first, second, other, last = stories([("a", "b"), ("b", "c"), ("d", "e"), ("c", "a")])
    assert first == second == last != other


def test_the_shipped_model_names_only_features_the_ranker_makes() -> None:
    examples = [pair_example("s", _RECORD, (parse(_LATER), date(2022, 1, 26), "Handed"), None)]
    made = {name for row in examples[0].rows for name in row}
    assert set(shipped_outcome_model().weights) == made
    assert json.loads(shipped_outcome_model().to_json())["weights"]


def test_a_failure_makes_the_suggestion_broken_only_for_the_pledge_it_is_about() -> None:
    later = (
        "Talks Off\n\nJanuary 28, 2022\n\n"
        "Russian Foreign Minister Sergei Lavrov on Thursday called off the negotiations with "
        "Blinken.\n"
    )
    talks = Pledge("Antony Blinken", "hold further negotiations with Lavrov", PledgeKind.PROMISE,
                   "Blinken will hold further negotiations with Lavrov.", Span(0, 0))  # fmt: skip
    records = [_RECORD, PledgeRecord(2, talks, 1, "Talks", date(2022, 1, 21), "sample.txt")]
    keep_all = OutcomeModel({}, 0.0, shown=0.99, kept=0.1)
    found = ranked_outcomes(parse(later), date(2022, 1, 28), records, keep_all)
    verdicts = {o.pledge_id: o.verdict for o in found}
    assert verdicts == {1: Verdict.MET, 2: Verdict.BROKEN}
    assert {o.happened_on for o in found} == {date(2022, 1, 27)}  # "on Thursday"
