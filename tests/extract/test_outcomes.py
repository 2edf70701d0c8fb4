"""Outcome detection: which sentences of a later article report a pledge as kept, and when."""

from __future__ import annotations

from datetime import date

import pytest

from app.domain import Outcome, Pledge, PledgeKind, PledgeRecord, Span, Verdict
from app.extract.nlp import parse
from app.extract.outcomes import find_outcomes

PUBLISHED = date(2019, 8, 4)  # a Sunday


def _outcomes(text: str, actor: str, action: str, *, due: date | None = None) -> list[Outcome]:
    pledge = Pledge(actor, action, PledgeKind.PROMISE, action, Span(0, 0), due=due)
    record = PledgeRecord(7, pledge, 1, "Earlier article", date(2019, 7, 28), "earlier.txt")
    return find_outcomes(parse(text), PUBLISHED, [record])


def test_a_resignation_reports_a_pledge_to_leave_office_on_the_day_it_names() -> None:
    text = "On Friday, Ricardo Rosselló Nevares resigned as the governor of Puerto Rico."
    [outcome] = _outcomes(text, "Ricardo Rosselló Nevares", "leave office")
    assert (outcome.pledge_id, outcome.happened_on) == (7, date(2019, 8, 2))
    assert outcome.evidence == text


def test_a_verb_without_equivalents_matches_itself() -> None:
    text = "The Queen suspended parliament for five weeks yesterday."
    [outcome] = _outcomes(text, "Queen Elizabeth II", "suspend Parliament for five weeks")
    assert outcome.happened_on == date(2019, 8, 3)


@pytest.mark.parametrize(
    ("text", "action", "day"),
    [
        ("He was sworn in after the July 30 resignation of Rosselló.", "resign", date(2019, 7, 30)),
        (
            "Rosselló's withdrawal of the bill took effect on Friday.",
            "withdraw the bill",
            date(2019, 8, 2),
        ),
    ],
)
def test_an_acts_noun_told_as_done_reports_it(text: str, action: str, day: date) -> None:
    [outcome] = _outcomes(text, "Ricardo Rosselló", action)
    assert outcome.happened_on == day


@pytest.mark.parametrize(
    ("text", "actor", "action"),
    [
        # Another person with the same first name.
        ("On Friday, Ricardo Rosselló Nevares resigned as governor.", "Ricardo Llerandi", "resign"),
        # Another country whose name starts the same way.
        (
            "The United Kingdom delivered its response on Monday.",
            "United States",
            "deliver a response",
        ),
        # The promise told again, not kept.
        ("Rosselló said he will resign on August 2.", "Ricardo Rosselló", "resign"),
        # A denial.
        ("Rosselló did not resign on Friday.", "Ricardo Rosselló", "resign"),
        # The same verb about something else.
        (
            "Rosselló resigned as governor on Friday.",
            "Ricardo Rosselló",
            "resign leadership of the party",
        ),
        # An act's noun announced, not done.
        ("Rosselló announced his resignation on Friday.", "Ricardo Rosselló", "resign"),
        # Another party: "the party" names none in particular.
        ("The Libertarian Party held its convention.", "Democratic Party", "hold its convention"),
        # Done, but years before the pledge was made.
        ("In November 2018, Rosselló resigned.", "Ricardo Rosselló", "resign"),
        # A verb too light to name an act.
        ("Nancy Pelosi was in Washington on Friday.", "Nancy Pelosi", "be held"),
    ],
)
def test_no_outcome_from_other_actors_promises_denials_or_other_acts(
    text: str, actor: str, action: str
) -> None:
    assert _outcomes(text, actor, action) == []


@pytest.mark.parametrize(
    ("text", "actor", "action", "day"),
    [
        # A done refusal or failure of the pledged act.
        (
            "On Friday the Finance Ministry refused to publish its report on the budget.",
            "Finance Ministry",
            "publish a report on the budget",
            date(2019, 8, 2),
        ),
        (
            "Acme Corp failed to pay the fine by the deadline.",
            "Acme Corp",
            "pay the fine",
            PUBLISHED,
        ),
        # A done cancellation of what the pledge is about.
        (
            "Mayor Jane Ortiz called off the referendum on Thursday.",
            "Jane Ortiz",
            "hold a referendum on the stadium",
            date(2019, 8, 1),
        ),
        (
            "The Teamsters union postponed the strike indefinitely.",
            "Teamsters",
            "call a strike in September",
            PUBLISHED,
        ),
        # The pledge itself taken back.
        (
            "Gómez withdrew his offer to meet the protesters yesterday.",
            "Luis Gómez",
            "meet the protesters",
            date(2019, 8, 3),
        ),
    ],
)
def test_a_done_refusal_or_cancellation_reports_the_pledge_broken(
    text: str, actor: str, action: str, day: date
) -> None:
    [outcome] = _outcomes(text, actor, action)
    assert (outcome.verdict, outcome.happened_on) == (Verdict.BROKEN, day)


@pytest.mark.parametrize(
    ("text", "actor", "action"),
    [
        ("Mayor Jane Ortiz may call off the referendum.", "Jane Ortiz", "hold a referendum"),
        ("Mayor Jane Ortiz did not cancel the referendum.", "Jane Ortiz", "hold a referendum"),
        ("The Teamsters postponed the strike until October.", "Teamsters", "call a strike"),
        ("Gómez cancelled his trip to Lima.", "Luis Gómez", "meet the protesters"),
        # Troops withdrawn may keep a pledge; only the pledge itself withdrawn breaks one.
        ("Gómez withdrew the troops on Friday.", "Luis Gómez", "send troops to the border"),
        ("Critics said Gómez refused to meet the protesters.", "Ana Ruiz", "meet the protesters"),
    ],
)
def test_no_broken_report_from_a_hedge_a_denial_a_delay_or_another_act(
    text: str, actor: str, action: str
) -> None:
    assert [o for o in _outcomes(text, actor, action) if o.verdict is Verdict.BROKEN] == []


@pytest.mark.parametrize(
    "text",
    [
        "The Finance Ministry partly published its report on the budget on Friday.",
        "The Finance Ministry published part of its report on the budget on Friday.",
        "The Finance Ministry published its report on the budget in part on Friday.",
    ],
)
def test_an_act_done_in_part_reports_the_pledge_partly_kept(text: str) -> None:
    [outcome] = _outcomes(text, "Finance Ministry", "publish a report on the budget")
    assert (outcome.verdict, outcome.happened_on) == (Verdict.PARTLY, date(2019, 8, 2))


def test_what_follows_the_act_is_circumstance_not_its_object() -> None:
    # "with Johnson succeeding her" tells how; stepping down is the whole act.
    text = "Johnson became prime minister after Theresa May stepped down on Wednesday."
    action = "step down with Johnson succeeding her as prime minister"
    [outcome] = _outcomes(text, "Theresa May", action)
    assert outcome.happened_on == date(2019, 7, 31)


def test_a_name_that_is_also_a_word_still_names_the_doer() -> None:
    text = "The party chose a new leader after Theresa May resigned on Friday."
    [outcome] = _outcomes(text, "Theresa May", "resign")
    assert outcome.happened_on == date(2019, 8, 2)


@pytest.mark.parametrize(
    ("text", "action", "day"),
    [
        (
            "The sugar tax took effect on Friday.",
            "introduce a sugar tax in April",
            date(2019, 8, 2),
        ),
        (
            "The ban on semi-automatic weapons came into force yesterday.",
            "ban semi-automatic weapons",
            date(2019, 8, 3),
        ),
        (
            "The new rules for landlords entered into force on Thursday.",
            "introduce new rules for landlords",
            date(2019, 8, 1),
        ),
    ],
)
def test_a_measure_that_came_into_force_keeps_the_pledge_that_announced_it(
    text: str, action: str, day: date
) -> None:
    [outcome] = _outcomes(text, "Finance Ministry", action)
    assert (outcome.verdict, outcome.happened_on) == (Verdict.MET, day)


@pytest.mark.parametrize(
    ("text", "action"),
    [
        ("The sugar tax will take effect next month.", "introduce a sugar tax"),
        ("The sugar tax has not taken effect.", "introduce a sugar tax"),
        ("The tax took effect on Friday.", "introduce a sugar tax"),  # which tax?
        ("EU tariffs on steel took effect on Friday.", "impose tariffs on steel"),  # whose?
        ("The sugar tax took effect on Friday.", "cut the sugar tax"),  # another act
    ],
)
def test_no_measure_in_force_from_the_future_a_denial_a_vague_name_or_another_owner(
    text: str, action: str
) -> None:
    assert _outcomes(text, "Finance Ministry", action) == []


@pytest.mark.parametrize(
    ("text", "actor", "action", "day"),
    [
        ("The House voted on Wednesday to impeach the president.", "House", "vote on it", None),
        (
            "On Tuesday Parliament voted on the withdrawal agreement.",
            "Parliament",
            "hold a vote on the withdrawal agreement",
            date(2019, 7, 30),
        ),
        (
            "Parliament held the vote on the withdrawal agreement on Tuesday.",
            "Parliament",
            "hold a vote on the withdrawal agreement",
            date(2019, 7, 30),
        ),
    ],
)
def test_a_promised_vote_that_was_held(
    text: str, actor: str, action: str, day: date | None
) -> None:
    [outcome] = _outcomes(text, actor, action)
    assert outcome.verdict is Verdict.MET
    assert outcome.happened_on == (day or date(2019, 7, 31))


@pytest.mark.parametrize(
    ("text", "actor", "action"),
    [
        ("The White House voted on the articles.", "House", "vote on the articles"),
        ("The Senate voted on Wednesday.", "House", "vote on the articles"),
        ("Parliament called a vote on the agreement.", "Parliament", "hold a vote on it"),
        ("Parliament will vote on the agreement.", "Parliament", "hold a vote on it"),
    ],
)
def test_no_vote_held_by_another_body_called_or_still_to_come(
    text: str, actor: str, action: str
) -> None:
    assert _outcomes(text, actor, action) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # told in the passive, the actor named in the sentence: kept
        ("The first ten buses, built by Volvo, were delivered to the city on Friday.", True),
        ("The new buses, ordered from Volvo last year, were delivered yesterday.", True),
        # the actor not named: another maker's buses may be meant
        ("The first ten buses were delivered to the city on Friday.", False),
        # something else delivered
        ("The first ten trams, built by Volvo, were delivered to the city on Friday.", False),
        # not done yet
        ("The first ten buses, built by Volvo, will be delivered to the city on Friday.", False),
    ],
)
def test_an_act_told_in_the_passive_reports_it_when_the_actor_is_named(
    text: str, found: bool
) -> None:
    outcomes = _outcomes(text, "Volvo", "deliver the first ten buses to the city")
    assert bool(outcomes) is found
    if found:
        assert outcomes[0].verdict is Verdict.MET


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The referendum that Premier Ann Lee promised was cancelled on Friday.", True),
        (
            "The referendum that Premier Ann Lee promised was postponed indefinitely on Friday.",
            True,
        ),
        ("The referendum was cancelled on Friday.", False),  # whose referendum is not said
        ("The referendum that Premier Ann Lee promised was postponed to Friday.", False),
    ],
)
def test_a_cancellation_told_in_the_passive_breaks_the_pledge_of_the_actor_it_names(
    text: str, found: bool
) -> None:
    outcomes = _outcomes(text, "Ann Lee", "hold a referendum on the deal")
    assert [(o.verdict, o.happened_on) for o in outcomes] == (
        [(Verdict.BROKEN, date(2019, 8, 2))] if found else []
    )


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Nevada held its caucuses on Saturday.", True),  # the place the pledge names held them
        ("Iowa held its caucuses on Saturday.", False),  # another place's caucuses
        ("Nevada held its primary on Saturday.", False),  # another event
    ],
)
def test_a_doer_the_pledge_names_in_its_object_reports_it(text: str, found: bool) -> None:
    outcomes = _outcomes(text, "Democratic Party", "hold the Nevada caucuses on August 3")
    assert [o.happened_on for o in outcomes] == ([date(2019, 8, 3)] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Yesterday, Senator Ann Lee won the Democratic Party's Nevada caucuses.", True),
        ("Yesterday, Senator Ann Lee won the Democratic Party's Iowa caucuses.", False),
        ("Senator Ann Lee expects to win the Democratic Party's Nevada caucuses.", False),
        ("Yesterday, Senator Ann Lee won the Nevada caucuses.", False),  # whose, not said
    ],
)
def test_an_event_told_as_won_was_held(text: str, found: bool) -> None:
    outcomes = _outcomes(text, "Democratic Party", "hold the Nevada caucuses on August 3")
    assert [o.happened_on for o in outcomes] == ([date(2019, 8, 3)] if found else [])


_NEVADA = "continue its primary season with the Nevada caucuses on August 3"
_IDAHO = "continue its primary season with primary elections in Idaho, Michigan on August 3"


@pytest.mark.parametrize(
    ("text", "action", "found"),
    [
        ("Yesterday, Senator Ann Lee won the Democratic Party's Nevada caucuses.", _NEVADA, True),
        ("Nevada held its caucuses on Saturday.", _NEVADA, True),
        ("Yesterday, Senator Ann Lee won the Democratic Party's Iowa caucuses.", _NEVADA, False),
        ("The Democratic Party continued its season in Ohio on Saturday.", _NEVADA, False),
        # where the event is held names it
        ("Yesterday, the Democratic Party held primary elections in Idaho and Michigan.", _IDAHO,
         True),
        ("Yesterday, the Democratic Party held primary elections in Ohio and Florida.", _IDAHO,
         False),
    ],
)  # fmt: skip
def test_an_act_of_going_on_with_an_event_is_kept_when_the_event_was_held(
    text: str, action: str, found: bool
) -> None:
    outcomes = _outcomes(text, "Democratic Party", action)
    assert [o.happened_on for o in outcomes] == ([date(2019, 8, 3)] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On Friday, General Motors filed for bankruptcy protection in New York.", True),
        ("On Friday, General Motors applied for bankruptcy protection in New York.", True),
        ("On Friday, General Motors filed a lawsuit against its bondholders.", False),
        ("On Friday, Ford filed for bankruptcy protection in New York.", False),
    ],
)
def test_filing_for_what_a_pledge_would_seek_keeps_it(text: str, found: bool) -> None:
    action = "seek bankruptcy protection if GM cannot reach agreement with its bondholders"
    outcomes = _outcomes(text, "GM", action)
    assert [o.happened_on for o in outcomes] == ([date(2019, 8, 2)] if found else [])


@pytest.mark.parametrize(
    ("text", "broken"),
    [
        ("On Friday, the Democratic Party cancelled the Nevada caucuses.", True),
        ("On Friday, the Democratic Party cancelled the Iowa caucuses.", False),  # another's
    ],
)
def test_a_cancelled_event_is_the_pledged_one_only_named_by_its_name(
    text: str, broken: bool
) -> None:
    outcomes = _outcomes(text, "Democratic Party", "hold the Nevada caucuses on August 3")
    assert [o.verdict for o in outcomes] == ([Verdict.BROKEN] if broken else [])


def test_an_event_of_no_name_told_cancelled_by_its_noun_is_the_pledged_one() -> None:
    text = "Trump declined such an arrangement, and the Commission cancelled the debate on Friday."
    outcomes = _outcomes(text, "Commission", "conduct the second presidential debate virtually")
    assert [(o.verdict, o.happened_on) for o in outcomes] == [(Verdict.BROKEN, date(2019, 8, 2))]


def test_an_act_of_going_on_with_an_event_is_broken_when_the_event_is_cancelled() -> None:
    text = "On Friday, the Democratic Party cancelled the Nevada caucuses."
    outcomes = _outcomes(text, "Democratic Party", _NEVADA)
    assert [(o.verdict, o.happened_on) for o in outcomes] == [(Verdict.BROKEN, date(2019, 8, 2))]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On Friday, Ann Lee resigned from her post as chair.", True),
        ("On Friday, Ann Lee resigned from her seat on the board.", False),  # another post
        ("On Friday, Tom Ward resigned from his post as chair.", False),  # another person
    ],
)
def test_leaving_a_post_breaks_a_pledge_to_remain_in_it(text: str, found: bool) -> None:
    outcomes = _outcomes(text, "Ann Lee", "remain chair of the council until 2020")
    assert [(o.verdict, o.happened_on) for o in outcomes] == (
        [(Verdict.BROKEN, date(2019, 8, 2))] if found else []
    )


@pytest.mark.parametrize(
    ("action", "found"),
    [
        ("phase out the Ford Falcon sedan", True),  # the thing carries its maker's name
        ("phase out the Falcon sedan", False),  # whose Falcon, the later sentence does not say
    ],
)
def test_a_thing_named_for_its_maker_told_done_in_the_passive(action: str, found: bool) -> None:
    outcomes = _outcomes("The Falcon was discontinued on Friday.", "Ford", action)
    assert [o.happened_on for o in outcomes] == ([date(2019, 8, 2)] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("On Monday, Prime Minister Ann Lee opened the new bridge.", True),  # called by the post
        ("On Monday, Ann Lee opened the new bridge.", False),
        ("On Monday, Prime Minister Tom Ward praised Ann Lee.", False),  # another's title
    ],
)
def test_a_later_article_calling_the_actor_by_the_post_reports_it_taken(
    text: str, found: bool
) -> None:
    outcomes = _outcomes(text, "Ann Lee", "succeed Tom Ward as Prime Minister")
    assert [(o.verdict, o.happened_on) for o in outcomes] == (
        [(Verdict.MET, PUBLISHED)] if found else []
    )


@pytest.mark.parametrize(
    ("text", "action", "due", "verdict"),
    [
        # put off past the due date, the act named by its noun
        ("The A380's delivery will be delayed until October 2020.", "deliver the A380",
         date(2019, 11, 30), Verdict.BROKEN),
        # behind its time, what the act is done to named; no due date needed
        ("The release of the A380 is almost two years behind schedule.", "deliver the A380",
         None, Verdict.BROKEN),
        ("Deliveries of the A380 are not due until October, two years late.", "deliver the A380",
         None, Verdict.BROKEN),
        # the actor named, and its act by a noun
        ("Emirates were to take delivery of Airbus jets in May 2018, but will now receive them "
         "next month.", "deliver the A380", None, Verdict.BROKEN),
        # whom the act is done for named, in full or by initials, and the act by a noun
        ("Japan's (ANA) were to take delivery in May 2018, but will now receive the plane next "
         "month.", "deliver the first jet to launch customer All Nippon Airways", None,
         Verdict.BROKEN),
        ("All Nippon Airways were to take delivery in May 2018, but will now receive the plane "
         "next month.", "deliver the first jet to All Nippon Airways", None, Verdict.BROKEN),
        # what is late done since: not late any more, kept
        ("The first A380, made by Airbus, was delivered today, 18 months behind schedule.",
         "deliver the first A380", None, Verdict.MET),
    ],
)  # fmt: skip
def test_an_act_told_late_is_reported_broken_unless_done_since(
    text: str, action: str, due: date | None, verdict: Verdict
) -> None:
    [outcome] = _outcomes(text, "Airbus", action, due=due)
    assert (outcome.verdict, outcome.happened_on, outcome.evidence) == (verdict, PUBLISHED, text)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        # put off to the day the pledge already named: the plan told again
        ("The A380's delivery will be delayed until October 2020.", date(2020, 10, 31)),
        # put off, from a pledge that named no day: it may still be kept then
        ("The A380's delivery will be delayed until October 2020.", None),
        # a delay that may come, or did not
        ("The A380's delivery could be delayed until October 2020.", date(2019, 11, 30)),
        ("The A380's delivery was not delayed.", date(2019, 11, 30)),
        # "late" of a time, or of a person
        ("Late on Sunday, the A380 flew to Sydney.", date(2019, 7, 30)),
        ("The late founder of Airbus loved the A380.", None),
        # something else late, or another's act of the same kind put off, or an act that
        # names the same kind of thing done late
        ("The A380 made its maiden flight today, four years behind schedule.", None),
        ("The Boeing 787 is two years behind schedule.", None),
        ("President Widodo has postponed his delivery of aid to Europe.", date(2019, 7, 30)),
        # a word of lateness that is no report of one
        ("The delayed A380 delivery worried analysts.", date(2019, 7, 30)),
        ("Airbus fought attempts to delay the delivery.", date(2019, 7, 30)),
    ],
)
def test_no_delay_reported_when_none_is_told_past_the_due_date(text: str, due: date | None) -> None:
    assert _outcomes(text, "Airbus", "deliver the A380", due=due) == []


def test_another_customer_s_delivery_told_late_is_not_the_pledge_s() -> None:
    text = "Qantas were to take delivery in May 2018, but will now receive the plane next month."
    assert _outcomes(text, "Airbus", "deliver the first jet to All Nippon Airways") == []


def test_an_act_told_done_wins_over_a_delay_told_of_it() -> None:
    text = (
        "The first A380, made by Airbus, was delivered today to Emirates. Its delivery had "
        "been delayed by two years."
    )
    [outcome] = _outcomes(text, "Airbus", "deliver the first A380", due=date(2019, 1, 31))
    assert outcome.verdict is Verdict.MET


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("In 2020 Apple began selling feature-length movies on iTunes.", True),
        ("Apple has started to sell feature films on iTunes.", True),
        # stopped, or still to begin: not done
        ("Apple stopped selling feature films on iTunes.", False),
        ("Apple will begin selling feature films on iTunes next year.", False),
        # begun, but another act
        ("Apple began renting feature films on iTunes.", False),
    ],
)
def test_an_act_told_begun_is_done(text: str, reported: bool) -> None:
    found = _outcomes(text, "Apple", "sell full-length feature films for download")
    assert [o.verdict for o in found] == ([Verdict.MET] if reported else [])


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        ("The first A380 was delivered to Emirates by Airbus on Friday.", True),
        # done by another, or what was delivered is another thing
        ("The first A380 was delivered to Emirates by Boeing on Friday.", False),
        ("A Boeing 787 was delivered to Emirates by Airbus on Friday.", False),
        # still to come
        ("The first A380 will be delivered to Emirates by Airbus on Friday.", False),
    ],
)
def test_a_passive_done_by_the_actor_reports_the_act(text: str, reported: bool) -> None:
    found = _outcomes(text, "Airbus", "deliver the first A380 to Emirates")
    assert [(o.verdict, o.happened_on) for o in found] == (
        [(Verdict.MET, date(2019, 8, 2))] if reported else []
    )


@pytest.mark.parametrize(
    ("text", "action", "day"),
    [
        # a party settles: on the day the settlement was announced, else the article's
        (
            "Acme Inc. announced Monday it has settled its long trademark dispute with the "
            "record company, Apple Corps.",
            "take the case to the Court of Appeal",
            date(2019, 7, 29),
        ),
        ("Apple Corps settled the lawsuit with Acme Inc.", "appeal the ruling", PUBLISHED),
        # another party's settlement, another act, or a settlement still to come ends nothing
        ("Acme Inc. settled its dispute with Initech on Monday.", "appeal the ruling", None),
        ("Apple Corps settled its dispute with Acme Inc. on Monday.", "sell its catalogue", None),
        ("Apple Corps will settle its dispute with Acme Inc.", "appeal the ruling", None),
        # what was settled must be a case or a dispute: "settled its bill" is not
        ("Apple Corps settled its bill with Acme Inc. on Monday.", "appeal the ruling", None),
    ],
)
def test_a_settlement_ends_a_pledge_to_go_to_law_unkept(
    text: str, action: str, day: date | None
) -> None:
    found = _outcomes(text, "Apple Corps", action)
    assert [(o.verdict, o.happened_on) for o in found] == ([(Verdict.BROKEN, day)] if day else [])
