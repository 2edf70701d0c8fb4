"""Loading refuses what is not a UTF-8 text article, saying why and where."""

from pathlib import Path

import pytest

from app.domain.errors import ExtractError
from app.extract.readers import read_source


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "file is empty"),
        (b"  \n\t\n", "only white space"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00", "binary file (NUL byte at offset 7)"),
        (b"January 5, 2022\n\nThe minister will r\xe9sign.", "not UTF-8 text (byte 0xe9 at offset"),
    ],
)
def test_bad_files_are_refused_with_the_reason(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    with pytest.raises(ExtractError) as caught:
        read_source(path)
    assert caught.value.stage == "load"
    assert expected in str(caught.value)
    assert "article.txt" in str(caught.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExtractError, match="no such file"):
        read_source(tmp_path / "nope.txt")


def test_utf8_with_bom_is_read_without_the_bom(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff2022-01-21\nTitle\n\nBody.".encode())
    assert read_source(path).text.startswith("2022-01-21")
