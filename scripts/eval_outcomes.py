"""Score the follow-up search on labelled pledge and later-report pairs: with the pledge given,
and end to end.

Three sets: the project's own pairs (scripts/data/outcome-pairs.jsonl), and the Wikinews and
MEANTIME follow-ups in data/ (followups-dev.jsonl, each with the distractors of the same story
in followup-distractors-dev.jsonl: later articles that report no outcome of the pledge). Each
pledge is stored as it was labelled (its actor and action; for a distractor whose pledge has no
label, the pledge the extractor finds in its sentence; its due date, which the follow-up labels
do not give, as the extractor reads its sentence), the later article is read, and what
PledgeWatch suggests is scored:

- right: the suggestion's sentence is the labelled outcome sentence (sentence match; for the
  project's own pairs, which quote none, its verdict and day are the labelled ones);
- precision: right suggestions / all suggestions (a suggestion on a distractor is wrong);
- recall: right suggestions / labelled outcomes;
- verdict right (met, broken, partly) and day right, among the right suggestions (the day only
  where the label gives one).

End to end, every article of a corpus's pairs and distractors is imported into a new database
in date order, as `pledgewatch ingest` would, the extractor finding the pledges; a suggestion is
judged when its pledge is one of the labelled pledges (its sentence) and its article the pair's
later article: right when its sentence is the labelled outcome, else wrong. "found" counts the
labelled pledges the extractor stored (tracked or to review): a pledge it missed cannot be
followed up.

The matcher's rules are kinds of wording (an act told in the passive, an event told as won, a
post left); several were found reading these pairs' misses, so on them the figures are tuning
figures: only story pairs the project has not seen measure how the rules carry over.

    python scripts/eval_outcomes.py [--data data] [--details] [--end-to-end]
"""

from __future__ import annotations

import argparse
import json
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

from app.domain import Article, Outcome, Pledge, PledgeKind, PledgeRecord, Span, Suggestion
from app.extract import Pipeline
from app.extract.clean import clean
from app.extract.dateline import make_article
from app.extract.nlp import parse
from app.extract.outcome_ranking import OutcomeModel, ranked_outcomes, shipped_outcome_model
from app.extract.outcomes import find_outcomes
from app.extract.readers import read_source
from app.training.outcome_fit import PairExample, fold_models, pair_example, stories
from app.training.scoring import same_sentence

HERE = Path(__file__).resolve().parent
CORPORA = ("wikinews", "meantime")


@dataclass(frozen=True, slots=True)
class Case:
    """A pledge, a later article of its story, and what that article reports of it."""

    articles: Path  # the folder both articles are in
    pledge_article: str
    actor: str
    action: str
    later_article: str
    outcome: str | None  # met, broken or partly; None: a distractor, which reports no outcome
    outcome_quote: str | None = None  # the labelled outcome sentence, where the label has one
    on: date | None = None
    due: date | None = None  # the pledge's due date, as the extractor reads its sentence

    def is_right(self, found: Outcome) -> bool:
        """Whether a suggestion is the labelled outcome: its sentence where the label quotes
        one, else its verdict and day (the project's own pairs)."""
        if self.outcome_quote is not None:
            return same_sentence(found.evidence, self.outcome_quote)
        return found.verdict.value == self.outcome and found.happened_on == self.on


@dataclass
class Score:
    """What one set of cases came to."""

    labelled: int = 0
    distractors: int = 0
    suggested: int = 0
    right: int = 0
    verdict_right: int = 0
    dated: int = 0  # right suggestions whose label gives a day
    day_right: int = 0
    lines: list[str] = field(default_factory=list)

    def row(self, name: str) -> str:
        """One line of the table."""
        precision = self.right / self.suggested if self.suggested else 1.0
        recall = self.right / self.labelled if self.labelled else 1.0
        return (
            f"  {name:<22} {self.labelled:>5} {self.distractors:>5} {self.suggested:>5} "
            f"{precision:6.2f} {recall:6.2f}   {self.verdict_right:>3}/{self.right:<3}"
            f"   {self.day_right:>3}/{self.dated:<3}"
        )


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def own_cases(path: Path, articles: Path) -> list[Case]:
    """The project's own pairs: `why` is the outcome sentence, `on` its day."""
    cases = []
    for line in path.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            cases.append(Case(
                articles, item["pledge_article"], item["actor"], item["action"],
                item["follow_up"], item["outcome"], None, _day(item.get("on")),
            ))  # fmt: skip
    return cases


def corpus_cases(data: Path, corpus: str) -> list[Case]:
    """A corpus's follow-ups, then its distractors (their pledge's actor and action taken from
    the follow-ups or the pledge labels; else found by the extractor in the pledge sentence)."""
    folder = data / corpus
    articles = folder / "articles"
    follow = [json.loads(x) for x in (folder / "followups-dev.jsonl").read_text().splitlines()]
    known = {item["pledge_quote"]: (item["actor"], item["action"]) for item in follow}
    for labels in sorted(folder.glob("pledges-*.jsonl")):
        for line in labels.read_text("utf-8").splitlines():
            item = json.loads(line)
            known.setdefault(item["quote"], (item["actor"], item["action"]))
    cases = [
        Case(
            articles,
            item["pledge_article"],
            item["actor"],
            item["action"],
            item["outcome_article"],
            item["outcome"],
            item["outcome_quote"],
            _day(item["outcome_date"]),
            _due(articles / f"{item['pledge_article']}.txt", item["pledge_quote"]),
        )
        for item in follow
    ]
    distractors = folder / "followup-distractors-dev.jsonl"
    for line in distractors.read_text("utf-8").splitlines():
        item = json.loads(line)
        path, quote = articles / f"{item['pledge_article']}.txt", item["pledge_quote"]
        pledge = known.get(quote) or _extracted(path, quote)
        if pledge is not None:
            actor, action = pledge
            later = item["later_article"]
            case = Case(articles, item["pledge_article"], actor, action, later, None,
                        due=_due(path, quote))  # fmt: skip
            cases.append(case)
    return cases


def _due(path: Path, quote: str) -> date | None:
    """The due date the extractor gives a pledge of this sentence (the follow-up labels give
    none): the gold pledge is stored as it would be from its sentence."""
    found = (p.due for p in _extracted_from(path) if same_sentence(p.quote, quote))
    return next((due for due in found if due is not None), None)


def _extracted(path: Path, quote: str) -> tuple[str, str] | None:
    for pledge in _extracted_from(path):
        if same_sentence(pledge.quote, quote):
            return pledge.actor, pledge.action
    return None


@cache
def _extracted_from(path: Path) -> tuple[Pledge, ...]:
    """The pledges the extractor finds in an article, read once however many cases ask."""
    return tuple(_pipeline().run_file(path).pledges)


@cache
def _pipeline() -> Pipeline:
    return Pipeline()


@cache
def _article(path: Path) -> tuple[Article, object]:
    """An article loaded, cleaned and dated as the pipeline does, and its parse."""
    article = make_article(clean(read_source(path)))
    return article, parse(article.text)


def pledge_and_later(case: Case) -> tuple[PledgeRecord, tuple[Any, date, str]]:
    """The case's pledge as a stored one; the later article's parse, day and title."""
    pledged, _ = _article(case.articles / f"{case.pledge_article}.txt")
    later, doc = _article(case.articles / f"{case.later_article}.txt")
    pledge = Pledge(case.actor, case.action, PledgeKind.PROMISE, case.action, Span(0, 0),
                    due=case.due)  # fmt: skip
    record = PledgeRecord(1, pledge, 1, pledged.title, pledged.published, case.pledge_article)
    return record, (doc, later.published, later.title)


def suggestions(case: Case) -> list[Outcome]:
    """What the matcher's rules suggest for the case's pledge on reading the later article."""
    record, (doc, published, _title) = pledge_and_later(case)
    return find_outcomes(doc, published, [record])


def examples(cases: list[Case]) -> list[PairExample]:
    """The ranker's training examples of the cases, each with its story."""
    named = stories([(c.pledge_article, c.later_article) for c in cases])
    return [
        pair_example(story, *pledge_and_later(case), case.outcome_quote)
        for story, case in zip(named, cases, strict=True)
    ]


def ranked(cases: list[Case], models: list[OutcomeModel]) -> list[Outcome | None]:
    """Each case's best-ranked outcome by its model, whatever its confidence."""
    best = []
    for case, model in zip(cases, models, strict=True):
        record, (doc, published, title) = pledge_and_later(case)
        everything = replace(model, kept=0.0, shown=1.1)
        found = ranked_outcomes(doc, published, [record], everything, title=title)
        best.append(found[0] if found else None)
    return best


def score_ranked(cases: list[Case], best: list[Outcome | None], threshold: float) -> Score:
    """Score the ranked suggestions that the rules make or whose confidence reaches the
    threshold."""
    tally = Score()
    for case, outcome in zip(cases, best, strict=True):
        wanted = outcome is not None and (outcome.likely or outcome.confidence >= threshold)
        found = [outcome] if outcome is not None and wanted else []
        _tally(tally, case, found)
    return tally


def score(cases: list[Case]) -> Score:
    """Score the suggestions made for the cases."""
    tally = Score()
    for case in cases:
        _tally(tally, case, suggestions(case))
    return tally


def _tally(tally: Score, case: Case, found: list[Outcome]) -> None:
    """Count what was suggested for one case."""
    tally.suggested += len(found)
    if case.outcome is None:
        tally.distractors += 1
        verdict = "WRONG (distractor)" if found else "ok"
    else:
        tally.labelled += 1
        hits = [o for o in found if case.is_right(o)]
        verdict = "missed" if not found else "WRONG"
        if hits:
            tally.right += 1
            verdict = "right"
            hit = hits[0]
            tally.verdict_right += hit.verdict.value == case.outcome
            if case.on is not None:
                tally.dated += 1
                tally.day_right += hit.happened_on == case.on
    said = "; ".join(f"{o.verdict.value} {o.happened_on}: {o.evidence[:60]}" for o in found)
    tally.lines.append(
        f"  {case.actor[:22]:<22} {case.later_article[:40]:<40} {verdict:<18} {said}"
    )


@dataclass(frozen=True, slots=True)
class Pair:
    """A labelled pledge sentence, a later article, and the outcome sentence (None: distractor)."""

    pledge_article: str
    pledge_quote: str
    later_article: str
    outcome: str | None
    outcome_quote: str | None
    on: date | None


def corpus_pairs(data: Path, corpus: str) -> list[Pair]:
    """A corpus's follow-ups and distractors, by their sentences."""
    folder = data / corpus
    pairs = []
    for line in (folder / "followups-dev.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        outcome, quote, on = item["outcome"], item["outcome_quote"], _day(item["outcome_date"])
        pairs.append(Pair(item["pledge_article"], item["pledge_quote"], item["outcome_article"],
                          outcome, quote, on))  # fmt: skip
    for line in (folder / "followup-distractors-dev.jsonl").read_text("utf-8").splitlines():
        item = json.loads(line)
        pairs.append(Pair(item["pledge_article"], item["pledge_quote"], item["later_article"],
                          None, None, None))  # fmt: skip
    return pairs


def end_to_end(data: Path, corpus: str) -> tuple[Score, Score, int]:
    """Import the corpus's paired articles in date order into a new database and score the
    suggestions made, the likely ones and all of them (with "Show more"); also how many
    labelled pledges were stored."""
    import tempfile

    from app.services.importing import ingest_each
    from app.store.engine import make_engine, open_session
    from app.store.reads import list_pledges
    from app.store.suggestion_queries import list_suggestions

    articles = data / corpus / "articles"
    pairs = corpus_pairs(data, corpus)
    names = sorted({n for p in pairs for n in (p.pledge_article, p.later_article)})
    paths = sorted((articles / f"{n}.txt" for n in names),
                   key=lambda path: (_article(path)[0].published, path.name))  # fmt: skip
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(str(Path(folder) / "e2e.db"))
        for _ in ingest_each(engine, paths, at=datetime.now(UTC)):
            pass
        with open_session(engine) as session:
            suggested = list_suggestions(session=session)
            stored = list_pledges(session=session, today=date(2100, 1, 1))
        engine.dispose()
    labelled = {(p.pledge_article, p.pledge_quote) for p in pairs}
    found = sum(
        any(_quoted(r, quote) and Path(r.article_source).stem == name for r in stored)
        for name, quote in labelled
    )
    likely = _score_stored(pairs, [s for s in suggested if s.likely])
    return likely, _score_stored(pairs, suggested), found


def _score_stored(pairs: list[Pair], suggested: list[Suggestion]) -> Score:
    """Score the stored suggestions on the pairs."""
    tally = Score()
    for pair in pairs:
        judged = [s for s in suggested
                  if Path(s.article_source).stem == pair.later_article
                  and _quoted(s.record, pair.pledge_quote)]  # fmt: skip
        tally.suggested += len(judged)
        if pair.outcome is None:
            tally.distractors += 1
            continue
        tally.labelled += 1
        hits = [s for s in judged if same_sentence(s.evidence, pair.outcome_quote or "")]
        if hits:
            tally.right += 1
            tally.verdict_right += hits[0].verdict.value == pair.outcome
            if pair.on is not None:
                tally.dated += 1
                tally.day_right += hits[0].happened_on == pair.on
    return tally


def _quoted(record: PledgeRecord, quote: str) -> bool:
    """Whether a stored pledge was found in this sentence."""
    pledge = record.pledge
    return any(
        same_sentence(q, quote) for q in (pledge.quote, *(m.text for m in pledge.more_quotes))
    )


def _print_ranked(sets: dict[str, list[Case]], details: bool) -> None:
    """The ranked suggestions: on the corpora cross-validated by story, on the project's own
    pairs by the shipped model (trained on the corpora only)."""
    model = shipped_outcome_model()
    corpora = [case for name, cases in sets.items() if not name.startswith("own") for case in cases]
    folded = dict(zip(map(id, corpora), ranked(corpora, fold_models(examples(corpora))),
                      strict=True))  # fmt: skip
    for shown, title in ((model.shown, "shown at once"), (model.kept, 'with "Show more"')):
        print(f"Ranked (the rules' outcome, else the model's best sentence), {title} "
              f"(confidence >= {shown}); corpora cross-validated by story:")  # fmt: skip
        print(f"  {'set':<22} {'pairs':>5} {'distr':>5} {'sugg':>5} {'P':>6} {'R':>6}"
              "   verdict    day")  # fmt: skip
        total = Score()
        for name, cases in sets.items():
            if name.startswith("own"):
                best = ranked(cases, [model] * len(cases))
            else:
                best = [folded[id(case)] for case in cases]
            tally = score_ranked(cases, best, shown)
            print(tally.row(name))
            if not name.startswith("own"):
                _add(total, tally)
            if details and shown == model.kept:
                print("\n".join(tally.lines))
        print(total.row("both corpora"))
        print()


def _add(total: Score, tally: Score) -> None:
    for key in ("labelled", "distractors", "suggested", "right", "verdict_right", "dated",
                "day_right"):  # fmt: skip
        setattr(total, key, getattr(total, key) + getattr(tally, key))


def main() -> int:
    """Print the table, and with --details each case's result."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=HERE.parent / "data", help="labelled data")
    parser.add_argument("--details", action="store_true", help="list every case's result")
    parser.add_argument(
        "--end-to-end",
        action="store_true",
        help="also import every article in date order and score what is suggested",
    )
    args = parser.parse_args()
    data: Path = args.data
    missing = [data / c / "followups-dev.jsonl" for c in CORPORA]
    missing = [p for p in missing if not p.is_file()]
    if missing:
        print(f"eval_outcomes: no labelled follow-ups at {missing[0]} (see data/README.md)")
        return 2
    sets = {"own pairs (tuning)": own_cases(
        HERE / "data" / "outcome-pairs.jsonl", data / "wikinews" / "articles")}  # fmt: skip
    for corpus in CORPORA:
        sets[f"{corpus} follow-ups"] = corpus_cases(data, corpus)
    print("With the pledge given (labelled actor and action), the current matcher:")
    print(f"  {'set':<22} {'pairs':>5} {'distr':>5} {'sugg':>5} {'P':>6} {'R':>6}"
          "   verdict    day")  # fmt: skip
    total = Score()
    for name, cases in sets.items():
        tally = score(cases)
        print(tally.row(name))
        if not name.startswith("own"):
            for key in ("labelled", "distractors", "suggested", "right", "verdict_right",
                        "dated", "day_right"):  # fmt: skip
                setattr(total, key, getattr(total, key) + getattr(tally, key))
        if args.details:
            print("\n".join(tally.lines))
    print(total.row("both corpora"))
    print()
    _print_ranked(sets, args.details)
    if args.end_to_end:
        print()
        print("End to end (every article imported in date order, the extractor finding pledges;"
              " the shipped ranker, trained on these pairs: tuning figures):")  # fmt: skip
        print(f"  {'set':<22} {'pairs':>5} {'distr':>5} {'sugg':>5} {'P':>6} {'R':>6}"
              "   verdict    day   pledges stored")  # fmt: skip
        likely_all, every_all, stored_all, pledges_all = Score(), Score(), 0, 0
        for corpus in CORPORA:
            likely, every, found = end_to_end(data, corpus)
            pledges = len({(p.pledge_article, p.pledge_quote) for p in corpus_pairs(data, corpus)})
            print(f"{likely.row(corpus + ', likely')}   {found}/{pledges}")
            print(every.row(corpus + ", + Show more"))
            _add(likely_all, likely)
            _add(every_all, every)
            stored_all, pledges_all = stored_all + found, pledges_all + pledges
        print(f"{likely_all.row('both, likely')}   {stored_all}/{pledges_all}")
        print(every_all.row("both, + Show more"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
