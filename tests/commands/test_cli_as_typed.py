"""The command line as a person types it: options anywhere, plain words, nothing raw printed,
pipes closed early, long work that says what it is doing."""

from __future__ import annotations

import io
import json
import os
import pty
import select
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from tests.conftest import CliRunner
    from tests.web import LocalWeb

ROOT = Path(__file__).resolve().parents[2]


def _run(
    *args: str, env: dict[str, str] | None = None, **kwargs: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, **(env or {})},
        check=False,
        **kwargs,
    )


def test_db_and_now_work_before_or_after_the_command(
    cli: CliRunner, sample_path: Path, database: str
) -> None:
    from app.cli import main

    assert cli("ingest", str(sample_path)).code == 0
    printed = io.StringIO()
    arguments = ["--now", "2022-02-01", "list", "--status", "overdue", "--json", "--db", database]
    assert main(arguments, out=printed) == 0
    assert [p["actor"] for p in json.loads(printed.getvalue())] == ["United States"]
    after = cli("list", "--json", "--status", "overdue", "--now", "2022-02-01")
    overdue = json.loads(after.out)
    assert [p["actor"] for p in overdue] == ["United States"]
    early = cli("--now", "2022-01-25", "list", "--status", "overdue", "--json")
    assert json.loads(early.out) == []  # --now before the command is no longer ignored


def test_an_escape_in_a_title_never_reaches_the_terminal(cli: CliRunner, tmp_path: Path) -> None:
    article = tmp_path / "escape.txt"
    article.write_text(
        "Minister \x1b]0;owned\x07\x1b[2J Resigns\n\nJanuary 21, 2022\n\n"
        "The minister will publish the report next week.\n",
        encoding="utf-8",
    )
    result = cli("ingest", str(article))
    assert result.code == 0, result.err
    assert "\x1b" not in result.out
    assert "\x07" not in result.out
    assert "Minister ]0;owned[2J Resigns" in result.out
    listed = cli("list")
    assert "\x1b" not in listed.out


@pytest.mark.usefixtures("intranet")
def test_an_escape_from_a_web_server_never_reaches_the_terminal(
    cli: CliRunner, web: LocalWeb
) -> None:
    page = web.add("/down.html", b"", status=503, reason="Down \x1b]0;owned\x07\x1b[2J now")
    refused = cli("ingest", page)
    assert refused.code == 1
    assert "503" in refused.err
    assert "\x1b" not in refused.err
    assert "\x07" not in refused.err
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        "<title>Wire &#27;[2J&#27;]0;owned&#7; desk</title><link>http://example.org/</link>"
        "</channel></rss>"
    )
    feed = web.add("/feed.xml", rss, "application/rss+xml")
    assert cli("watch", feed, "--once").code == 0
    listing = cli("watch", "--list").out
    assert "Wire" in listing
    assert "\x1b" not in listing
    assert "\x07" not in listing


def test_words_are_singular_for_one_and_empty_listings_say_what_is_empty(
    cli: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "one.txt"
    article.write_text(
        "Plant to Close\n\nJanuary 21, 2022\n\nAcme Corp will close the plant next month.\n",
        encoding="utf-8",
    )
    out = cli("ingest", str(article)).out
    assert "; 1 pledge\n" in out
    assert "1 pledges" not in out
    assert cli("list", "--status", "met").out == "No met pledges on " + _today() + ".\n"
    assert cli("watch", "--list").out.startswith("No feeds.")


def _today() -> str:
    from datetime import date

    return date.today().isoformat()


def test_reingesting_with_another_publication_date_says_the_stored_one_stays(
    cli: CliRunner, tmp_path: Path
) -> None:
    article = tmp_path / "undated.txt"
    article.write_text("Plant to Close\n\nAcme Corp will close the plant next month.\n", "utf-8")
    first = cli("ingest", str(article), "--published", "2022-01-21")
    assert "published 2022-01-21" in first.out
    again = cli("ingest", str(article), "--published", "2022-03-01")
    assert "published 2022-01-21" in again.out
    assert "published 2022-03-01 (" not in again.out
    assert "--published 2022-03-01 not used" in again.out


@pytest.mark.parametrize("address", ["ftp://127.0.0.1/story.txt", "file:///etc/hostname"])
def test_other_schemes_are_refused_as_addresses(cli: CliRunner, address: str) -> None:
    result = cli("ingest", address)
    assert result.code == 1
    assert result.err.strip() == (
        f"pledgewatch: error: {address}: fetch: only http and https addresses can be fetched"
    )


@pytest.mark.parametrize(
    ("listing", "first_line"), [("list", "   ID  STATUS"), ("list --json", "[")]
)
def test_a_pipe_closed_early_ends_quietly(tmp_path: Path, listing: str, first_line: str) -> None:
    db = str(tmp_path / "p.db")
    generate = [sys.executable, "scripts/generate_pledges.py", db, "2000"]
    subprocess.run(generate, cwd=ROOT, check=True, capture_output=True, timeout=300)
    whole = _run("--db", db, *listing.split()).stdout
    assert len(whole.encode()) > 2 * 65536  # more than a pipe holds: the writer must block
    shell = f"{sys.executable} -m app --db {db} {listing} | head -1"
    done = subprocess.run(
        ["bash", "-o", "pipefail", "-c", shell],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout.startswith(first_line)
    assert done.stderr == ""  # no BrokenPipeError traceback


def test_with_no_display_the_app_says_so_in_one_line(tmp_path: Path) -> None:
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    done = _run("--db", str(tmp_path / "p.db"), env=env)
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "no display" in done.stderr
    assert "pledgewatch --help" in done.stderr


def test_the_gui_script_has_a_version() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from app.gui.main import main; sys.exit(main())",
         "--version"],
        cwd=ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    from app import __version__

    assert done.returncode == 0
    assert done.stdout.strip() == f"pledgewatch-gui {__version__}"


def test_a_long_ingest_prints_each_article_as_it_goes_and_progress_only_on_a_terminal(
    tmp_path: Path,
) -> None:
    paths = []
    for number in range(20):
        path = tmp_path / f"a{number:02}.txt"
        path.write_text(
            f"Plant {number} to Close\n\nJanuary 21, 2022\n\n"
            f"Acme {number} will close plant number {number} next month.\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    db = str(tmp_path / "p.db")
    main, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--db", db, "ingest", *paths],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=terminal,
        text=True,
    )
    os.close(terminal)
    assert process.stdout is not None
    first = process.stdout.readline()  # the first article, while later ones are still read
    assert first.startswith("Plant ")
    assert process.poll() is None
    seen = b""
    while process.poll() is None or select.select([main], [], [], 0)[0]:
        if select.select([main], [], [], 0.2)[0]:
            try:
                seen += os.read(main, 4096)
            except OSError:
                break
    os.close(main)
    rest = process.stdout.read()
    process.stdout.close()
    assert process.wait(timeout=300) == 0
    assert (first + rest).count("\n  published 2022-01-21") == 20
    assert b"[16/20]" in seen  # the progress line, on the terminal
    piped = _run("--db", str(tmp_path / "q.db"), "ingest", *paths)
    assert piped.stderr == ""  # not a terminal: no progress line


def test_a_full_disk_stops_the_import_and_says_what_was_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main
    from app.store import engine as engines

    articles = []
    for number in range(3):
        path = tmp_path / f"a{number}.txt"
        text = f"Plant {number}\n\nJanuary 21, 2022\n\nAcme {number} will close the plant.\n"
        path.write_text(text + "Filler words for the page. " * 800 * number, encoding="utf-8")
        articles.append(str(path))
    db = str(tmp_path / "full.db")
    engines.make_engine(db).dispose()
    configure = engines._configure_sqlite

    def a_small_disk(connection: Any, record: Any) -> None:
        configure(connection, record)
        pages = connection.execute("PRAGMA page_count").fetchone()[0]
        connection.execute(f"PRAGMA max_page_count = {pages + 3}")  # room for the first only

    monkeypatch.setattr(engines, "_configure_sqlite", a_small_disk)
    out = io.StringIO()
    assert main(["--db", db, "ingest", *articles], out=out) == 1
    assert out.getvalue().startswith("Plant 0\n")
    error = capsys.readouterr().err
    assert "the database could not be written (database or disk is full)" in error
    assert "the import stopped: 1 article stored before it, kept; 2 inputs not imported" in error
    assert "Traceback" not in error
    monkeypatch.undo()
    import sqlite3

    with sqlite3.connect(db) as stored:
        assert stored.execute("SELECT title FROM article").fetchall() == [("Plant 0",)]
