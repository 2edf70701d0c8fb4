"""Follow-ups: a later report of a pledge kept yields a suggestion the analyst can accept."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    from sqlalchemy import Engine

    from tests.conftest import CliRunner

FOLLOW_UP = """U.S. Hands Russia Written Response on Security Demands

January 26, 2022

{sentence}

Officials in both capitals declined to comment further on the talks.
"""
DELIVERED = (
    "The United States on Wednesday delivered its written response to Russia's security "
    "demands, Secretary of State Antony Blinken told reporters."
)


def _ingest_follow_up(cli: CliRunner, sample_path: Path, tmp_path: Path, sentence: str) -> str:
    cli("ingest", str(sample_path))
    article = tmp_path / "follow-up.txt"
    article.write_text(FOLLOW_UP.format(sentence=sentence), encoding="utf-8")
    result = cli("ingest", str(article))
    assert result.code == 0, result.err
    return result.out


def test_a_reported_delivery_is_suggested_and_accepting_marks_it_met(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    out = _ingest_follow_up(cli, sample_path, tmp_path, DELIVERED)
    assert "1 suggestion (" in out
    listed = cli("suggestions").out
    assert (
        "Mark 'United States: provide a written response to its European security demands' "
        "as met on 2022-01-26?"
    ) in listed
    assert DELIVERED in listed
    [suggestion] = json.loads(cli("suggestions", "--json").out)
    assert cli("accept", str(suggestion["id"])).code == 0
    us = next(p for p in json.loads(cli("list", "--json").out) if p["actor"] == "United States")
    assert (us["status"], us["met_on"]) == ("met", "2022-01-26")
    assert "U.S. Hands Russia Written Response" in us["met_note"]
    assert DELIVERED in us["met_note"]
    assert json.loads(cli("suggestions", "--json").out) == []
    again = cli("accept", str(suggestion["id"]))
    assert again.code == 1
    assert "already accepted or rejected" in again.err


def test_rejecting_leaves_the_pledge_open(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    _ingest_follow_up(cli, sample_path, tmp_path, DELIVERED)
    [suggestion] = json.loads(cli("suggestions", "--json").out)
    assert cli("reject", str(suggestion["id"])).code == 0
    us = next(p for p in json.loads(cli("list", "--json").out) if p["actor"] == "United States")
    assert us["met_on"] is None


@pytest.mark.parametrize(
    "sentence",
    [
        "The United States will deliver its written response to Russia's demands next week.",
        "The United States has not delivered its written response to Russia's demands.",
        "China delivered its written response to the United States on Wednesday.",
        "The United States delivered a shipment of grain to Ukraine on Wednesday.",
        "Analysts hope the United States delivered its written response on Wednesday.",
    ],
)
def test_no_suggestion_from_promises_denials_other_actors_or_other_things(
    cli: CliRunner, sample_path: Path, tmp_path: Path, sentence: str
) -> None:
    out = _ingest_follow_up(cli, sample_path, tmp_path, sentence)
    assert "suggestions" not in out
    assert json.loads(cli("suggestions", "--json").out) == []


def test_an_unknown_suggestion_is_one_clear_line(cli: CliRunner) -> None:
    result = cli("accept", "42")
    assert result.code == 1
    assert result.err.strip() == "pledgewatch: error: no suggestion with id 42"


def _us(cli: CliRunner) -> dict[str, object]:
    listed = json.loads(cli("list", "--json").out)
    return next(p for p in listed if p["actor"] == "United States")


def test_a_reported_refusal_is_suggested_and_accepting_marks_it_broken(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    refused = (
        "The United States on Wednesday refused to provide a written response to Russia's "
        "security demands, officials said."
    )
    assert "1 suggestion (" in _ingest_follow_up(cli, sample_path, tmp_path, refused)
    [suggestion] = json.loads(cli("suggestions", "--json").out)
    assert (suggestion["verdict"], suggestion["happened_on"]) == ("broken", "2022-01-26")
    assert "as broken on 2022-01-26?" in cli("suggestions").out
    accepted = cli("accept", str(suggestion["id"]))
    assert "broken on 2022-01-26" in accepted.out
    us = _us(cli)
    assert (us["status"], us["broken_on"], us["met_on"]) == ("broken", "2022-01-26", None)
    assert refused in str(us["broken_note"])
    assert cli("list", "--status", "broken", "--json").out.count('"United States"') == 1
    # Reminders are for open pledges only: a broken pledge is never reported overdue.
    reminders = cli("check", "--json", "--now", "2022-02-05").out
    assert "United States" not in reminders


def test_a_partly_kept_report_is_recorded_and_the_pledge_stays_open(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    partly = (
        "The United States on Wednesday partly delivered its written response to Russia's "
        "security demands."
    )
    _ingest_follow_up(cli, sample_path, tmp_path, partly)
    [suggestion] = json.loads(cli("suggestions", "--json").out)
    assert suggestion["verdict"] == "partly"
    assert "was partly kept on 2022-01-26?" in cli("suggestions").out
    assert "partly kept on 2022-01-26" in cli("accept", str(suggestion["id"])).out
    us = _us(cli)
    assert (us["met_on"], us["broken_on"]) == (None, None)


def test_a_pledge_reported_again_becomes_a_second_source_not_a_second_row(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    again = (
        "The United States will provide a written response to Russia's European security "
        "demands this week, Blinken said."
    )
    out = _ingest_follow_up(cli, sample_path, tmp_path, again)
    assert "1 reported again" in out
    assert "(reported again)" in out
    listed = json.loads(cli("list", "--json").out)
    assert [p["actor"] for p in listed].count("United States") == 1
    assert _us(cli)["due"] == "2022-01-30"  # the first report's deadline stands


def test_broken_by_hand_and_taken_back(cli: CliRunner, sample_path: Path) -> None:
    cli("ingest", str(sample_path))
    marked = cli("broken", "1", "--on", "2022-01-28", "--note", "talks collapsed")
    assert marked.code == 0
    assert "[broken]" in marked.out
    assert cli("met", "1", "--on", "2022-01-29").code == 0
    assert (_us(cli)["status"], _us(cli)["broken_on"]) == ("met", None)  # one verdict at a time
    cli("broken", "1")
    reopened = cli("unmet", "1")
    assert reopened.code == 0
    assert (_us(cli)["met_on"], _us(cli)["broken_on"]) == (None, None)


def test_a_suggestion_goes_once_the_analyst_has_decided_the_pledge(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    _ingest_follow_up(cli, sample_path, tmp_path, DELIVERED)
    [suggestion] = json.loads(cli("suggestions", "--json").out)
    cli("met", str(suggestion["pledge_id"]), "--on", "2022-01-27")
    assert json.loads(cli("suggestions", "--json").out) == []
    cli("unmet", str(suggestion["pledge_id"]))
    assert [s["id"] for s in json.loads(cli("suggestions", "--json").out)] == [suggestion["id"]]


def test_a_later_report_that_gives_a_deadline_dates_an_undated_pledge(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    again = "Joe Biden will hold further talks with Russian President Vladimir Putin next week."
    out = _ingest_follow_up(cli, sample_path, tmp_path, again)
    assert "1 reported again" in out
    listed = json.loads(cli("list", "--json").out)
    [biden] = [p for p in listed if p["actor"] == "Joe Biden"]
    # Published Wednesday 26 January 2022: "next week" ends on Sunday 6 February.
    assert (biden["due"], biden["deadline_text"]) == ("2022-02-06", "next week")


@pytest.mark.parametrize(
    ("first", "later", "verdict"),
    [
        # a body later called only by the two-letter short form the first article gave it
        (
            "Northern Rail (NR) said it would close the Elm Street depot next month.",
            "On Friday, NR closed the Elm Street depot.",
            "met",
        ),
        # a pledge to stay in a post, broken by leaving it
        (
            "Council chair Ann Lee said she would remain chair of the council until 2025.",
            "On Friday, Ann Lee resigned from her post as chair.",
            "broken",
        ),
    ],
)
def test_a_later_article_is_searched_for_every_kind_of_pledge(
    cli: CliRunner, tmp_path: Path, first: str, later: str, verdict: str
) -> None:
    for name, day, text in (("first", "March 1, 2022", first), ("later", "March 5, 2022", later)):
        article = tmp_path / f"{name}.txt"
        article.write_text(f"Headline about {name}\n\n{day}\n\n{text}\n", encoding="utf-8")
        assert cli("ingest", str(article)).code == 0
    [suggestion] = json.loads(cli("suggestions", "--json").out)
    assert (suggestion["verdict"], suggestion["happened_on"]) == (verdict, "2022-03-04")


def _keeping_every_best_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    """A ranker that keeps each pledge's best sentence as a possible outcome (12% likely) and
    the rules' outcome as a likely one, whatever the shipped weights are."""
    from app.extract import outcome_ranking

    model = outcome_ranking.OutcomeModel({"the rules' outcome": 8.0}, -2.0, shown=0.9, kept=0.05)
    monkeypatch.setattr(outcome_ranking, "shipped_outcome_model", lambda: model)


def test_less_likely_suggestions_are_listed_only_when_asked_for_and_can_be_accepted(
    cli: CliRunner, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _keeping_every_best_sentence(monkeypatch)
    out = _ingest_follow_up(cli, sample_path, tmp_path, DELIVERED)
    assert "1 suggestion (" in out  # the import tells of the likely one only
    [likely] = json.loads(cli("suggestions", "--json").out)
    assert (likely["actor"], likely["likely"]) == ("United States", True)
    every = json.loads(cli("suggestions", "--json", "--more").out)
    assert every[0] == likely  # the likely ones first
    possible = every[1:]
    assert possible
    assert all(not s["likely"] and s["confidence"] == pytest.approx(0.119, abs=0.001)
               for s in possible)  # fmt: skip
    text = cli("suggestions", "--more").out
    assert text.count("possible, 12% likely") == len(possible)
    assert "possible" not in cli("suggestions").out
    chosen = possible[0]
    assert cli("accept", str(chosen["id"])).code == 0
    pledge = next(
        p for p in json.loads(cli("list", "--json").out) if p["id"] == chosen["pledge_id"]
    )
    assert pledge["met_on"] == "2022-01-26"


def test_show_more_lists_a_pledges_likeliest_few_and_a_rejection_brings_up_the_next(
    cli: CliRunner, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store.suggestion_queries import LESS_LIKELY_PER_PLEDGE

    _keeping_every_best_sentence(monkeypatch)
    cli("ingest", str(sample_path))
    for day in range(24, 29):  # five later articles that name the United States, none a report
        article = tmp_path / f"later-{day}.txt"
        article.write_text(
            f"Talks Go On\n\nJanuary {day}, 2022\n\nThe United States discussed security "
            f"with its allies in meeting number {day}.\n",
            encoding="utf-8",
        )
        assert cli("ingest", str(article)).code == 0

    def possible_for_washington() -> list[dict[str, object]]:
        every = json.loads(cli("suggestions", "--json", "--more").out)
        return [s for s in every if s["actor"] == "United States" and not s["likely"]]

    listed = possible_for_washington()
    assert len(listed) == LESS_LIKELY_PER_PLEDGE  # not one from each of the five articles
    assert [s["article_published"] for s in listed] == ["2022-01-28", "2022-01-27", "2022-01-26"]
    assert cli("reject", str(listed[0]["id"])).code == 0
    after = possible_for_washington()
    assert len(after) == LESS_LIKELY_PER_PLEDGE
    assert [s["article_published"] for s in after] == ["2022-01-27", "2022-01-26", "2022-01-25"]


def test_a_later_article_stating_the_pledge_again_is_not_its_outcome(
    cli: CliRunner, sample_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.extract import outcome_ranking

    # a ranker that would take the sentence with the pledge's own words as its outcome
    model = outcome_ranking.OutcomeModel({"action's words": 10.0}, -5.0, shown=0.99, kept=0.05)
    monkeypatch.setattr(outcome_ranking, "shipped_outcome_model", lambda: model)
    cli("ingest", str(sample_path))
    restated = (
        "The United States will provide a written response to its European security demands, "
        "a State Department spokesman said again on Friday."
    )
    article = tmp_path / "again.txt"
    article.write_text(
        f"Washington Restates Its Pledge\n\nJanuary 28, 2022\n\n{restated}\n\n"
        "Officials in Moscow said they were still waiting for the written response.\n",
        encoding="utf-8",
    )
    assert "1 reported again" in cli("ingest", str(article)).out
    every = json.loads(cli("suggestions", "--json", "--more").out)
    assert every  # the ranker did propose sentences…
    assert all(restated not in s["evidence"] for s in every)  # …but never the plan told again


def test_a_pledge_whose_actor_the_analyst_corrected_is_followed_up_under_the_new_name(
    engine: Engine, sample_path: Path, tmp_path: Path
) -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    from app.domain import PledgeEdit
    from app.domain.decisions import edited
    from app.services.importing import ingest_each
    from app.store.engine import open_session
    from app.store.queries import apply_decision
    from app.store.suggestion_queries import list_suggestions

    now = datetime(2022, 1, 29, 12, tzinfo=UTC)
    [(_, first)] = ingest_each(engine, [sample_path], at=now)
    assert not isinstance(first, Exception)
    us = next(r for r in first.pledges if r.pledge.actor == "United States")
    with open_session(engine) as session:
        change = replace(PledgeEdit.of(us.pledge), actor="Washington")
        apply_decision(session=session, pledge_id=us.id, decision=edited(change)(us.pledge), at=now)
    later = tmp_path / "later.txt"
    later.write_text(
        "Response Delivered\n\nJanuary 26, 2022\n\nWashington on Wednesday delivered its "
        "written response to Moscow's security demands.\n",
        encoding="utf-8",
    )
    list(ingest_each(engine, [later], at=now))
    with open_session(engine) as session:
        found = list_suggestions(session=session, likely_only=True)
    assert [(s.record.id, s.record.pledge.actor) for s in found] == [(us.id, "Washington")]


def test_an_article_naming_the_actor_of_many_pledges_proposes_a_readable_few(
    cli: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.extract import outcome_ranking

    keep_all = outcome_ranking.OutcomeModel({}, 0.0, shown=0.99, kept=0.1)  # every one at 50%
    monkeypatch.setattr(outcome_ranking, "shipped_outcome_model", lambda: keep_all)
    plans = " ".join(f"Acme will close plant number {i} next month." for i in range(60))
    first = tmp_path / "plans.txt"
    first.write_text(f"Acme Plans\n\nJanuary 2, 2022\n\n{plans}\n", encoding="utf-8")
    assert cli("ingest", str(first)).code == 0
    later = tmp_path / "later.txt"
    later.write_text(
        "Acme Results\n\nFebruary 9, 2022\n\nAcme reported higher sales in its third quarter "
        "on Tuesday.\n\nThe company hired four hundred workers in Ohio last month.\n",
        encoding="utf-8",
    )
    assert cli("ingest", str(later)).code == 0
    possible = json.loads(cli("suggestions", "--json", "--more").out)
    assert len(possible) == outcome_ranking.POSSIBLE_PER_ARTICLE
    assert all(not s["likely"] for s in possible)
