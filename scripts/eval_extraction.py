"""Score pledge extraction on the labelled Wikinews dev articles, beside a keyword baseline.

Usage: python scripts/eval_extraction.py [--shared ../shared] [--details]
(Throughput over all 294 articles, beside spaCy's bare parse: python scripts/bench.py ingest)
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain import Article
from app.extract import Pipeline
from app.extract.clean import clean
from app.extract.dateline import make_article
from app.extract.sources import read_source

# Words that name a role rather than who it is: sharing only these is not naming the same actor.
_GENERIC = {
    "the",
    "of",
    "and",
    "a",
    "an",
    "per",
    "both",
    "by",
    "order",
    "directed",
    "president",
    "minister",
    "prime",
    "secretary",
    "governor",
    "government",
    "leader",
    "ceo",
    "chief",
    "foreign",
    "officers",
    "officer",
    "buyer",
    "mayor",
    "speaker",
    "u.s.",
    "senator",
}


@dataclass
class Found:
    """One pledge as predicted or labelled: its sentence span and fields."""

    start: int
    end: int
    actor: str
    due: str | None
    quote: str


Extractor = Callable[[Article], list[Found]]


def span_of(text: str, quote: str) -> tuple[int, int] | None:
    """Where a labelled sentence stands in the cleaned article text."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = [re.escape(w) for w in quote.split()]
    match = re.search(r"\s+".join(words), text)
    return None if match is None else (match.start(), match.end())


def same_sentence(a: Found, b: Found) -> bool:
    """Two spans name the same sentence when they overlap by half of the shorter."""
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0 and overlap >= 0.5 * min(a.end - a.start, b.end - b.start)


def actor_right(predicted: str, gold: str) -> bool:
    """Right when a gold alternative and the prediction share a word that names the actor."""
    ours = set(re.findall(r"[\w.'-]+", predicted.lower())) - _GENERIC
    plain = re.sub(r"\(.*?\)", "", gold.lower())
    for alternative in re.split(r"\s*/\s*|,", plain):
        theirs = set(re.findall(r"[\w.'-]+", alternative)) - _GENERIC
        if ours & theirs:
            return True
    return False


def ours(pipeline: Pipeline) -> Extractor:
    """The project's pledge and deadline stages."""

    def extract(article: Article) -> list[Found]:
        result = []
        for pledge in pipeline.find_pledges([article])[0]:
            due = None
            if pledge.deadline_text:
                found = pipeline.resolve_deadline(pledge.deadline_text, article.published).due
                due = None if found is None else found.isoformat()
            quotes = [
                (pledge.quote, pledge.quote_span),
                *((q.text, q.span) for q in pledge.more_quotes),
            ]
            for quote, span in quotes:  # each mention of a repeated pledge is scored
                result.append(Found(span.start, span.end, pledge.actor, due, quote))
        return result

    return extract


_KEYWORDS = re.compile(r"\b(?:will|pledge[sd]?|promise[sd]?|vow(?:s|ed)?|agree[sd]? to)\b", re.I)


def keyword_baseline(article: Article) -> list[Found]:
    """Every sentence that holds will, pledge, promise, vow or agree to, with no actor."""
    from app.extract.nlp import load_nlp

    doc = load_nlp()(article.text)
    return [
        Found(s.start_char, s.end_char, "", None, s.text)
        for s in doc.sents
        if _KEYWORDS.search(s.text)
    ]


def evaluate(
    extractor: Extractor,
    articles: dict[str, Article],
    gold: dict[str, list[dict[str, Any]]],
    negatives: dict[str, list[str]],
    details: bool,
) -> dict[str, float]:
    """Match predictions to labels sentence by sentence and count what an analyst would."""
    predicted_total = gold_total = matched = actors = dues = dated = negatives_taken = 0
    for name, article in articles.items():
        predicted = extractor(article)
        labels = []
        for item in gold.get(name, []):
            span = span_of(article.text, item["quote"])
            if span is None:
                print(f"  ! {name}: labelled sentence not found: {item['quote'][:60]!r}")
                continue
            labels.append((Found(*span, item["actor"], item["due"], item["quote"]), item))
        predicted_total += len(predicted)
        gold_total += len(labels)
        free = list(predicted)
        pairs: list[tuple[Found, dict[str, Any], Found]] = []
        # Pair labels first with predictions in the same sentence that name the same actor.
        for wants_actor in (True, False):
            for label, item in labels:
                if any(pair[0] is label for pair in pairs):
                    continue
                for p in free:
                    if same_sentence(p, label) and (
                        not wants_actor or actor_right(p.actor, label.actor)
                    ):
                        pairs.append((label, item, p))
                        free.remove(p)
                        break
        for label, item in labels:
            if not any(pair[0] is label for pair in pairs) and details:
                print(f"  MISSED {name}: [{item['actor']}] {item['quote'][:110]!r}")
        for label, item, best in pairs:
            matched += 1
            actors += actor_right(best.actor, label.actor)
            dues += best.due == label.due
            dated += label.due is not None and best.due == label.due
            if details and not actor_right(best.actor, label.actor):
                print(f"  ACTOR  {name}: ours {best.actor!r} gold {label.actor!r}")
            if details and best.due != label.due:
                print(
                    f"  DUE    {name}: ours {best.due} gold {label.due} ({item['deadline_text']!r})"
                )
        for extra in free:
            if details:
                print(f"  EXTRA  {name}: [{extra.actor}] {extra.quote[:110]!r}")
        for quote in negatives.get(name, []):
            span = span_of(article.text, quote)
            if span is None:
                continue
            negative = Found(*span, "", None, quote)
            if any(same_sentence(p, negative) for p in predicted):
                negatives_taken += 1
                if details:
                    print(f"  NEG    {name}: {quote[:110]!r}")
    precision = matched / predicted_total if predicted_total else 0.0
    recall = matched / gold_total if gold_total else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "predicted": predicted_total,
        "gold": gold_total,
        "matched": matched,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "actor": actors / matched if matched else 0.0,
        "due": dues,
        "dated": dated,
        "negatives": negatives_taken,
        "negatives_total": sum(len(v) for v in negatives.values()),
    }


def load_article(path: Path) -> Article:
    """Load, clean and date one Wikinews article."""
    return make_article(clean(read_source(path)))


def main() -> None:
    """Print the scores of the extractor and the keyword baseline."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parent.parent.parent / "shared"
    )
    parser.add_argument("--details", action="store_true", help="list every miss and extra")
    args = parser.parse_args()
    folder = args.shared / "data" / "wikinews"
    gold: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in (folder / "pledges-dev.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        gold[item["article"]].append(item)
    negatives: dict[str, list[str]] = defaultdict(list)
    for line in (folder / "negatives-dev.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        negatives[item["article"]].append(item["quote"])
    names = sorted(set(gold) | set(negatives))
    articles = {n: load_article(folder / "articles" / f"{n}.txt") for n in names}
    print(
        f"{'extractor':<18} {'P':>5} {'R':>5} {'F1':>5}  {'actor':>6}  {'due right':>9}  "
        f"{'negatives taken':>15}"
    )
    for label, extractor in (("ours", ours(Pipeline())), ("keyword baseline", keyword_baseline)):
        s = evaluate(extractor, articles, gold, negatives, args.details and label == "ours")
        print(
            f"{label:<18} {s['precision']:5.2f} {s['recall']:5.2f} {s['f1']:5.2f}  "
            f"{s['actor']:6.0%}  {s['due']:>4}/{s['matched']:<4}  "
            f"{s['negatives']:>7}/{s['negatives_total']:<7}"
            f"  ({s['matched']} of {s['gold']} labelled pledges found, {s['predicted']} predicted)"
        )


if __name__ == "__main__":
    main()
