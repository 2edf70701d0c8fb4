"""The pledge model: trained from the labelled data in the project, shipped, and read back."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from app.extract.pledge_model import MODEL_RESOURCE, PledgeModel, shipped_model
from app.training.dataset import FOLDS, data_fingerprint, load_labelled, missing_data
from app.training.fit import examples, fit, parse, read_all


def test_the_shipped_model_was_trained_on_the_labels_in_the_project() -> None:
    assert missing_data() is None
    about = shipped_model().about
    assert data_fingerprint() in about["trained_on"], (
        "the labels changed since the model was trained: python scripts/train_pledge_model.py"
    )
    assert about["trained_on"].startswith("120 labelled articles")


def test_the_thresholds_were_picked_from_cross_validation() -> None:
    model = shipped_model()
    figures = {float(t): pr for t, pr in model.about["cross_validated"].items()}
    assert 0 < model.review < model.track < 1
    assert figures[model.track][0] >= 0.85  # tracked pledges: right 85% of the time or more
    f1 = {t: 2 * p * r / (p + r) for t, (p, r) in figures.items() if t <= model.track}
    # recall first: the lowest threshold whose F1 is within 0.005 of the best
    assert model.review == min(t for t, f in f1.items() if f >= max(f1.values()) - 0.005)


def test_the_model_file_round_trips() -> None:
    text = resources.files("app.resources").joinpath(MODEL_RESOURCE).read_text("utf-8")
    assert PledgeModel.from_json(text).to_json() == text
    assert json.loads(text)["format"] == 1
    with pytest.raises(ValueError, match="format"):
        PledgeModel.from_json(text.replace('"format": 1', '"format": 99'))


def test_training_learns_from_the_labels_and_scores_by_article_folds() -> None:
    """A small training run, the way the script does it: every fold holds articles of every
    set, and a model trained on some articles tells their pledges from the rest."""
    labelled = load_labelled()
    assert {item.fold for item in labelled} == set(range(FOLDS))
    assert len({(item.set_name, item.fold) for item in labelled}) == 6 * FOLDS
    few = [item for item in labelled if item.set_name == "wikinews/pledges-dev"][:8]
    found = examples(few, read_all(parse(few)))
    assert {e.label for e in found} == {0, 1}
    model = fit(found, track=0.9, review=0.5)
    positive = [model.probability(e.described.features) for e in found if e.label]
    negative = [model.probability(e.described.features) for e in found if not e.label]
    assert sum(positive) / len(positive) > sum(negative) / len(negative) + 0.3


def test_another_split_deals_the_same_articles_round_every_fold() -> None:
    from app.training.evaluate import dealt_anew

    labelled = load_labelled()
    again = dealt_anew(labelled, seed=1)
    assert [i.name for i in again] == [i.name for i in labelled]
    assert {i.fold for i in again} == set(range(FOLDS))
    assert [i.fold for i in again] != [i.fold for i in labelled]
    assert [i.fold for i in dealt_anew(labelled, seed=1)] == [i.fold for i in again]
