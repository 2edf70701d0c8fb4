"""Cleaning joins hard-wrapped lines and drops links, credits and related-article lines."""

from app.extract.clean import clean
from app.extract.load import RawText


def _paragraphs(text: str) -> tuple[str, ...]:
    return clean(RawText(source="t", text=text)).paragraphs


def test_hard_wrapped_lines_become_one_paragraph() -> None:
    text = "The United States will provide a written\nresponse next week.\n\nSecond one."
    assert _paragraphs(text) == (
        "The United States will provide a written response next week.",
        "Second one.",
    )


def test_bare_urls_related_lines_and_photo_credits_are_dropped() -> None:
    text = (
        "Headline\n\n"
        "Foreign Minister Sergei Lavrov. Sergei Bobylev / TASS\n\n"
        "Body text.\n\n"
        "Related article: Something else entirely\n\n"
        "https://www.example.com/2026/07/05/other-story\n"
        "Photo: Jane Doe\n\n"
        "More body, see https://example.org/x for details."
    )
    assert _paragraphs(text) == ("Headline", "Body text.", "More body, see for details.")


def test_a_date_line_stands_alone_even_without_a_blank_line() -> None:
    assert _paragraphs("2019-01-04\nNancy Pelosi elected\n\nBody.") == (
        "2019-01-04",
        "Nancy Pelosi elected",
        "Body.",
    )


def test_the_sample_comes_out_clean(sample_path) -> None:  # type: ignore[no-untyped-def]
    text = sample_path.read_text("utf-8")
    paragraphs = _paragraphs(text)
    joined = "\n".join(paragraphs)
    assert "http" not in joined
    assert "Related article" not in joined
    assert "Bobylev / TASS" not in joined
    assert (
        "Moscow has secured a deal that the United States will provide a written response to its "
        "European security demands next week" in paragraphs[2]
    )


def test_control_characters_are_dropped() -> None:
    assert _paragraphs("The council\x00 will\x07 meet\x1b.\x7f") == ("The council will meet.",)
