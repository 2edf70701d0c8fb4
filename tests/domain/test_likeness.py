"""Which names are the same actor and which actions the same act, when a later report arrives."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import Pledge, PledgeKind, Span
from app.domain.likeness import match_repeats, same_action, same_actor, takes_deadline


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("Sergei Lavrov", "Lavrov", True),
        ("Russian Foreign Minister Sergei Lavrov", "Sergei Lavrov", True),
        ("United States", "United Kingdom", False),
        ("Ricardo Rosselló", "Ricardo Llerandi", False),
        ("the Democratic Party", "the Libertarian Party", False),
    ],
)
def test_same_actor(first: str, second: str, same: bool) -> None:
    assert same_actor(first, second) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            "provide a written response to its European security demands",
            "provide a written response to Russia's European security demands",
            True,
        ),
        ("hold further talks with Putin", "hold talks with Vladimir Putin", True),
        ("resign", "resign", True),
        ("provide a written response", "deliver a written response", False),  # another verb
        ("hold talks with Putin", "hold a referendum on the stadium", False),
        ("resign", "resign leadership of the party", False),
    ],
)
def test_same_action(first: str, second: str, same: bool) -> None:
    assert same_action(first, second) is same


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("General Motors", "GM (CEO Fritz Henderson)", True),
        ("the UAW", "United Auto Workers", True),
        ("General Motors Corporation", "GM", True),  # the company's "Corporation" aside
        ("NASA", "National Aeronautics and Space Administration", True),
        ("GM", "Ford Motor Company", False),
        ("General Mills", "GE", False),
    ],
)
def test_a_name_s_initials_name_it(first: str, second: str, same: bool) -> None:
    assert same_actor(first, second) is same


def test_numbers_tell_acts_apart() -> None:
    assert not same_action("close plant number 1", "close plant number 2")


def test_punctuation_does_not_hide_what_tells_acts_apart() -> None:
    assert not same_action("fund the rail line (phase 1)", "fund the rail line (phase 2)")
    assert same_action("hold talks, with Putin", "hold talks with Putin")


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ("the House", "House", True),
        ("Parliament", "the Senate", False),
        ("House", "the Party", False),
    ],
)
def test_names_made_of_titles_only(first: str, second: str, same: bool) -> None:
    assert same_actor(first, second) is same


def _pledge(actor: str, action: str, due: date | None = None) -> Pledge:
    quote = f"{actor} will {action}."
    return Pledge(actor, action, PledgeKind.PROMISE, quote, Span(0, len(quote)), due=due)


def test_a_stored_pledge_is_the_repeat_of_one_new_pledge_at_most() -> None:
    new = [
        _pledge("Lavrov", "hold further talks"),
        _pledge("Sergei Lavrov", "hold further talks"),  # said twice in the later article
        _pledge("Antony Blinken", "provide a written response"),
    ]
    stored = [(7, "Sergei Lavrov", "hold further talks"), (9, "Blinken", "reply in writing")]
    assert match_repeats(new, stored) == {0: 7}


def test_a_repeat_gives_its_deadline_only_to_a_pledge_that_had_none() -> None:
    dated = _pledge("Acme", "close the plant", due=date(2022, 3, 1))
    assert takes_deadline(None, dated)
    assert not takes_deadline(date(2022, 2, 1), dated)
    assert not takes_deadline(None, _pledge("Acme", "close the plant"))
