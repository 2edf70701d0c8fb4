"""Train the pledge model on every labelled article in data/ and write it into the package.

Usage: python scripts/train_pledge_model.py [--check]

Prints the cross-validated figures by threshold (article-level, 5 folds: no article is scored
by a model trained on it), picks the two thresholds from them, trains on all the articles with
a fixed seed, and writes resources/pledge_model.json. With --check, writes nothing and
fails if the shipped model is not what this training makes (the labels or the code changed).
"""

from __future__ import annotations

import argparse
import json
import sys
from importlib import resources
from pathlib import Path

from app.extract.pledge_model import MODEL_RESOURCE, PledgeModel
from app.training.dataset import FOLDS, data_fingerprint, load_labelled, missing_data
from app.training.evaluate import THRESHOLDS, cross_validated, dealt_anew, tallies
from app.training.fit import SEED, STRENGTH, examples, fit, read_all

# What the thresholds are chosen for, on the cross-validated figures over all articles:
# tracked pledges are right this often; the review band starts where precision and recall
# together are best (F1; of thresholds as good, the lowest: recall first): lower, the analyst's
# inbox fills with more wrong pledges than right.
TRACKED_PRECISION = 0.85
# The articles are split into folds this many ways (the fixed split, then shuffles) and the
# figures averaged: one split's luck moved a threshold by a step on changes of 0.001.
SPLITS = 4
# F1 this close to the best is as good: 0.45 and 0.50 came within 0.0002 of each other, and
# the review threshold jumped between them from one change to the next.
F1_TIE = 0.005


def main() -> int:
    """Train, report and write (or check) the model."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped model")
    args = parser.parse_args()
    problem = missing_data()
    if problem:
        print(f"train_pledge_model: {problem}", file=sys.stderr)
        return 2
    labelled = load_labelled()
    from app.training.fit import parse

    read = read_all(parse(labelled))  # described once, for every split and the final fit
    splits = [labelled, *(dealt_anew(labelled, seed) for seed in range(1, SPLITS))]
    means = [[0.0, 0.0] for _ in THRESHOLDS]  # precision and recall, by threshold
    for split in splits:
        run = cross_validated(split, read, FOLDS)
        for mean, threshold in zip(means, THRESHOLDS, strict=True):
            total = tallies(split, run.pledges(review=threshold, track=threshold),
                            tracked_only=False)["all"]  # fmt: skip
            mean[0] += total.precision / len(splits)
            mean[1] += total.recall / len(splits)
    print(f"{'threshold':>9}  {'P':>5} {'R':>5} {'F1':>5}   (cross-validated, all 120 articles, "
          f"mean of {len(splits)} splits)")  # fmt: skip
    rows = [(threshold, p, r, 2 * p * r / (p + r) if p + r else 0.0)
            for threshold, (p, r) in zip(THRESHOLDS, means, strict=True)]  # fmt: skip
    for threshold, precision, recall, f1 in rows:
        print(f"{threshold:9.2f}  {precision:5.2f} {recall:5.2f} {f1:5.2f}")
    track = next((t for t, p, _r, _f in rows if p >= TRACKED_PRECISION), rows[-1][0])
    below = [row for row in rows if row[0] <= track]
    best = max(row[3] for row in below)
    # recall comes first: of thresholds as good as the best (within F1_TIE), the lowest
    review = min(row[0] for row in below if row[3] >= best - F1_TIE)
    print(f"thresholds: track {track} (P >= {TRACKED_PRECISION} first reached), review {review}")
    model = fit(examples(labelled, read), track=track, review=review)
    about = {
        "trained_on": f"{len(labelled)} labelled articles in data/ ({data_fingerprint()})",
        "learner": f"scikit-learn LogisticRegression(C={STRENGTH}, class_weight=balanced, "
        f"random_state={SEED})",
        "thresholds": f"track: the lowest threshold whose cross-validated precision is "
        f">= {TRACKED_PRECISION}; review: the lowest one below it whose cross-validated F1 is "
        f"within {F1_TIE} of the best "
        f"(figures: the mean of {len(splits)} splits of the articles into {FOLDS} folds)",
        "cross_validated": {f"{t:.2f}": [round(p, 3), round(r, 3)] for t, p, r, _f in rows},
    }
    model = PledgeModel(model.weights, model.intercept, track, review, about)
    target = Path(str(resources.files("app.resources").joinpath(MODEL_RESOURCE)))
    if args.check:
        shipped = target.read_text("utf-8") if target.exists() else ""
        same = shipped == model.to_json()
        print("the shipped model is what this training makes" if same else
              "the shipped model differs from what this training makes: retrain")  # fmt: skip
        return 0 if same else 1
    target.write_text(model.to_json(), "utf-8")
    print(f"wrote {target} ({len(model.weights)} weights)")
    print(json.dumps({k: v for k, v in about.items() if k != "cross_validated"}, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
