"""The command line does the whole loop, and bad input gets one clear line and a non-zero exit."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path

    from tests.conftest import CliRunner


def _pledges(cli: CliRunner, *args: str) -> list[dict[str, object]]:
    result = cli("list", "--json", *args)
    assert result.code == 0, result.err
    data: list[dict[str, object]] = json.loads(result.out)
    return data


def _the(pledges: list[dict[str, object]], actor: str, action: str) -> dict[str, object]:
    matches = [p for p in pledges if actor in str(p["actor"]) and action in str(p["action"])]
    assert len(matches) == 1, [(p["actor"], p["action"]) for p in pledges]
    return matches[0]


def test_ingest_list_and_tick_off_the_sample(cli: CliRunner, sample_path: Path) -> None:
    ingested = cli("ingest", str(sample_path))
    assert ingested.code == 0, ingested.err
    assert "Russia, U.S. Agree to Talk Security Demands Next Week" in ingested.out
    assert "published 2022-01-21" in ingested.out

    pledges = _pledges(cli, "--now", "2022-01-25")
    us = _the(pledges, "United States", "written response")
    assert (us["due"], us["status"]) == ("2022-01-30", "pending")
    assert us["article_title"] == "Russia, U.S. Agree to Talk Security Demands Next Week"
    assert us["article_published"] == "2022-01-21"
    assert _the(pledges, "Russia", "issue its own written response")["status"] == "pending"
    for actor, action in [("Biden", "hold further talks"), ("Lavrov", "hold further negotiations")]:
        found = _the(pledges, actor, action)  # found with less confidence: the analyst decides
        assert (found["status"], found["review"]) == ("review", True)
        assert 0 < float(str(found["confidence"])) < 1
    to_review = _pledges(cli, "--review")
    assert {p["status"] for p in to_review} == {"review"}
    assert len(to_review) >= 2
    biden = _the(pledges, "Biden", "hold further talks")
    confirmed = cli("confirm", str(biden["id"]))
    assert confirmed.code == 0
    assert confirmed.out.startswith(f"confirmed: #{biden['id']} [pending]")
    assert _the(_pledges(cli, "--now", "2022-01-25"), "Biden", "hold further")["status"] == (
        "pending"
    )
    assert biden["id"] not in [p["id"] for p in _pledges(cli, "--review")]

    assert _the(_pledges(cli, "--now", "2022-02-01"), "United States", "written")["status"] == (
        "overdue"
    )
    overdue = _pledges(cli, "--now", "2022-02-01", "--status", "overdue")
    assert [p["id"] for p in overdue] == [us["id"]]

    assert cli("met", str(us["id"]), "--on", "2022-01-26").code == 0
    after = _the(_pledges(cli, "--now", "2022-02-01"), "United States", "written")
    assert (after["status"], after["met_on"]) == ("met", "2022-01-26")
    assert cli("unmet", str(us["id"])).code == 0
    assert _the(_pledges(cli, "--now", "2022-02-01"), "United States", "written")["status"] == (
        "overdue"
    )


def test_reimporting_adds_nothing_and_says_so(cli: CliRunner, sample_path: Path) -> None:
    cli("ingest", str(sample_path))
    count = len(_pledges(cli))
    again = cli("ingest", str(sample_path))
    assert again.code == 0
    assert "already stored, nothing added" in again.out
    assert len(_pledges(cli)) == count


def test_dismissed_pledges_leave_the_list(cli: CliRunner, sample_path: Path) -> None:
    cli("ingest", str(sample_path))
    first = _pledges(cli)[0]
    assert cli("dismiss", str(first["id"])).code == 0
    assert first["id"] not in [p["id"] for p in _pledges(cli)]


def test_readable_table(cli: CliRunner, sample_path: Path) -> None:
    cli("ingest", str(sample_path))
    table = cli("list", "--now", "2022-02-01").out.splitlines()
    assert table[0].split() == ["ID", "STATUS", "DUE", "ACTOR", "PLEDGE"]
    assert any("overdue" in line and "2022-01-30" in line for line in table)


def test_extract_prints_json_and_stores_nothing(cli: CliRunner, sample_path: Path) -> None:
    result = cli("extract", str(sample_path), "--json")
    assert result.code == 0
    [article] = json.loads(result.out)
    assert set(article) == {"source", "title", "published", "pledges"}
    assert article["published"] == "2022-01-21"
    assert set(article["pledges"][0]) == {
        "actor",
        "recipient",
        "action",
        "kind",
        "condition",
        "quote",
        "deadline_text",
        "due",
        "due_precision",
        "more_quotes",
        "confidence",
        "review",
    }
    assert _pledges(cli) == []


def test_due_resolves_expressions_in_order(cli: CliRunner) -> None:
    result = cli("due", "--published", "2022-01-21", "next week", "by 2025", "soon", "--json")
    assert json.loads(result.out) == [
        {"expression": "next week", "due": "2022-01-30", "precision": "week"},
        {"expression": "by 2025", "due": "2025-12-31", "precision": "year"},
        {"expression": "soon", "due": None, "precision": None},
    ]


def test_published_overrides_and_is_required_without_a_dateline(
    cli: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("Plant to open\n\nThe company will open the plant next month.\n")
    refused = cli("ingest", str(article))
    assert refused.code != 0
    assert "--published" in refused.err
    accepted = cli("ingest", str(article), "--published", "2022-03-10")
    assert accepted.code == 0
    assert _pledges(cli)[0]["due"] == "2022-04-30"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "file is empty"),
        (b"\x00\x01\x02binary", "binary file"),
        (b"2022-01-21\nT\n\nCaf\xe9 will open.", "not UTF-8"),
    ],
)
def test_bad_files_store_nothing(
    cli: CliRunner, tmp_path: Path, content: bytes | None, message: str
) -> None:
    path = tmp_path / "bad.txt"
    if content is not None:
        path.write_bytes(content)
    result = cli("ingest", str(path))
    assert result.code != 0
    assert message in result.err
    assert "bad.txt" in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert _pledges(cli) == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("met", "999"), "no pledge with id 999"),
        (("unmet", "999"), "no pledge with id 999"),
        (("met", "x1"), "invalid int value: 'x1'"),
        (("list", "--now", "2022-13-01"), "'2022-13-01' is not a valid date"),
        (("met", "1", "--on", "31/01/2022"), "'31/01/2022' is not a valid date"),
    ],
)
def test_bad_arguments_get_one_line(cli: CliRunner, args: tuple[str, ...], message: str) -> None:
    result = cli(*args)
    assert result.code != 0
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1


def test_installed_command_shows_no_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PLEDGEWATCH_DB": str(tmp_path / "p.db")}
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00")
    for args in (["ingest", str(bad)], ["met", "7"], ["--db", "nosuch://x", "list"]):
        result = subprocess.run(
            [sys.executable, "-m", "app", *args],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode != 0
        assert "Traceback" not in result.stderr
        assert result.stderr.startswith("pledgewatch: error:")


def test_every_command_has_help(cli: CliRunner) -> None:
    for command in ("ingest", "extract", "list", "met", "unmet", "dismiss", "due"):
        result = cli(command, "--help")
        assert result.code == 0
        assert "usage: pledgewatch" in result.out
    assert "pledgewatch 0." in cli("--version").out


def test_one_bad_file_does_not_stop_the_others(
    cli: CliRunner, sample_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    result = cli("ingest", str(bad), str(sample_path))
    assert result.code != 0
    assert "empty.txt" in result.err
    assert "file is empty" in result.err
    assert "Russia, U.S. Agree to Talk Security Demands Next Week" in result.out
    assert len(_pledges(cli)) >= 4
