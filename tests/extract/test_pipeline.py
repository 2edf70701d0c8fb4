"""The whole pipeline on the sample: the pledges an analyst must see, with their due dates."""

from datetime import date

import pytest

from app.domain import Pledge, PledgeKind
from app.domain.errors import ExtractError
from app.extract import Extraction, Pipeline
from app.extract.pledge_model import shipped_model


def _find(extraction: Extraction, actor: str, action_word: str) -> Pledge:
    for pledge in extraction.pledges:
        if actor in pledge.actor and action_word in pledge.action:
            return pledge
    found = [(p.actor, p.action) for p in extraction.pledges]
    raise AssertionError(f"no pledge by {actor!r} to {action_word!r} among {found}")


def test_united_states_written_response_due_end_of_next_week(sample_extraction) -> None:  # type: ignore[no-untyped-def]
    pledge = _find(sample_extraction, "United States", "written response")
    assert pledge.actor == "United States"
    assert pledge.due == date(2022, 1, 30)
    assert pledge.deadline_text == "next week"


def test_russia_biden_and_lavrov(sample_extraction) -> None:  # type: ignore[no-untyped-def]
    russia = _find(sample_extraction, "Russia", "issue its own written response")
    biden = _find(sample_extraction, "Biden", "hold further talks")
    lavrov = _find(sample_extraction, "Lavrov", "hold further negotiations")
    assert biden.kind is PledgeKind.OFFER
    assert biden.recipient is not None
    assert "Putin" in biden.recipient
    assert lavrov.actor == "Sergei Lavrov"  # "The Russian diplomat", named in full
    assert lavrov.condition is not None
    assert "after receiving a formal response" in lavrov.condition
    assert lavrov.kind is PledgeKind.CONDITIONAL
    assert russia.due is None


def test_ryabkovs_warning_is_a_conditional_threat(sample_extraction) -> None:  # type: ignore[no-untyped-def]
    warning = _find(sample_extraction, "Ryabkov", "make serious political decisions")
    assert warning.kind is PledgeKind.THREAT
    assert warning.condition is not None
    assert "unsatisfactory" in warning.condition


@pytest.mark.parametrize(
    "sentence_start",
    [
        "He didn't say whether",  # an indirect question
        "Lavrov said during his press conference that he and Blinken did not discuss",
        "Officials in Moscow have repeatedly denied",  # a denial
        "Western governments have warned",  # a forecast by others
    ],
)
def test_no_tracked_pledge_from_questions_denials_and_undiscussed_ideas(
    sample_extraction: Extraction, sentence_start: str
) -> None:
    tracked = [p for p in sample_extraction.pledges if not p.review]
    assert not [p for p in tracked if p.quote.startswith(sentence_start)]


def test_quotes_are_exact_spans_of_the_article(sample_extraction) -> None:  # type: ignore[no-untyped-def]
    text = sample_extraction.article.text
    for pledge in sample_extraction.pledges:
        assert text[pledge.quote_span.start : pledge.quote_span.end] == pledge.quote


def test_questions_are_not_pledges(sample_extraction) -> None:  # type: ignore[no-untyped-def]
    # "asked if Moscow planned to publish Washington's response" asks; it does not commit.
    assert not [p for p in sample_extraction.pledges if "publish" in p.action]


def test_the_sure_pledges_are_tracked_and_the_rest_wait_for_review(sample_extraction) -> None:  # type: ignore[no-untyped-def]
    tracked = {(p.actor, p.action.split()[0]) for p in sample_extraction.pledges if not p.review}
    assert {("United States", "provide"), ("Russia", "issue")} <= tracked
    for pledge in sample_extraction.pledges:
        assert pledge.confidence is not None
        if not pledge.review:
            assert pledge.confidence >= shipped_model().track
    # Lavrov's "we will receive written responses" is the United States' pledge, whoever the
    # model is sure of: it waits for the analyst, who says who gives them
    [received] = [p for p in sample_extraction.pledges if p.action.startswith("receive")]
    assert received.actor == "Sergei Lavrov"
    assert received.review


def test_a_failing_stage_is_named_with_its_input() -> None:
    def broken(_articles: object) -> list[list[Pledge]]:
        raise RuntimeError("boom")

    pipeline = Pipeline(find_pledges=broken)
    with pytest.raises(ExtractError) as caught:
        pipeline.run_text("2022-01-21\nTitle\n\nThey will act.", source="pasted")
    assert (caught.value.stage, caught.value.source) == ("pledges", "pasted")
    assert "boom" in str(caught.value)


def test_the_deadline_stage_can_be_swapped() -> None:
    from app.domain import Deadline

    pipeline = Pipeline(resolve_deadline=lambda _text, _p: Deadline(date(2030, 1, 1), None))
    result = pipeline.run_text(
        "2022-01-21\nTitle\n\nThe company will open the plant next month.", source="x"
    )
    assert [p.due for p in result.pledges] == [date(2030, 1, 1)]


def test_a_time_already_past_when_the_words_were_said_is_no_due_date() -> None:
    from app.domain import Deadline

    def read(text: str, _published: date) -> Deadline:  # "in 1201": before the words were said
        return Deadline(date(1201, 12, 31) if "1201" in text else date(2022, 2, 28), None)

    result = Pipeline(resolve_deadline=read).run_text(
        "2022-01-21\nTitle\n\nThe company will open the plant next month. The band will "
        "play again in 1201.",
        source="x",
    )
    dues = {p.deadline_text: p.due for p in result.pledges}
    assert dues.get("next month") == date(2022, 2, 28)
    assert dues.get("in 1201", "not read") is None, dues
