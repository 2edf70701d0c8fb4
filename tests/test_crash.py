"""Crashes: `pledgewatch ingest` killed with SIGKILL at random moments leaves no half-article."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KILLS = 8  # random moments while an import writes its articles
ARTICLES = 24  # a shorter import, so that each kill costs less; still many to cut through
ACTORS = ["The ministry", "Acme Corp", "The council", "The union", "Globex", "The senate"]
ACTIONS = [
    "publish the report",
    "close the plant",
    "repave the road",
    "raise wages",
    "open a factory",
    "hold a vote",
]
DEADLINES = ["next week", "by Friday", "next month", "within 30 days"]


pytestmark = pytest.mark.slow  # other processes, killed mid-write


def _articles(folder: Path) -> list[Path]:
    rng = random.Random(5)
    paths = []
    for n in range(ARTICLES):
        sentences = [
            f"{rng.choice(ACTORS)} will {rng.choice(ACTIONS)} {rng.choice(DEADLINES)}."
            for _ in range(rng.randint(2, 6))
        ]
        filler = " ".join(f"Officials met on day {n} to discuss item {k}." for k in range(30))
        path = folder / f"article-{n:02}.txt"
        path.write_text(
            f"2022-01-{1 + n % 28:02}\nReport number {n}\n\n{filler}\n\n"
            + "\n\n".join(sentences)
            + "\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def _check_whole(db: Path) -> tuple[int, int]:
    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        if "article" not in tables:
            return 0, 0  # killed while the schema was being made: it was rolled back whole
        # Each pledge found is stored as a row, or as a source of an earlier article's pledge.
        broken = connection.execute(
            "SELECT a.id FROM article a WHERE a.pledge_count != "
            "(SELECT COUNT(*) FROM pledge p WHERE p.article_id = a.id) + "
            "(SELECT COUNT(*) FROM pledge_report s WHERE s.article_id = a.id)"
        ).fetchall()
        assert broken == [], "an article is stored without all its pledges"
        orphans = connection.execute(
            "SELECT COUNT(*) FROM pledge_event e WHERE NOT EXISTS "
            "(SELECT 1 FROM pledge p WHERE p.id = e.pledge_id)"
        ).fetchone()
        assert orphans == (0,)
        articles = connection.execute("SELECT COUNT(*) FROM article").fetchone()[0]
        pledges = connection.execute("SELECT COUNT(*) FROM pledge").fetchone()[0]
    return articles, pledges


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_killed_imports_leave_every_article_whole_or_absent(tmp_path: Path) -> None:
    paths = [str(p) for p in _articles(tmp_path)]

    def command(db: Path) -> list[str]:
        return [sys.executable, "-m", "app", "--db", str(db), "ingest", *paths]

    began = time.perf_counter()  # one whole import: how many lines it prints as it stores
    timing = subprocess.run(command(tmp_path / "timing.db"), cwd=ROOT, capture_output=True,
                            text=True, check=True)  # fmt: skip
    whole_run = time.perf_counter() - began
    printed = len(timing.stdout.splitlines())  # ingest prints each article as it is stored
    assert printed > 1
    rng = random.Random(11)
    mid_run, seen = 0, []
    for kill in range(KILLS):
        db = tmp_path / f"crash-{kill}.db"
        process = subprocess.Popen(
            command(db), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert process.stdout is not None
        for _ in range(rng.randint(1, printed - 1)):  # some articles stored, more to come
            process.stdout.readline()
        time.sleep(rng.uniform(0.0, 0.05))  # then a moment inside the writing of the next ones
        if process.poll() is None:
            mid_run += 1
            os.kill(process.pid, signal.SIGKILL)
        process.wait()
        process.stdout.close()
        if db.exists():
            seen.append(_check_whole(db)[0])
    last = tmp_path / f"crash-{KILLS - 1}.db"
    finished = subprocess.run(command(last), cwd=ROOT, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr  # after a crash, the rest imports
    assert _check_whole(last)[0] == ARTICLES
    print(
        f"\n{KILLS} kills, {mid_run} while importing (a whole import takes {whole_run:.1f} s); "
        f"articles stored when killed: {seen}; the last then completed whole"
    )
    assert mid_run >= KILLS * 3 // 4
