"""Score pledge extraction on the 120 labelled articles in data/, cross-validated by article.

Usage: python scripts/eval_extraction.py [--details] [--set NAME]

Each article is read by a model trained on the other four folds only (the shipped model is
trained on all of them, so its own figures are tuning figures and printed apart). Pledges are
built by the app's own code with the shipped model's two thresholds and scored the way
shared/tools/score_pledges.py scores `pledgewatch extract --json`: one to one by sentence.
Printed per labelled set and over all: P, R, F1, actor right, due right / found pledges whose
labelled pledge has a due date, labelled negatives taken; for tracked pledges only and for
tracked plus to-review; beside the keyword rule; then P and R by threshold.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from app.extract.pledge_model import shipped_model
from app.extract.pledges import pledges_from
from app.training.dataset import FOLDS, load_labelled, missing_data
from app.training.evaluate import THRESHOLDS, cross_validated, keyword_rule, tallies
from app.training.fit import parse, read_all

if TYPE_CHECKING:
    from app.training.scoring import Tally


def _row(name: str, tally: Tally) -> str:
    due = f"{tally.due_right}/{tally.dated}"
    actor = tally.actor_right / tally.found if tally.found else 0.0
    return (
        f"  {name:<26} {tally.precision:5.2f} {tally.recall:5.2f} {tally.f1:5.2f}  "
        f"{actor:6.0%}  {due:>9}  {tally.negatives_taken:>4}/{tally.negatives:<4} "
        f"({tally.found} of {tally.labelled} found, {tally.predicted} predicted)"
    )


def _table(title: str, by_set: dict[str, Tally]) -> None:
    print(title)
    print(f"  {'labelled set':<26} {'P':>5} {'R':>5} {'F1':>5}  {'actor':>6}  {'due right':>9}  "
          f"negatives taken")  # fmt: skip
    for name, tally in by_set.items():
        if name != "all":
            print(_row(name, tally))
    print(_row("all 120 articles", by_set["all"]))


def main() -> int:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--details", action="store_true",
                        help="list every miss, alarm, wrong actor and wrong due date")  # fmt: skip
    args = parser.parse_args()
    problem = missing_data()
    if problem:
        print(f"eval_extraction: {problem}", file=sys.stderr)
        return 2
    shipped = shipped_model()
    labelled = load_labelled()
    docs = parse(labelled)
    read = read_all(docs)
    run = cross_validated(labelled, read, FOLDS)
    print(f"Thresholds of the shipped model: track {shipped.track}, review {shipped.review}")
    print()
    found = run.pledges(review=shipped.review, track=shipped.track)
    both = tallies(labelled, found, tracked_only=False)
    _table("Cross-validated (5 folds by article), tracked plus to review:", both)
    print()
    _table("Cross-validated, tracked only:", tallies(labelled, found, tracked_only=True))
    print()
    _table("Keyword rule (will, pledge, promise, vow, agree to, ready to, plan to, ...):",
           keyword_rule(labelled, docs))  # fmt: skip
    print()
    own = [pledges_from(described, namer, shipped) for namer, described in read]
    _table("Tuning figures: the shipped model on the articles it was trained on:",
           tallies(labelled, own, tracked_only=False))  # fmt: skip
    print()
    print("Cross-validated P and R by threshold (every pledge at or above it), all articles:")
    print(f"  {'threshold':>9} {'P':>5} {'R':>5} {'F1':>5}")
    for threshold in THRESHOLDS:
        total = tallies(labelled, run.pledges(review=threshold, track=threshold),
                        tracked_only=False)["all"]  # fmt: skip
        print(f"  {threshold:9.2f} {total.precision:5.2f} {total.recall:5.2f} {total.f1:5.2f}")
    if args.details:
        print("\nMisses (cross-validated, tracked plus to review):")
        print("\n".join(f"  {line}" for line in both["all"].misses))
        print("\nAlarms:")
        print("\n".join(f"  {line}" for line in both["all"].alarms))
        print("\nFound with another actor than the labelled one:")
        print("\n".join(f"  {line}" for line in both["all"].wrong_actors))
        print("\nFound due on another day than the labelled one:")
        print("\n".join(f"  {line}" for line in both["all"].wrong_dues))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
