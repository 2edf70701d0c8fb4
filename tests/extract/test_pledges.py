"""Pledge finding by kind of wording: what commits an actor, what does not, and every field.

The sentences here are written for the tests; none is taken from the labelled data.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from functools import partial

import pytest

from app.domain import Pledge, PledgeKind
from app.extract import Extraction, Pipeline
from app.extract.nlp import parse
from app.extract.pledge_model import shipped_model
from app.extract.pledges import describe, find_pledges

PUBLISHED = "2022-03-04"  # a Friday


def _extract(body: str) -> Extraction:
    return Pipeline().run_text(f"{PUBLISHED}\nHeadline\n\n{body}", source="test")


def _every_candidate(body: str, *, every_act: bool = False) -> tuple[Pledge, ...]:
    """The pledges of a text when the model keeps every candidate (review threshold 0): how
    each candidate reads, whatever its confidence; `every_act`: also each further act of an
    actor in a sentence, which the model must otherwise be sure of (track threshold 0)."""
    keep_all = dataclasses.replace(shipped_model(), review=0.0)
    if every_act:
        keep_all = dataclasses.replace(keep_all, track=0.0)
    pipeline = Pipeline(find_pledges=partial(find_pledges, model=keep_all))
    return pipeline.run_text(f"{PUBLISHED}\nHeadline\n\n{body}", source="test").pledges


def _only(body: str) -> Pledge:
    pledges = _extract(body).pledges
    assert len(pledges) == 1, [(p.actor, p.action) for p in pledges]
    return pledges[0]


@pytest.mark.parametrize(
    ("body", "actor", "action", "kind"),
    [
        ("The ministry will publish the report.", "ministry", "publish the report",
         PledgeKind.PROMISE),
        ("Acme Corp pledged to cut its emissions by half.", "Acme Corp",
         "cut its emissions by half", PledgeKind.PROMISE),
        ("The council said it would reopen the bridge.", "council", "reopen the bridge",
         PledgeKind.PROMISE),
        ("The union threatened to strike.", "union", "strike", PledgeKind.THREAT),
        ("Germany is ready to send more aid.", "Germany", "send more aid", PledgeKind.OFFER),
        ("Both parties agreed to hold a second round of talks.", "parties",
         "hold a second round of talks", PledgeKind.AGREEMENT),
        ("Mayor Tom Ward plans to repave the main road.", "Tom Ward", "repave the main road",
         PledgeKind.PROMISE),
        ("The airline announced its intention to close the route.", "airline",
         "close the route", PledgeKind.PROMISE),
        ("Governor Ann Lee is to sign the bill.", "Ann Lee", "sign the bill", PledgeKind.PROMISE),
    ],
)  # fmt: skip
def test_kinds_of_commitment(body: str, actor: str, action: str, kind: PledgeKind) -> None:
    pledge = _only(body)
    assert actor in pledge.actor
    assert pledge.action == action
    assert pledge.kind is kind


@pytest.mark.parametrize(
    "body",
    [
        "The storm will reach the coast tomorrow.",
        "The new stadium will cost two billion dollars.",
        "The minister is expected to announce the plan.",
        "I hope the talks will succeed, the envoy said.",
        "The council should repair the road.",
        "The government may raise taxes.",
        "Officials denied planning to raise taxes.",
        "The company closed the plant last year.",
        "Anna Berg did not say whether the firm would appeal.",
        "Parliament urged the government to act.",
        "The regulator has to approve the deal.",
    ],
)
def test_what_is_not_a_pledge_is_never_tracked(body: str) -> None:
    """At most a candidate for the analyst to review, never a pledge counted and reminded."""
    assert [p for p in _extract(body).pledges if not p.review] == []


@pytest.mark.parametrize(
    "body",
    [
        "Will the president resign?",  # a question commits nobody
        "Anna Berg did not say whether the firm would appeal.",
        "Reporters asked if the minister planned to resign.",
    ],
)
def test_questions_are_not_even_candidates(body: str) -> None:
    assert _extract(body).pledges == ()


@pytest.mark.parametrize(
    "body",
    [
        "He would have been 80 on February 20.",  # what did not happen, or might have
        "Richard Nixon would have faced impeachment but resigned.",
        "The plant could have closed in 2009.",
        "The prince did not say he'd ordered it.",  # 'd before a participle is "had"
        "She would later say her first marriage was her only happy one.",  # a story of the past
        "He would go on to found a company.",
        'Then the right wing will go like "No, you cannot do that."',  # what one will say
        'And they will be like, "What are you doing?"',
        "We would like to thank the volunteers for their help.",  # a wish, not an act
        "The mayor said she would prefer the council not vote on Monday.",
    ],
)
def test_a_past_a_wish_a_story_or_a_quotation_is_not_even_a_candidate(body: str) -> None:
    assert _extract(body).pledges == ()


def test_a_reported_future_perfect_stays_a_candidate() -> None:
    pledge = _only("The minister said the bank would have repaid the loans by June.")
    assert (pledge.actor, pledge.action, pledge.due) == (
        "bank",
        "repay the loans",
        date(2022, 6, 30),
    )


def test_every_pledge_has_a_confidence_and_the_surest_are_tracked() -> None:
    pledges = _extract(
        "The company closed the plant last year. Acme Corp pledged to cut its emissions by "
        "half by 2030, its chief executive said on Tuesday."
    ).pledges
    assert [p.action for p in pledges] == ["cut its emissions by half"]
    [pledge] = pledges
    assert pledge.confidence is not None
    assert 0.0 < pledge.confidence <= 1.0
    assert pledge.deadline_text == "by 2030"
    assert pledge.due == date(2030, 12, 31)


def test_condition_and_deadline() -> None:
    pledge = _only("Senator Jane Hollis vowed to block the bill by Friday if it reaches the floor.")
    assert pledge.actor == "Jane Hollis"
    assert pledge.kind is PledgeKind.CONDITIONAL
    assert pledge.condition == "if it reaches the floor"
    assert pledge.deadline_text == "by Friday"
    assert pledge.due == date(2022, 3, 11)


@pytest.mark.parametrize(
    ("body", "action", "deadline"),
    [
        # "if" after a verb of asking is its question, not a condition
        ("The regulator is to decide within a month if an inquiry is needed.",
         "decide if an inquiry is needed", "within a month"),
        ("By Friday, the firm will check whether the plant is safe.",
         "check whether the plant is safe", "By Friday"),
        # an act that describes its subject keeps its own words
        ("The firms scheduled to open plants in May are Acme and Initech.", "open plants",
         "in May"),
        # what is scheduled for a thing is the act done to it
        ("Engineers finished Acme's new satellite, scheduled for launch in May.",
         "launch of Acme's new satellite", "in May"),
        # "no longer" is said in full
        ("The museum will no longer be called a mosque from June, the minister said.",
         "no longer call the museum a mosque", "from June"),
        # the marks of what the act keeps come in pairs
        ('The council will pass the "Health Care Reform Bill 2019" next week.',
         "pass the Health Care Reform Bill 2019", "next week"),
        ('Acme will add two new applications, dubbed "Mission Control" and "Launchpad" by '
         "June.", 'add two new applications, dubbed "Mission Control" and Launchpad', "by June"),
        ("Acme will supply the Air Force (USAF) with 179 new tankers at a rate of 15 a year by "
         "June.", "supply the Air Force (USAF) with 179 new tankers at a rate of 15 a year",
         "by June"),
        # a participle of scheduling on the act dates it; on a name, it dates the event
        ("The minister will hold a meeting with Putin, scheduled for Monday.",
         "hold a meeting with Putin", "for Monday"),
        ("The House issued a deposition request for Volker, scheduled for this week.",
         "a deposition request for Volker", "for this week"),
        # a purpose belongs to the act
        ("The council is to meet on Monday to discuss the budget.", "meet to discuss the budget",
         "on Monday"),
        # and what it lets or helps someone do, with its time
        ("The council will help the farmers to rebuild their barns by May.",
         "help the farmers to rebuild their barns", "by May"),
        ("By June, the new kit will allow developers to create applications for the phone, Acme "
         "said.", "allow developers to create applications for the phone", "By June"),
        # so does the end it runs to
        ("The council will keep the road closed from Monday until the repairs are done.",
         "keep the road closed until the repairs are done", "from Monday"),
        # a word written with a hyphen keeps it
        ("Two of the Rolls-Royce engines will be replaced by June, Acme said.",
         "replace two of the Rolls-Royce engines", "by June"),
        ("The first double-deck jets will be delivered by October, Acme said.",
         "deliver the first double-deck jets", "by October"),
    ],
)  # fmt: skip
def test_what_belongs_to_the_act_is_in_its_action(body: str, action: str, deadline: str) -> None:
    pledge = _only(body)
    assert (pledge.action, pledge.condition, pledge.deadline_text) == (action, None, deadline)


@pytest.mark.parametrize("name", ["Hewlett-Packard", "Marks & Spencer", "AT&T"])
def test_a_name_written_with_a_hyphen_or_ampersand_keeps_it(name: str) -> None:
    pledge = _only(f"{name}, one of the bidders, will supply the servers.")
    assert pledge.actor == name


@pytest.mark.parametrize(
    ("body", "deadline", "due"),
    [
        # a clause to come about what the act is done to dates it
        (
            "Acme Corp will support the new payment service, which goes live on July 1.",
            "on July 1",
            date(2022, 7, 1),
        ),
        # a clause that says when the act happens dates it
        (
            "The minister said the funds would be released when the markets open on Friday.",
            "on Friday",
            date(2022, 3, 11),
        ),
        # a length of time named with the measure that runs
        (
            "Senator Jane Hollis will work from home during a 14-day quarantine.",
            "during a 14-day quarantine",
            date(2022, 3, 18),
        ),
        # a clause told in the past dates something else
        ("Acme Corp will replace its old phone, which was released in 2019.", None, None),
        ("The council will rebuild the bridge that collapsed on Monday.", None, None),
    ],
)
def test_the_time_of_a_clause_around_the_act(
    body: str, deadline: str | None, due: date | None
) -> None:
    pledge = _only(body)
    assert (pledge.deadline_text, pledge.due) == (deadline, due)


def test_a_surname_two_people_share_names_the_one_named_first() -> None:
    extraction = _extract(
        "President Donald Trump spoke on Monday. First Lady Melania Trump also attended. "
        "Trump will travel to Ohio next week."
    )
    assert [(p.actor, p.action) for p in extraction.pledges] == [("Donald Trump", "travel to Ohio")]


def test_a_deal_that_another_actor_will_act_is_that_actors_pledge_alone() -> None:
    pledge = _only("The union has won a deal that the company will raise wages next month.")
    assert (pledge.actor, pledge.action) == ("company", "raise wages")


def test_a_body_given_with_its_short_form_is_named_with_both() -> None:
    extraction = _extract(
        "The Northern Rail and Bus Company (NRBC) will close three depots next year. "
        "NRBC will also cut 200 jobs."
    )
    assert {p.actor for p in extraction.pledges} == {"Northern Rail and Bus Company (NRBC)"}


@pytest.mark.parametrize(
    ("body", "deadline", "due"),
    [
        # a range whose end spaCy reads as a number
        (
            "Acme Corp said it will receive ten new trains from 2024 to 2026.",
            "from 2024 to 2026",
            date(2026, 12, 31),
        ),
        # a length of time spaCy reads as a number
        (
            "Acme Corp would keep building the old model for at least two more years.",
            "for at least two more years",
            date(2024, 3, 4),
        ),
        # a date set off by a dash from what follows
        (
            "Deliveries of the new trains are not due until October - a year late.",
            "until October",
            date(2022, 10, 31),
        ),
    ],
)
def test_time_wording_spacy_reads_in_part(body: str, deadline: str, due: date) -> None:
    pledge = _only(body)
    assert (pledge.deadline_text, pledge.due) == (deadline, due)


@pytest.mark.parametrize(
    ("body", "actor", "action"),
    [
        # a thing that changes is what someone else's act is done to
        ("The Wixom plant will close in June, Ford said.", "Ford", "close the Wixom plant"),
        ("Russia's exchanges will reopen on Friday, the central bank said.", "Russia",
         "reopen Russia's exchanges"),
        # also when "be (due) to" carries the thing, and with a time of its own
        ("The talks were to open on Wednesday, the ministry said.", "ministry",
         "open the talks"),
        ("The new store is due to open next month, Apple said.", "Apple", "open the new store"),
        # in the words of one who does it to the thing
        ("Mayor Ann Lee said taxes would not rise next year.", "Ann Lee", "not raise taxes"),
        # not so an act the thing does itself, nor a passive (its subject already is the object)
        ("The first jet will take off for Sydney on Friday, the airline said.", "airline",
         "take off for Sydney"),
        ("The plant will be closed in June, Ford said.", "Ford", "close the plant"),
        # a passive act with no subject of its own is done to the subject of its clause
        ("The old bridge is scheduled to be demolished in May, the council said.", "council",
         "demolish the old bridge"),
        ("With Acme's new reactor scheduled to be switched on next year, prices fell.", "Acme",
         "switch Acme's new reactor"),
        # but not to the subject of the clause that orders it; and "by June" is no doer
        ("Mayor Ann Lee ordered that the road be repaired by June.", "Ann Lee",
         "repair the road"),
    ],
)  # fmt: skip
def test_a_thing_that_changes_is_what_the_act_is_done_to(
    body: str, actor: str, action: str
) -> None:
    pledge = _only(body)
    assert (pledge.actor, pledge.action) == (actor, action)


@pytest.mark.parametrize(
    ("body", "actor", "action"),
    [
        (
            "The aid will be provided by the state government next week.",
            "state government",
            "provide the aid",
        ),
        (
            "The debate is to be moderated by NBC News correspondent Kristen Welker.",
            "Kristen Welker",
            "moderate the debate",
        ),
        (
            "The bridge is scheduled to be opened by Mayor Ann Lee in May.",
            "Ann Lee",
            "open the bridge",
        ),
    ],
)
def test_who_does_a_passive_act_is_its_actor_and_not_in_its_action(
    body: str, actor: str, action: str
) -> None:
    pledge = _only(body)
    assert (pledge.actor, pledge.action) == (actor, action)


def test_an_act_joined_to_a_dated_one_shares_its_time() -> None:
    pledges = _every_candidate(
        "The council is to reopen the bridge in May and will cut the tolls.", every_act=True
    )
    assert [(p.action, p.due) for p in pledges] == [
        ("reopen the bridge", date(2022, 5, 31)),
        ("cut the tolls", date(2022, 5, 31)),
    ]


@pytest.mark.parametrize(
    ("body", "actor"),
    [
        # a description with the body's name beside it
        ("Initially, the Italian company, Fiat, will appoint three members of the board.", "Fiat"),
        # a thing that cannot commit, owned by a name: its owner
        ("Russia's exchanges will reopen on Friday morning, the central bank said.", "Russia"),
        # a name written without its accents is the same person
        (
            "Interior Minister Joachim Brudziński spoke. Brudzinski will order new checks.",
            "Joachim Brudziński",
        ),
        # a name led by a description of it: the name alone
        ("German carmaker Volkswagen will close two plants next year.", "Volkswagen"),
        # a product made available: its maker, who says so
        (
            "Apple chief Tim Cook said Keynote 9 will be available for Windows in May.",
            "Tim Cook",
        ),
        # what is received is given: the giver named after "from"
        (
            "Acme Motors will receive bridge loans from the government of Ontario next week.",
            "government of Ontario",
        ),
        # though spaCy hangs the "from" on what is received
        (
            "Chrysler will receive CA$1 billion from the government of Canada.",
            "government of Canada",
        ),
        # those an act is done to are not who does it, when a verb of going on carries it
        (
            "President Ana Ruiz declared Chileans would continue to be paid without going to "
            "work until April 30.",
            "Ana Ruiz",
        ),
        # names listed with commas stay apart when the commas are left out
        (
            "China, Iran, and Russia have pledged to fund the reconstruction.",
            "China Iran and Russia",
        ),
        # a handle is a person, not a thing whose owner acts
        (
            'Governor Tom Ward posted on Twitter. He wrote, "As such, @DrAnnaRuiz will order a '
            'recount."',
            "Dr Anna Ruiz",
        ),
        # a news outlet passes a plan on: the article's body makes it
        (
            "Acme Motors is in talks. According to the Daily Herald, the plant will close in June.",
            "Acme Motors",
        ),
        (
            "Acme Motors is in talks. The Associated Press reported the plant would be closed "
            "in June.",
            "Acme Motors",
        ),
        # a group described, not named, whose own commitment it is: the group as written
        (
            "Acme Motors opened a plant in Ohio. The researchers plan to gather more data.",
            "researchers",
        ),
        (
            "Acme Motors opened a plant in Ohio. Local firefighters planned to monitor the site.",
            "Local firefighters",
        ),
        # a surname the article gave in full is that person, whatever spaCy takes it for
        (
            "Acme Motors opened a plant in Ohio on Monday. Wikinews contacted campaign manager "
            "Steve Dasbach and deputy campaign manager Jess Mears about the incident.\n\n"
            "Mears would not confirm Dasbach's account.",
            "Jess Mears",
        ),
        # two names joined before the verb are both the actor, however spaCy hangs them
        (
            'A statement from Acme Computer stated that "Apple and Apple Corps now have '
            "differing interpretations of this agreement and will need to ask a court to "
            'resolve this dispute."',
            "Apple and Apple Corps",
        ),
        # "the president" is the one the article titles so, not the last person named
        (
            "Emily Murphy wrote to President-elect Joe Biden. President Donald Trump replied on "
            "Twitter. The reply is a change from his claims in favor of Biden. The president "
            "vowed to keep fighting in the courts.",
            "Donald Trump",
        ),
        # what is arranged for such a group is the arranger's: here the article's body
        ("Acme Motors opened an app store. Developers will be able to set prices.", "Acme Motors"),
        # "they", told after a plural subject of its own sentence, is that subject
        (
            "Acme Motors opened a plant. The suppliers were reluctant at first, but they said "
            "they had plans to ration sales.",
            "suppliers",
        ),
        # a text someone issued speaks for them: "released a statement saying"
        (
            "Acme Motors opened a plant. A group of Ohio politicians released a statement "
            'saying "We will ask tough questions about the decision."',
            "A group of Ohio politicians",
        ),
    ],
)
def test_who_acts_behind_a_description_a_thing_or_a_spelling(body: str, actor: str) -> None:
    assert _only(body).actor == actor


@pytest.mark.parametrize(
    ("body", "action", "actor"),
    [
        # a body named by its initials is the body the article names in full
        (
            "General Motors filed for bankruptcy on Monday. GM will close 14 plants by 2010.",
            "close 14 plants",
            "General Motors (GM)",
        ),
        # the name before the brackets starts on their line: a paragraph before it is not
        # part of it, nor a sentence it ends
        (
            "The rule was set by the Commission on Presidential Debates.\n\nThe American "
            "Independent Party (AIP) met on Monday. Commission on Presidential Debates. The Green "
            "League (GL) sued.\n\nThe AIP will hold a convention next week.",
            "hold a convention",
            "American Independent Party (AIP)",
        ),
        # "the government" is no company named before it; "the company" is
        (
            "Acme Motors filed for bankruptcy on Monday. The government will give Acme Motors a "
            "loan next week.",
            "give Acme Motors a loan",
            "government",
        ),
        (
            "Acme Motors filed for bankruptcy on Monday. The company will close two plants next "
            "week.",
            "close two plants",
            "Acme Motors",
        ),
        # a product named more often than its maker is not who makes it available: the body
        # that announces things is
        (
            "Apple announced the iPhone 3GS on Monday. The iPhone has a faster chip and the iPhone "
            "camera records video. The iPhone 3GS will be available on June 19.",
            "be available",
            "Apple",
        ),
        # "I" whom no quotation frames is a person, not the body the article is about
        (
            "Apple released the text of an email by Steve Jobs. Apple said it supports him, "
            "and Apple thanked him.\n\nTeam, I will continue as CEO and be involved in major "
            "decisions.",
            "continue as CEO",
            "Steve Jobs",
        ),
        # "he" is the one who was the subject just before, not the last person named
        (
            "President Tom Ward said in a meeting with Ann Lee that the budget was tight.\n\n"
            "He will order an inquiry next week.",
            "order an inquiry",
            "Tom Ward",
        ),
        # a commitment's owner is who commits to what it is
        (
            "Acme Corp announced record sales on Monday, and Acme Corp said its shares rose. "
            "Mayor Ann Lee spoke later.\n\nHer promise was that taxes would not rise next year.",
            "not raise taxes",
            "Ann Lee",
        ),
        # "The Legislative Yuan" at a sentence's start and "the Legislative Yuan" are one body
        (
            "The Legislative Yuan passed the bill on Friday. The Legislative Yuan voted 66 to 27. "
            "The Constitutional Court had ruled in 2017 that the ban was unlawful, and the vote "
            "of the Legislative Yuan followed the ruling of the Constitutional Court.\n\n"
            "The law is to take effect next week.",
            "take effect",
            "Legislative Yuan",
        ),
        # "according to X" names who says so, as "X said" does
        (
            "Acme Corp announced record sales on Monday, and Acme Corp said its shares rose.\n\n"
            "According to Mayor Ann Lee, the bridge is scheduled to be reopened next month.",
            "reopen the bridge",
            "Ann Lee",
        ),
    ],
)
def test_who_a_short_name_a_description_or_a_product_stands_for(
    body: str, action: str, actor: str
) -> None:
    [pledge] = [p for p in _extract(body).pledges if p.action == action]
    assert pledge.actor == actor


@pytest.mark.parametrize(
    ("body", "deadline"),
    [
        # a time told as past dates what happened, not the act to come
        ("Acme will cut 300 jobs to recover from a loss in sales last year.", None),
        ("Acme will cut 300 jobs, it said two weeks ago.", None),
        # "last" before "of" is no past
        ("Acme will reopen the plant in the last week of June.", "in the last week of June"),
        # a time still to come dates the act announced, wherever the parse hangs it; a time
        # that may date the saying does not
        ("Acme has announced 300 job cuts over the next four years.", "over the next four years"),
        ("Acme has announced 300 job cuts within two years.", "within two years"),
        ("Acme said on Monday that it will cut 300 jobs.", None),
        # the time of a state the act keeps something in
        ("The council will hold all stores closed until Friday.", "until Friday"),
        # a time that says when comes before a length alone
        (
            "Acme announced three days of closure, Monday through Wednesday.",
            "Monday through Wednesday",
        ),
        # how often is not when
        ("The council will hold its annual meeting in the town hall.", None),
        ("The council will hold its weekly meeting from next month.", "from next month"),
        ("Acme will cut 15 jobs a year.", None),
        ("Acme will cut 15 a year from next month.", "from next month"),
        # a year that ends a name is no time: the "Health Bill 2019"
        ('The council will cut the "Health Bill 2019" from its agenda next week.', "next week"),
        # what the act is done to is not when, though spaCy reads it as a date
        ("The council will hold a convention next week.", "next week"),
        # a time that owns a thing says which thing; "May's" is a person's
        ("The ministry will cut next year's budget.", None),
        ("The firm will cut January's sales targets.", None),
        ("Johnson will reopen May's negotiated Brexit agreement.", None),
        # how long a thing lasts is not when; a length that runs is
        ("Acme has signed a 27-year contract with the ministry to cut its fees.", None),
        ("The council will cut emissions under a five-year plan.", None),
        (
            "The mayor will hold meetings by video during a 14-day quarantine.",
            "during a 14-day quarantine",
        ),
    ],
)
def test_which_time_is_the_acts(body: str, deadline: str | None) -> None:
    acts = {"cut", "cuts", "reopen", "hold", "announce"}
    [act] = [d for d in describe(parse(body)) if d.candidate.action.lemma_ in acts]
    assert (act.deadline.text if act.deadline else None) == deadline


def test_the_act_an_order_tells_is_done_by_whoever_made_the_order() -> None:
    doc = parse(
        "The Election Commission met. Governor Tony Evers signed an executive order delaying "
        "the vote until June."
    )
    actors = {d.candidate.action.lemma_: d.actor for d in describe(doc)}
    assert actors["delay"] == "Tony Evers"


@pytest.mark.parametrize(
    ("body", "noun", "owner"),
    [
        ("Tesco stated its intention to leave the Polish market altogether.", "intention", "Tesco"),
        ("Red Hat announced their plans to end CentOS Linux next year.", "plans", "Red Hat"),
        # a pronoun's "its" points back no further than the pronoun does
        ("It announced its plan to close the plant.", "plan", ""),
    ],
)
def test_its_commitment_is_the_subject_s_who_states_it(body: str, noun: str, owner: str) -> None:
    [described] = [d for d in describe(parse(body)) if d.candidate.cue.lower_ == noun]
    assert described.actor == owner


@pytest.mark.parametrize(
    ("body", "parts"),
    [
        (
            "Acme Motors will close three plants. Two more plants will close in 2030, another "
            "two in 2032.",
            [("close two more plants", "in 2030"), ("close another two", "in 2032")],
        ),
        (
            "Acme Motors will open a plant in Ohio in 2030 and another in Texas in 2032.",
            [("open a plant in Ohio", "in 2030"), ("open another in Texas", "in 2032")],
        ),
        (
            "Acme Motors will cut 500 jobs by March, and 200 more by June.",
            [("cut 500 jobs", "by March"), ("cut 200 more", "by June")],
        ),
        # no count or share of a thing after the first time: no second part
        (
            "Acme Motors will cut 500 jobs by March, Fire said on June 3.",
            [("cut 500 jobs", "by March")],
        ),
    ],
)
def test_a_part_of_an_act_told_with_its_own_time_and_no_verb_is_a_pledge_of_its_own(
    body: str, parts: list[tuple[str, str]]
) -> None:
    pledges = _every_candidate(body, every_act=True)
    told = [(p.action, p.deadline_text) for p in pledges if p.deadline_text]
    assert told == parts


def test_a_commitment_noun_another_act_is_done_to_is_no_pledge_of_its_own() -> None:
    pledges = _every_candidate(
        "Governor Mike DeWine said Ohio would extend the city's stay-at-home order until May 1."
    )
    assert [(p.action, p.deadline_text) for p in pledges] == [
        ("extend the city's stay-at-home order", "until May 1")
    ]


@pytest.mark.parametrize(
    ("asked", "answered", "pledged"),
    [
        # "we" in an interview
        (
            "What comes next after Red Hat's move?",
            "It has been a long year for Red Hat and for us.",
            "If the upstream code changes, we will rebuild the packages within a week.",
        ),
        # a pledge that names nobody
        (
            "How will you run it?",
            "Red Hat did what Red Hat does. We have forty volunteers.",
            "Very careful attention will be paid to the security of what we are creating.",
        ),
    ],
)
def test_a_pledge_in_an_interview_is_the_one_whose_turn_it_is(
    asked: str, answered: str, pledged: str
) -> None:
    body = f"((WN)) Red Hat moved away from CentOS. {asked}\n\n((Jane Roe)) {answered}\n\n{pledged}"
    assert _only(body).actor == "Jane Roe"


@pytest.mark.parametrize(
    "answer",
    [
        "The next step of this research is to examine the state laws.",  # an answer unmarked
        "JR Very careful attention will be paid to the state laws.",  # marked by initials
    ],
)
def test_an_answer_after_a_question_s_turn_is_the_one_interviewed_s(answer: str) -> None:
    body = (
        "Professor Jane Roe of Acme University spoke with Wikinews about her study.\n\n"
        f"((WN)) What comes next for your research?\n\n{answer}"
    )
    assert _only(body).actor == "Jane Roe"


def test_a_quotation_s_language_tag_is_no_interview_turn() -> None:
    """Wikinews gives a quotation's original after "((es))": no one's turn begins there."""
    body = (
        'Governor Ricardo Rosselló resigned. He said, "I have decided to go." ((es))Spanish '
        "language: He decidido irme.\n\nThe resignation will be effective on August 2."
    )
    [effective] = [p for p in _extract(body).pledges if p.action == "be effective"]
    assert effective.actor == "Ricardo Rosselló"


def test_negative_commitment() -> None:
    pledge = _only("Prime Minister Ann Lee said she had no plans to resign.")
    assert (pledge.actor, pledge.action) == ("Ann Lee", "not resign")


@pytest.mark.parametrize(
    ("body", "action"),
    [
        ("The company refuses to pay the fine.", "not pay the fine"),
        (
            "Iran has refused to negotiate with the United States.",
            "not negotiate with the United States",
        ),
        ("The company did not refuse to pay the fine.", "pay the fine"),
    ],
)
def test_a_refusal_commits_to_not_doing_the_act(body: str, action: str) -> None:
    assert [p.action for p in _every_candidate(body)] == [action]


@pytest.mark.parametrize(
    "body",
    [
        "The singer has died, her label announced yesterday.",
        "The mayor said the council had closed the bridge on Monday.",
        "Acme told reporters that it sold 13 million phones last year.",
    ],
)
def test_a_done_act_that_someone_tells_is_no_candidate(body: str) -> None:
    assert _every_candidate(body) == ()


@pytest.mark.parametrize(
    ("body", "action"),
    [
        ("The governor announced the state had extended its order until May 1.",
         "extend its order"),
        ("The minister wrote he had ordered safety checks on escape rooms.",
         "order safety checks on escape rooms"),
        ("The coach said the team was ready to play on Sunday.", "play"),
    ],
)  # fmt: skip
def test_a_done_act_that_binds_its_doer_stays_a_candidate(body: str, action: str) -> None:
    assert action in [p.action for p in _every_candidate(body)]


def test_a_quotation_is_its_speakers_pledge() -> None:
    pledge = _only('"We will rebuild every school," said Mayor Tom Ward.')
    assert (pledge.actor, pledge.action) == ("Tom Ward", "rebuild every school")


def test_the_speaker_named_after_a_quotation_that_runs_over_sentences() -> None:
    extraction = _extract(
        'Minister Kay Ross spoke to reporters. "Nothing is decided. '
        'We will publish the figures next month," Ross said.'
    )
    [pledge] = extraction.pledges
    assert pledge.actor == "Kay Ross"
    assert pledge.due == date(2022, 4, 30)


def test_pronouns_and_descriptions_point_back_to_the_person() -> None:
    extraction = _extract(
        "Foreign Minister Olaf Brandt met his counterpart on Monday. "
        "He said he would visit the capital. The minister also vowed to reopen the embassy."
    )
    assert [(p.actor, p.action) for p in extraction.pledges] == [
        ("Olaf Brandt", "visit the capital"),
        ("Olaf Brandt", "reopen the embassy"),
    ]


def test_a_clause_before_a_semicolon_is_not_what_is_promised() -> None:
    """wn2019-165: spaCy hangs "the movement launched" on "promised" as its complement."""
    pledges = _extract(
        "That September, the movement launched; Thunberg promised protests every week until "
        "Sweden joined the Paris Agreement."
    ).pledges
    assert ("Thunberg", "promise protests every week until Sweden joined the Paris Agreement") in [
        (p.actor, p.action) for p in pledges
    ]


def test_two_commitments_in_one_sentence_are_two_pledges() -> None:
    extraction = _extract("Ana Ruiz promised to lower taxes and raise pensions.")
    assert [p.action for p in extraction.pledges] == ["lower taxes", "raise pensions"]


@pytest.mark.parametrize(
    ("body", "actions"),
    [
        # two clauses, each with its own "will": two commitments of one actor
        (
            "Acme Motors unveiled a phone on Monday. The old phone's price will be reduced to US "
            "$99, and the first phone will be discontinued.",
            ["reduce the old phone's price to US $99", "discontinue the first phone"],
        ),
        (
            "Acme Motors will focus on four core brands, and will size its dealer network to "
            "match.",
            ["focus on four core brands", "size its dealer network to match"],
        ),
        # one act read by two cues ("will", "able") is still one pledge
        (
            "Acme Motors opened an app store. Developers will be able to set prices.",
            ["be able to set prices"],
        ),
        # a relative clause with a modal of its own is a pledge of its own, about its antecedent
        (
            "Acme said the new phone will come with the new software, which will be available "
            "on June 17.",
            ["come with the new software", "be available"],
        ),
        (
            "Acme Motors said it will close 1,100 dealerships. Instead, dealerships whose "
            "franchises won't be renewed after October of next year will receive a private "
            "letter telling them of the decision.",
            [
                "close 1,100 dealerships",
                "not renew the franchises of dealerships",
                "receive a private letter telling them of the decision",
            ],
        ),
    ],
)
def test_an_actor_s_acts_in_clauses_of_their_own_are_each_a_pledge(
    body: str, actions: list[str]
) -> None:
    assert [p.action for p in _extract(body).pledges] == actions


def test_two_actors_acts_in_one_sentence_are_listed_as_the_sentence_tells_them() -> None:
    extraction = _extract(
        "Ministers are due to gather in Washington, and the International Monetary Fund pledged "
        "to hold its annual meeting on Friday."
    )  # the second is the surer: the order is still the sentence's
    assert [p.actor for p in extraction.pledges] == ["Ministers", "International Monetary Fund"]


@pytest.mark.parametrize("verb", ["pledge", "promised", "vowed", "guaranteed"])
def test_what_a_promiser_says_another_will_do_is_the_promiser_s_pledge(verb: str) -> None:
    pledge = _only(
        f'"I {verb} that this Congress will be transparent," Speaker Nancy Pelosi told the public.'
    )
    assert pledge.actor == "Nancy Pelosi"


def test_what_the_parties_agreed_another_will_do_is_that_other_s_pledge() -> None:
    assert _only("Kyiv and Moscow agreed that Russia will issue a written response.").actor == (
        "Russia"
    )


def test_the_same_commitment_told_twice_is_one_pledge_with_both_quotes() -> None:
    extraction = _extract(
        "The ministry will publish the report. Critics were unimpressed.\n\n"
        "The ministry will publish the report, a spokesman repeated."
    )
    [pledge] = extraction.pledges
    assert [q.text for q in pledge.more_quotes] == [
        "The ministry will publish the report, a spokesman repeated."
    ]
    text = extraction.article.text
    for quote in pledge.more_quotes:
        assert text[quote.span.start : quote.span.end] == quote.text


def test_a_sentence_never_runs_across_paragraphs() -> None:
    extraction = _extract('He said, "we are done."\n\nThe union will strike on Monday.')
    [pledge] = extraction.pledges
    assert pledge.quote == "The union will strike on Monday."


@pytest.mark.parametrize("hope", ["hopes", "hoped", "is hoping", "has been hoping"])
def test_a_hope_in_any_tense_frames_the_act_as_a_hope(hope: str) -> None:
    """spaCy's lemmatizer cuts 'hoping', 'hoped' and 'hopes' to 'hop'; the act under them is
    still told as someone's hope, not as a commitment."""
    doc = parse(f"The minister {hope} that the union will sign the deal.")
    [signing] = [d for d in describe(doc) if d.candidate.action.lower_ == "sign"]
    assert "frame=hope" in signing.features


def test_a_verb_that_only_looks_like_a_cut_one_keeps_its_lemma() -> None:
    doc = parse("The rabbit was hopping and the trader hoped for a deal.")
    assert [t.lemma_ for t in doc if t.tag_.startswith("VB")] == ["be", "hop", "hope"]


@pytest.mark.parametrize(
    ("body", "actor", "action"),
    [
        ("The union will re-negotiate the contract in May.", "union",
         "re-negotiate the contract"),
        ("The firm will co-host the summit.", "firm", "co-host the summit"),
        ("He will be re-elected in June, the party said.", "party", "re-elect him"),
        # a passive's subject that opens the sentence is written as an object
        ("Two plants will be closed next year, Acme said.", "Acme", "close two plants"),
    ],
)  # fmt: skip
def test_a_verb_written_with_a_prefix_and_a_hyphen_is_one_act(
    body: str, actor: str, action: str
) -> None:
    pledge = _only(body)
    assert (pledge.actor, pledge.action) == (actor, action)


def test_a_prefixed_verb_has_its_own_words_lemma() -> None:
    doc = parse("They re-elected him and will re-hire the staff.")
    assert [t.lemma_ for t in doc if t.tag_.startswith("VB")] == ["re-elect", "re-hire"]


def test_a_pronoun_points_back_to_a_name_not_to_words_taken_for_one() -> None:
    """spaCy tags an interviewee's "Ya ya." as a person; "he" is not that person."""
    body = "((Mira Das)) Ya ya.\n\nMy brother Arjun Das came home. He will fight for our rights."
    assert _only(body).actor == "Arjun Das"


def test_a_clause_s_but_is_no_part_of_the_name_before_it() -> None:
    """wn2019-156: spaCy hangs the "but" that opens a clause on the subject before it."""
    body = (
        "While not naming any other bidders, Maróth said the Hungarian bid won after lengthy "
        "negotiations, out of mulitple competing offers. He said he expects no political turmoil "
        "between the neighboring Austria and Hungary over the sale. He also noted the acquisition "
        'fits into the Hungarian "outward investment" strategy.\n\n'
        "The Austrian partner asked for the price to be kept secret, but the commissioner stated "
        "the purchase was financed by a loan, so it is not a burden on the state budget."
    )
    actors = {p.actor for p in _every_candidate(body) if "price" in p.action}
    assert actors == {"Austrian partner"}


@pytest.mark.parametrize(
    ("body", "actions"),
    [
        # "or" under one "will not": both acts denied
        (
            "The minister said the government will not raise taxes or cut spending.",
            ["not raise taxes", "not cut spending"],
        ),
        # "but", or an auxiliary of its own: the second act is promised, not denied
        (
            "The senator said she will not run for governor but will endorse the mayor.",
            ["not run for governor", "endorse the mayor"],
        ),
        (
            "The senator said she will not run for governor and will endorse the mayor.",
            ["not run for governor", "endorse the mayor"],
        ),
    ],
)
def test_a_denial_reaches_a_joined_act_only_under_the_same_auxiliary(
    body: str, actions: list[str]
) -> None:
    assert [p.action for p in _every_candidate(body, every_act=True)] == actions


def test_a_subject_that_denies_denies_the_act_and_names_both_actors() -> None:
    body = "Neither the European Union nor the United States would endorse the result."
    [pledge] = _every_candidate(body)
    assert (pledge.actor, pledge.action) == (
        "European Union and the United States",
        "not endorse the result",
    )
