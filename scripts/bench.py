"""Benchmarks that print figures (not part of the test suite).

Usage: python scripts/bench.py [--data data] [SECTION ...]   sections: ingest, gui, cli, deadlines,
reminders
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

Row = tuple[str, str, str]


def _first_call_seconds(expression: str) -> float:
    """Import and first resolution in a fresh interpreter, as the app pays it once."""
    code = (
        "import time; t = time.perf_counter(); from datetime import date; "
        "from app.extract.deadlines import resolve_deadline; "
        f"resolve_deadline({expression!r}, date(2022, 1, 21)); print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return float(out.stdout.strip())


def _rate(calls: list[tuple[str, date]], run: Callable[[], None], repeats: int) -> float:
    start = time.perf_counter()
    for _ in range(repeats):
        run()
    return len(calls) * repeats / (time.perf_counter() - start)


def bench_deadlines(data: Path) -> list[Row]:
    """Resolutions per second after warm-up, with and without the result cache."""
    import eval_deadlines

    from app.extract import deadlines

    cases = eval_deadlines.meantime_cases(data / "meantime")
    cases += eval_deadlines.pledge_cases(data)
    calls = [(c.text, c.published) for c in cases]

    def resolve_all() -> None:
        for text, published in calls:
            deadlines.resolve_deadline(text, published)

    def resolve_all_uncached() -> None:
        deadlines._resolve_cached.cache_clear()
        resolve_all()

    def resolve_all_no_caches() -> None:
        deadlines._parse_absolute.cache_clear()
        deadlines._parser.cache_clear()
        resolve_all_uncached()

    resolve_all()  # warm-up: imports, compiled patterns, one dateparser per publication date
    cached = _rate(calls, resolve_all, 50)
    uncached = _rate(calls, resolve_all_uncached, 5)
    no_caches = _rate(calls, resolve_all_no_caches, 3)
    rule_only = _first_call_seconds("next week")
    with_dateparser = _first_call_seconds("15 February")
    target = ">= 5,000/s"
    return [
        (f"deadlines: {len(calls)} real expressions, results cached", f"{cached:,.0f}/s", target),
        ("deadlines: the same, result cache cleared each pass", f"{uncached:,.0f}/s", target),
        ("deadlines: the same, every cache cleared each pass", f"{no_caches:,.0f}/s", "-"),
        ("deadlines: first call, rule only (fresh process)", f"{rule_only * 1000:.0f} ms", "-"),
        ("deadlines: first call through dateparser", f"{with_dateparser * 1000:.0f} ms", "-"),
    ]


def bench_reminders(_data: Path) -> list[Row]:
    """`pledgewatch check` over 10,000 generated pledges: a dry run, then recording."""
    import tempfile
    from datetime import UTC, datetime

    from generate_pledges import generate

    from app.services.reminders import check_reminders
    from app.store.engine import make_engine

    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "bench.db")
        generate(db, 10_000, date(2022, 2, 1), seed=7)
        engine = make_engine(db)
        rows = []
        for label, record in (("dry run", False), ("recording", True)):
            start = time.perf_counter()
            notices = check_reminders(
                engine, today=date(2022, 2, 1), at=datetime.now(UTC), record=record
            )
            seconds = time.perf_counter() - start
            rows.append(
                (
                    f"reminders: check over 10,000 pledges, {label} ({len(notices)} due)",
                    f"{seconds * 1000:.0f} ms",
                    "< 1,000 ms",
                )
            )
        return rows


def _big_database(folder: Path, count: int = 100_000) -> Path:
    """A database of `count` generated pledges, made once and kept in the folder."""
    from generate_pledges import generate

    db = folder / f"bench-{count}.db"
    if not db.exists():
        folder.mkdir(exist_ok=True)
        generate(str(db), count, date(2022, 2, 1), seed=3)
    return db


def _whole_processes(paths: list[Path]) -> list[Row]:
    """`pledgewatch ingest` of the articles into a new database, against a bare nlp.pipe of the
    same texts, each a fresh interpreter with its loads (spaCy, the pledge model) included."""
    import tempfile

    bare_code = (
        "import sys; from pathlib import Path; from app.extract.nlp import load_nlp; "
        "from app.extract.readers import read_source; "
        "texts = [read_source(Path(p)).text for p in sys.argv[1:]]; "
        "list(load_nlp().pipe(texts))"
    )
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", bare_code, *map(str, paths)], cwd=ROOT, check=True)
    bare = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        command = [sys.executable, "-m", "app", "--db", str(Path(folder) / "p.db"), "ingest"]
        start = time.perf_counter()
        subprocess.run([*command, *map(str, paths)], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)  # fmt: skip
        ours = time.perf_counter() - start
    return [
        ("ingest: whole processes, pledgewatch ingest / bare nlp.pipe", f"{ours / bare:.2f} x",
         f"<= 1.3 x ({ours:.1f} s / {bare:.1f} s)"),
    ]  # fmt: skip


def bench_ingest(data: Path) -> list[Row]:
    """The 294 Wikinews articles: the whole pipeline with storing, beside spaCy's bare parse."""
    import tempfile
    from datetime import UTC, datetime

    from app.extract.nlp import load_nlp
    from app.extract.readers import read_source
    from app.services.importing import ingest_each
    from app.store.engine import make_engine

    paths = sorted((data / "wikinews" / "articles").glob("*.txt"))
    nlp = load_nlp()
    texts = [read_source(p).text for p in paths]
    list(nlp.pipe(texts[:8]))  # warm-up
    start = time.perf_counter()
    for _ in nlp.pipe(texts):
        pass
    bare = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(str(Path(folder) / "ingest.db"))
        start = time.perf_counter()
        outcomes = [result for _, result in ingest_each(engine, paths, at=datetime.now(UTC))]
        ours = time.perf_counter() - start
    stored = sum(1 for o in outcomes if not isinstance(o, Exception))
    return [
        ("ingest: spaCy nlp.pipe alone, 294 articles", f"{len(paths) / bare:.1f}/s", "-"),
        (
            f"ingest: whole pipeline with storing ({stored} stored)",
            f"{len(paths) / ours:.1f}/s",
            "-",
        ),
        ("ingest: pipeline time / spaCy time", f"{ours / bare:.2f} x", "<= 1.3 x"),
        *_whole_processes(paths),
        (
            "ingest: finding an article's repeated pledges among 100,000",
            f"{_repeats_ms(paths[:40]):.0f} ms",
            "-",
        ),
        *_with_stored_pledges(paths[:60], nlp),
    ]


def _with_stored_pledges(paths: list[Path], nlp: Any, rounds: int = 3) -> list[Row]:
    """Ingest into a copy of the database of 100,000 pledges, the articles dated after them
    (each read for their follow-ups), against spaCy's bare parse of the same articles: the
    fastest of `rounds` of each, taken in turn (this machine's speed drifts by a fifth from one
    run to the next)."""
    import shutil
    import tempfile
    from datetime import UTC, datetime

    from app.extract.embedding import forget_remembered
    from app.extract.readers import read_source
    from app.services import importing
    from app.store.engine import make_engine

    texts = [read_source(p).text for p in paths]
    searching: list[float] = []
    search = importing.suggest_follow_ups

    def timed(*args: Any, **kwargs: Any) -> int:
        begun = time.perf_counter()
        try:
            return search(*args, **kwargs)
        finally:
            searching.append(time.perf_counter() - begun)

    bare: list[float] = []
    ours: list[float] = []
    for _ in range(rounds):
        forget_remembered()  # each round embeds the stored pledges anew, as a new process does
        start = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        bare.append(time.perf_counter() - start)
        with tempfile.TemporaryDirectory() as folder:
            copy = Path(folder) / "big.db"
            shutil.copy(_big_database(ROOT / ".bench"), copy)
            engine = make_engine(str(copy))  # any schema upgrade happens here, not timed
            importing.suggest_follow_ups = timed
            try:
                start = time.perf_counter()
                # dated after every stored pledge, so that each article is searched against them
                later = date(2023, 1, 1)
                list(importing.ingest_each(engine, paths, at=datetime.now(UTC), published=later))
                ours.append(time.perf_counter() - start)
            finally:
                importing.suggest_follow_ups = search
            engine.dispose()
    median = sorted(searching)[len(searching) // 2] * 1000 if searching else 0.0
    return [
        (f"ingest with 100,000 stored pledges: pipeline / spaCy ({len(paths)} articles, "
         f"fastest of {rounds})", f"{min(ours) / min(bare):.2f} x",
         f"<= 1.3 x ({min(ours):.1f} s / {min(bare):.1f} s)"),
        ("ingest with 100,000 stored pledges: follow-up search per article (median)",
         f"{median:.0f} ms", "-"),
    ]  # fmt: skip


def _repeats_ms(paths: list[Path]) -> float:
    """Median time to look up, among 100,000 stored pledges, the ones an article repeats (over
    the articles with pledges)."""
    import statistics

    from app.domain.errors import ExtractError
    from app.extract import Pipeline
    from app.services.importing import reported_before
    from app.store.engine import make_engine, open_session

    engine = make_engine(str(_big_database(ROOT / ".bench")))
    found = Pipeline().run_files(paths)
    extractions = [e for e in found if not isinstance(e, ExtractError) and e.pledges]
    times = []
    with open_session(engine) as session:
        for extraction in extractions:
            start = time.perf_counter()
            reported_before(session, extraction.article, extraction.pledges)
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


_FIRST_PAINT = """
import os, sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
app = QApplication(['bench'])
{setup}
class Painted(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and watched is table.viewport():
            print('painted', time.time(), flush=True)
            watched.removeEventFilter(self)
        return False
painted = Painted()
table.viewport().installEventFilter(painted)
window.show()
{after}
app.exec()
# VmHWM, not ru_maxrss: the latter carries the parent's peak over fork and exec
peak = [l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1]
print('rss_mb', int(peak) / 1024, flush=True)
"""
_BARE = _FIRST_PAINT.format(
    setup="from PySide6.QtWidgets import QMainWindow, QTableView\n"
    "window = QMainWindow(); table = QTableView(); window.setCentralWidget(table)\n"
    "window.resize(1200, 760)",
    after="from PySide6.QtCore import QTimer\nQTimer.singleShot(300, app.quit)",
)
_OURS = _FIRST_PAINT.format(
    setup="from app.gui.main_window import MainWindow\n"
    "window = MainWindow(sys.argv[1], remember=False)\n"
    "table = window.table\n"
    "window.loaded.connect(lambda: (print('loaded', time.time(), flush=True), app.quit()))",
    after="window.refresh()",
)


def _run_offscreen(*args: str) -> str:
    """Run Python with these arguments on Qt's offscreen platform; what it printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, *args]
    return subprocess.run(
        command, cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def _launch(code: str, *args: str) -> dict[str, float]:
    """Run a GUI snippet offscreen; the times it printed, counted from its launch."""
    started = time.time()
    out = _run_offscreen("-c", code, *args)
    marks = dict(line.split() for line in out.splitlines() if line.count(" ") == 1)
    return {k: float(v) - (started if k != "rss_mb" else 0) for k, v in marks.items()}


def bench_gui(_data: Path) -> list[Row]:
    """Launch to first paint with 100,000 pledges, beside a bare window; then interaction."""
    import compileall
    import statistics

    db = _big_database(ROOT / ".bench")
    # As installed: `pip install .` byte-compiles the package; an editable checkout run with
    # PYTHONDONTWRITEBYTECODE would otherwise compile every module from source at each launch.
    compileall.compile_dir(ROOT / "app", quiet=1)
    bare = statistics.median(_launch(_BARE)["painted"] for _ in range(3))
    runs = [_launch(_OURS, str(db)) for _ in range(3)]
    ours = statistics.median(r["painted"] for r in runs)
    loaded = statistics.median(r["loaded"] for r in runs)
    memory = max(r["rss_mb"] for r in runs)
    rows = [
        ("gui: bare PySide6 window with an empty table, first paint", f"{bare:.2f} s", "-"),
        (
            "gui: PledgeWatch with 100,000 pledges, first paint",
            f"{ours:.2f} s",
            f"<= 1.5 s and <= {2 * bare:.2f} s (2x bare)",
        ),
        ("gui: first paint / bare window's", f"{ours / bare:.2f} x", "<= 2 x"),
        ("gui: ... all 100,000 pledges on screen", f"{loaded:.2f} s", "-"),
        ("gui: memory with all 100,000 pledges loaded", f"{memory:.0f} MB", "<= 400 MB"),
    ]
    out = _run_offscreen(str(ROOT / "scripts" / "bench_interaction.py"), str(db))
    for line in out.splitlines():
        measure, figure, target = line.split("|")
        rows.append((measure, figure, target))
    return rows


def bench_cli(_data: Path) -> list[Row]:
    """`pledgewatch list --status overdue` and `pledgewatch check` over 100,000 pledges."""
    import statistics

    db = _big_database(ROOT / ".bench")
    command = [sys.executable, "-m", "app", "--db", str(db)]
    rows = []
    subprocess.run(
        [*command, "check", "--now", "2022-02-01"], cwd=ROOT, capture_output=True, check=True
    )  # the first check records its reminders
    for label, args in (
        ("list --status overdue", ["list", "--status", "overdue", "--now", "2022-02-01"]),
        ("check (a day's check; earlier ones recorded)", ["check", "--now", "2022-02-02"]),
    ):
        times = []
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run([*command, *args], cwd=ROOT, capture_output=True, check=True)
            times.append(time.perf_counter() - start)
        rows.append((f"cli: pledgewatch {label}", f"{statistics.median(times):.2f} s", "<= 0.5 s"))
    rows.append(("cli: query plans (overdue list, reminder check)", _plans(db), "an index"))
    return rows


def _plans(db: Path) -> str:
    """Which index SQLite uses for the overdue list and the reminder candidates."""
    import sqlite3

    from sqlalchemy.dialects import sqlite as sqlite_dialect
    from sqlmodel import col, select

    from app.domain import Status
    from app.store.models import PledgeRow
    from app.store.status_sql import status_filter
    from app.store.tables import pledge

    queries = [
        select(pledge.c.id).where(status_filter(Status.OVERDUE, date(2022, 2, 1))),
        select(col(PledgeRow.id)).where(
            col(PledgeRow.dismissed).is_(False),
            col(PledgeRow.met_on).is_(None),
            col(PledgeRow.due) <= date(2022, 2, 3),
        ),
    ]
    used = []
    with sqlite3.connect(db) as connection:
        for query in queries:
            sql = str(
                query.compile(
                    dialect=sqlite_dialect.dialect(), compile_kwargs={"literal_binds": True}
                )
            )
            plan = " ".join(str(row[-1]) for row in connection.execute(f"EXPLAIN QUERY PLAN {sql}"))
            used.append(plan.split("INDEX ")[1].split()[0] if "INDEX " in plan else "NO INDEX")
    return ", ".join(used)


SECTIONS: dict[str, Callable[[Path], list[Row]]] = {
    "ingest": bench_ingest,
    "gui": bench_gui,
    "cli": bench_cli,
    "deadlines": bench_deadlines,
    "reminders": bench_reminders,
}


def main() -> None:
    """Run the chosen sections and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data", help="the labelled data")
    parser.add_argument("sections", nargs="*", metavar="SECTION", help=", ".join(SECTIONS))
    args = parser.parse_args()
    rows: list[Row] = []
    for name in args.sections or list(SECTIONS):
        rows += SECTIONS[name](args.data)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':>12}  target")
    for measure, figure, target in rows:
        print(f"{measure:<{width}}  {figure:>12}  {target}")


if __name__ == "__main__":
    main()
