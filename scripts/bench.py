"""Benchmarks that print figures (not part of the test suite).

Usage: python scripts/bench.py [--shared ../shared] [SECTION ...]   sections: deadlines
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

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


def bench_deadlines(shared: Path) -> list[Row]:
    """Resolutions per second after warm-up, with and without the result cache."""
    import eval_deadlines

    from app.extract import deadlines

    data = shared / "data"
    cases = eval_deadlines.meantime_cases(data / "meantime")
    cases += eval_deadlines.pledge_cases(data / "wikinews")
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


def bench_reminders(_shared: Path) -> list[Row]:
    """`pledgewatch check` over 10,000 generated pledges: a dry run, then recording."""
    import tempfile
    from datetime import UTC, datetime

    from generate_pledges import generate

    from app.reminding import check_reminders
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


SECTIONS: dict[str, Callable[[Path], list[Row]]] = {
    "deadlines": bench_deadlines,
    "reminders": bench_reminders,
}


def main() -> None:
    """Run the chosen sections and print one table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("sections", nargs="*", metavar="SECTION", help=", ".join(SECTIONS))
    args = parser.parse_args()
    rows: list[Row] = []
    for name in args.sections or list(SECTIONS):
        rows += SECTIONS[name](args.shared)
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'figure':>12}  target")
    for measure, figure, target in rows:
        print(f"{measure:<{width}}  {figure:>12}  {target}")


if __name__ == "__main__":
    main()
