"""Score the deadline resolver, with dateparser alone beside it, on MEANTIME and pledges-dev.

Usage: python scripts/eval_deadlines.py [--data data] [--failures]
"""

from __future__ import annotations

import argparse
import glob
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

import dateparser

from app.extract.deadlines import resolve_deadline

Resolver = Callable[[str, date], date | None]
Key = object


@dataclass(frozen=True)
class Case:
    """One expression with its reference date and gold answer."""

    text: str
    published: date
    gold: str  # a TIMEX3 value, or an ISO date, or "NONE"
    after: bool  # the gold period reaches past the reference date


def ours(text: str, published: date) -> date | None:
    """The project's resolver."""
    return resolve_deadline(text, published).due


def dateparser_alone(text: str, published: date) -> date | None:
    """dateparser as documented: English, relative to the publication date."""
    base = datetime(published.year, published.month, published.day)
    found = dateparser.parse(text, languages=["en"], settings={"RELATIVE_BASE": base})
    return None if found is None else found.date()


def gold_key(value: str) -> tuple[str, Key] | None:
    """The granularity and key of a gold value; None when no date is right."""
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})(T.*)?", value):
        return "day", date(int(m[1]), int(m[2]), int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})(-XX)?", value):
        return "month", (int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(?:FY)?(\d{4})", value):
        return "year", int(m[1])
    if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
        return "quarter", (int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-W(\d{2})(-WE)?", value):
        return "week", (int(m[1]), int(m[2]))
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return "season", (int(m[1]), m[2])
    if m := re.fullmatch(r"(\d{3})", value):
        return "decade", int(m[1])
    return None


def key_of(day: date, granularity: str) -> Key:
    """A resolved day seen at a gold value's granularity."""
    if granularity == "day":
        return day
    if granularity == "month":
        return (day.year, day.month)
    if granularity == "year":
        return day.year
    if granularity == "quarter":
        return (day.year, (day.month - 1) // 3 + 1)
    if granularity == "week":
        iso = day.isocalendar()
        return (iso.year, iso.week)
    if granularity == "season":
        codes = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU"}
        return (day.year - (day.month < 3), codes.get(day.month, "FA"))
    return day.year // 10


def gold_last_day(value: str) -> date | None:
    """The last day a gold value covers, to tell future references from past ones."""
    found = gold_key(value)
    if found is None:
        return None
    granularity, key = found
    if granularity == "day":
        assert isinstance(key, date)
        return key
    if granularity in {"year", "decade"}:
        assert isinstance(key, int)
        return date(
            key * (10 if granularity == "decade" else 1) + (9 if granularity == "decade" else 0),
            12,
            31,
        )
    assert isinstance(key, tuple)
    if granularity == "week":
        return date.fromisocalendar(key[0], key[1], 7)
    if granularity == "quarter":
        last_month = key[1] * 3
        return date(key[0] + last_month // 12, last_month % 12 + 1, 1) - timedelta(days=1)
    if granularity == "season":
        end_month = {"SP": 5, "SU": 8, "FA": 11, "WI": 14}[key[1]]
        year, month = key[0] + (end_month - 1) // 12, (end_month - 1) % 12 + 1
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    year, month = key
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)


def is_right(resolver: Resolver, case: Case) -> bool:
    """Right when the due date agrees with the gold value at its granularity."""
    due = resolver(case.text, case.published)
    found = gold_key(case.gold)
    if found is None:
        return due is None
    return due is not None and key_of(due, found[0]) == found[1]


def parse_dct(value: str) -> date:
    """A creation time as MEANTIME writes it (ISO, or DD-MM-YYYY in a few files)."""
    if m := re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", value):
        return date(int(m[3]), int(m[2]), int(m[1]))
    return date.fromisoformat(value[:10])


def meantime_cases(folder: Path) -> list[Case]:
    """Every TIMEX3 of type DATE with text, in documents that have a creation time."""
    cases = []
    for path in sorted(glob.glob(str(folder / "intra-doc_annotation" / "*" / "*.xml"))):
        root = ET.parse(path).getroot()
        tokens = {t.get("t_id"): t.text or "" for t in root.iter("token")}
        timexes = list(root.iter("TIMEX3"))
        dcts = [
            t.get("value", "") for t in timexes if t.get("functionInDocument") == "CREATION_TIME"
        ]
        if not dcts:
            continue
        published = parse_dct(dcts[0])
        for timex in timexes:
            if timex.get("type") != "DATE" or timex.get("functionInDocument") == "CREATION_TIME":
                continue
            words = [tokens[a.get("t_id")] for a in timex.iter("token_anchor")]
            text = re.sub(r" ([,.;:])", r"\1", " ".join(words)).replace(" 's", "'s")
            if not text:
                continue
            value = timex.get("value", "")
            last = gold_last_day(value)
            after = value == "FUTURE_REF" or (last is not None and last > published)
            cases.append(Case(text, published, value, after))
    return cases


def pledge_cases(data: Path) -> list[Case]:
    """The deadline_text and due pairs of the hand-labelled pledges of every labelled set."""
    from app.training.dataset import SETS

    cases = []
    for corpus, pledges, _negatives in SETS.values():
        folder = data / corpus
        for line in (folder / pledges).read_text("utf-8").splitlines():
            pledge = json.loads(line)
            if not pledge.get("deadline_text"):
                continue
            article = folder / "articles" / f"{pledge['article']}.txt"
            published = date.fromisoformat(article.read_text("utf-8").splitlines()[0].strip())
            cases.append(Case(pledge["deadline_text"], published, pledge["due"] or "NONE", True))
    return cases


def score(name: str, cases: Iterable[Case], show_failures: bool) -> None:
    """Print one row per resolver for a set of cases."""
    cases = list(cases)
    for label, resolver in (("ours", ours), ("dateparser alone", dateparser_alone)):
        right = [c for c in cases if is_right(resolver, c)]
        share = 100 * len(right) / len(cases) if cases else 0.0
        print(f"{name:<42} {label:<17} {len(right):>4}/{len(cases):<4} {share:5.1f}%")
        if show_failures and label == "ours":
            for case in cases:
                if case not in right:
                    due = ours(case.text, case.published)
                    print(f"    {case.published}  {case.text!r:50} gold {case.gold:<12} ours {due}")


def main() -> None:
    """Score both resolvers on every data set and print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parent.parent
    parser.add_argument("--data", type=Path, default=root / "data", help="the labelled data")
    parser.add_argument("--failures", action="store_true", help="list what ours got wrong")
    args = parser.parse_args()
    data = args.data
    if not (data / "meantime" / "intra-doc_annotation").is_dir():
        raise SystemExit(f"eval_deadlines: the MEANTIME corpus is missing under {data}")
    meantime = meantime_cases(data / "meantime")
    print(f"{'data set':<42} {'resolver':<17} {'right':>9}  share")
    score("MEANTIME DATEs, all", meantime, False)
    score("MEANTIME DATEs after the creation time", [c for c in meantime if c.after], args.failures)
    score("labelled pledges' deadlines (6 sets)", pledge_cases(data), args.failures)


if __name__ == "__main__":
    main()
