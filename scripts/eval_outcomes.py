"""Score follow-up suggestions on labelled pledge and follow-up article pairs.

Each line of the pairs file names a pledge (its article, actor and action) and a later article
of the same topic, with the outcome that article reports ("met", "broken" or "partly", and the
day it happened) or null. A suggestion is right when it has the labelled outcome and day; any
other suggestion is wrong; a labelled outcome with no right suggestion is missed.

    python scripts/eval_outcomes.py [--pairs FILE] [--details]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from app.domain import Article, Outcome, Pledge, PledgeKind, PledgeRecord, Span
from app.extract.clean import clean
from app.extract.dateline import make_article
from app.extract.nlp import parse
from app.extract.outcomes import find_outcomes
from app.extract.readers import read_source

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True, slots=True)
class Pair:
    """A labelled pledge, a later article, and the outcome that article reports."""

    pledge_article: str
    actor: str
    action: str
    follow_up: str
    outcome: str | None
    on: date | None


def _load_article(path: Path) -> Article:
    """Load, clean and date one article as the pipeline does."""
    return make_article(clean(read_source(path)))


def load_pairs(path: Path) -> list[Pair]:
    """The labelled pairs of a JSON-lines file."""
    pairs = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        item = json.loads(line)
        on = date.fromisoformat(item["on"]) if item.get("on") else None
        if item["outcome"] not in (None, "met", "broken", "partly"):
            raise SystemExit(f'{path}:{number}: outcome must be "met", "broken", "partly" or null')
        pairs.append(
            Pair(
                item["pledge_article"],
                item["actor"],
                item["action"],
                item["follow_up"],
                item["outcome"],
                on,
            )
        )
    return pairs


def suggest(pair: Pair, articles: Path) -> Outcome | None:
    """What PledgeWatch suggests for the pair's pledge on reading the follow-up article."""
    pledged = _load_article(articles / f"{pair.pledge_article}.txt")
    later = _load_article(articles / f"{pair.follow_up}.txt")
    pledge = Pledge(pair.actor, pair.action, PledgeKind.PROMISE, pair.action, Span(0, 0))
    record = PledgeRecord(1, pledge, 1, pledged.title, pledged.published, pair.pledge_article)
    found = find_outcomes(parse(later.text), later.published, [record])
    return found[0] if found else None


def main() -> None:
    """Print the precision and recall of the suggestions over the pairs."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=HERE / "data" / "outcome-pairs.jsonl")
    parser.add_argument(
        "--articles",
        type=Path,
        default=HERE.parent / "data" / "wikinews" / "articles",
        help="the folder of the articles the pairs name (default: the project's data/)",
    )
    parser.add_argument("--details", action="store_true", help="list every pair's result")
    args = parser.parse_args()
    articles: Path = args.articles
    if not articles.is_dir():
        raise SystemExit(f"eval_outcomes: no articles folder at {articles} (see data/README.md)")
    pairs = load_pairs(args.pairs)
    right = wrong = 0
    for pair in pairs:
        found = suggest(pair, articles)
        is_right = (
            found is not None
            and pair.outcome == found.verdict.value
            and found.happened_on == pair.on
        )
        right += is_right
        wrong += found is not None and not is_right
        if args.details:
            verdict = "right" if is_right else ("WRONG" if found else "")
            if found is None and pair.outcome:
                verdict = "missed"
            said = (
                f"{found.verdict.value} {found.happened_on}: {found.evidence[:70]}"
                if found
                else "no suggestion"
            )
            print(f"{pair.actor[:24]:<24} {pair.follow_up}  {verdict:<6} {said}")
    labelled = sum(pair.outcome is not None for pair in pairs)
    made = right + wrong
    precision = right / made if made else 1.0
    recall = right / labelled if labelled else 1.0
    print(f"{len(pairs)} pairs, {labelled} with an outcome; {made} suggestions, {right} right")
    print(f"precision {precision:.2f}   recall {recall:.2f}")


if __name__ == "__main__":
    main()
