"""Input at the edges: dates at the end of the calendar, articles with very many pledges or far
too long, and the same text fetched twice from its address."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING

from icalendar import Calendar

from app.extract.clean import MAX_ARTICLE_CHARS

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import CliRunner
    from tests.web import LocalWeb


def test_deadlines_past_the_calendar_keep_their_wording_and_no_due_date(cli: CliRunner) -> None:
    result = cli(
        "due", "--published", "2022-01-02", "by 9999", "in 8000 years", "within 3000000 days",
        "--json",
    )  # fmt: skip
    assert result.code == 0, result.err
    assert [row["due"] for row in json.loads(result.out)] == [None, None, None]
    late = cli("due", "--published", "9999-12-31", "next week", "next year", "--json")
    assert late.code == 0
    assert [row["due"] for row in json.loads(late.out)] == [None, None]


def test_an_article_with_far_off_deadlines_is_stored_whole_and_exports_and_checks(
    cli: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "far.txt"
    article.write_text(
        "Far Plans\n\nJanuary 2, 2022\n\nAcme will close the plant by 9999. Initech will open "
        "a plant in 8000 years. Globex will pay its debts by 2023.\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(article)).code == 0
    pledges = {p["actor"]: p for p in json.loads(cli("list", "--json").out)}
    assert (pledges["Acme"]["deadline_text"], pledges["Acme"]["due"]) == ("by 9999", None)
    assert pledges["Globex"]["due"] == "2023-12-31"
    assert cli("ingest", str(article), "--published", "9999-12-31").code == 0
    exported = cli("export", "--format", "ics", "-o", "-")
    assert exported.code == 0, exported.err
    events = list(Calendar.from_ical(exported.out.encode()).walk("VEVENT"))
    assert [e.decoded("dtstart") for e in events] == [date(2023, 12, 31)]
    checked = cli("check", "--now", "9999-12-31", "--json")
    assert checked.code == 0, checked.err


def test_an_article_with_over_a_thousand_named_pledges_is_stored(
    cli: CliRunner, tmp_path: Path
) -> None:
    names = ["Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell"]
    body = " ".join(
        f"{names[i % 8]} Corp {i} will close plant number {i} next month." for i in range(1050)
    )
    article = tmp_path / "many.txt"
    article.write_text(f"Many Plans\n\nJanuary 2, 2022\n\n{body}\n", encoding="utf-8")
    first = cli("ingest", str(article))
    assert first.code == 0, first.err
    stored = int(re.search(r"added; ([\d,]+) pledges", first.out)[1].replace(",", ""))  # type: ignore[index]
    assert stored > 1000
    again = tmp_path / "again.txt"  # a later article that repeats them: the lookup holds too
    again.write_text(f"Many Plans Again\n\nJanuary 9, 2022\n\n{body} Soon.\n", encoding="utf-8")
    second = cli("ingest", str(again))
    assert second.code == 0, second.err
    assert f"{stored} reported again" in second.out


def test_a_text_far_too_long_for_an_article_is_refused_in_one_line(
    cli: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "huge.txt"
    sentence = "Acme Corp will close the plant and open a factory and hire workers and "
    article.write_text(
        "Huge\n\nJanuary 2, 2022\n\n" + sentence * (MAX_ARTICLE_CHARS // len(sentence) + 10),
        encoding="utf-8",
    )
    result = cli("ingest", str(article))
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert f"PledgeWatch reads articles of up to {MAX_ARTICLE_CHARS:,}" in result.err
    assert json.loads(cli("list", "--json").out) == []


def test_a_text_or_pdf_address_fetched_again_is_found_stored(cli: CliRunner, web: LocalWeb) -> None:
    url = web.add(
        "/story.txt",
        "Plant to Close\n\nJanuary 21, 2022\n\nAcme Corp will close the plant next month.\n",
        "text/plain",
    )
    assert "added; 1 pledge" in cli("ingest", url).out
    web.add(  # the page changed a little (a counter, an ad): the address is the same article
        "/story.txt",
        "Plant to Close\n\nJanuary 21, 2022\n\nAcme Corp will close the plant next month.\n"
        "Read 1,024 times.\n",
        "text/plain",
    )
    again = cli("ingest", url)
    assert "already stored, nothing added" in again.out
    assert len(json.loads(cli("list", "--json").out)) == 1


def test_a_sentence_of_a_thousand_words_costs_little_and_the_rest_is_read(
    cli: CliRunner, tmp_path: Path
) -> None:
    """What one sentence may cost: one that runs past MAX_SENTENCE_TOKENS words is not read
    for pledges; the article's other sentences are."""
    from app.extract.pledges import MAX_SENTENCE_TOKENS

    verbs = ["close the plant", "open the factory", "hire workers", "pay the debt", "sell it"]
    runaway = "Acme Corp will " + " and ".join(verbs[i % 5] for i in range(250))
    assert len(runaway.split()) > MAX_SENTENCE_TOKENS
    article = tmp_path / "runaway.txt"
    article.write_text(
        f"Runaway\n\nJanuary 2, 2022\n\n{runaway}\n\nGlobex will open a plant next month.\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(article))
    assert result.code == 0, result.err
    actors = {p["actor"] for p in json.loads(cli("list", "--json").out)}
    assert actors == {"Globex"}
