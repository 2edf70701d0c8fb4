"""Fill a database with realistic generated pledges, for screenshots and benchmarks.

Usage: python scripts/generate_pledges.py DB_PATH COUNT [--around 2022-02-01] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
from datetime import UTC, date, datetime, timedelta

from app.domain import Article, DuePrecision, Pledge, PledgeKind, PublishedHow, Span
from app.store.engine import make_engine, open_session
from app.store.queries import save_extraction

ACTORS = [
    "United States",
    "Russia",
    "European Union",
    "Joe Biden",
    "Sergei Lavrov",
    "Antony Blinken",
    "Olaf Scholz",
    "Emmanuel Macron",
    "NATO",
    "Ukraine",
    "China",
    "Xi Jinping",
    "World Bank",
    "IMF",
    "Acme Corp",
    "Tesco",
    "Salling Group",
    "Boris Johnson",
    "Nancy Pelosi",
    "OPEC",
    "the Senate",
    "Ministry of Finance",
    "Bank of England",
    "Tokyo Electric",
    "Siemens",
]
ACTIONS = [
    "provide a written response",
    "hold further talks",
    "cut emissions by half",
    "release the second tranche of aid",
    "publish the audit report",
    "close the plant",
    "raise interest rates",
    "sign the trade agreement",
    "withdraw troops from the border",
    "hold a referendum",
    "reopen the embassy",
    "deliver 20 million vaccine doses",
    "hire 2,000 nurses",
    "reduce tariffs on steel",
    "submit the budget to parliament",
    "appoint an independent inquiry",
    "resume gas deliveries",
    "fund the new rail line",
]
DEADLINES = [
    ("next week", DuePrecision.WEEK),
    ("by the end of the month", DuePrecision.MONTH),
    ("within 30 days", DuePrecision.DAY),
    ("by Friday", DuePrecision.DAY),
    ("next year", DuePrecision.YEAR),
    ("soon", None),
    (None, None),
]


def generate(db: str, count: int, around: date, seed: int, per_article: int = 5) -> None:
    """Store `count` pledges in articles of `per_article`, due within ±90 days of `around`."""
    rng = random.Random(seed)
    engine = make_engine(db)
    made = 0
    with open_session(engine) as session:
        while made < count:
            published = around - timedelta(days=rng.randint(0, 120))
            pledges = []
            sentences: list[str] = []
            for _ in range(min(per_article, count - made)):
                actor, action = rng.choice(ACTORS), rng.choice(ACTIONS)
                deadline, precision = rng.choice(DEADLINES)
                due = None
                if precision is not None:
                    due = published + timedelta(days=rng.randint(3, 150))
                sentence = f"{actor} will {action}" + (f" {deadline}." if deadline else ".")
                start = sum(len(s) + 2 for s in sentences)
                sentences.append(sentence)
                met = due is not None and rng.random() < 0.3
                pledges.append(
                    Pledge(
                        actor=actor,
                        action=action,
                        kind=rng.choice(list(PledgeKind)),
                        quote=sentence,
                        quote_span=Span(start, start + len(sentence)),
                        deadline_text=deadline,
                        due=due,
                        due_precision=precision,
                        met_on=due - timedelta(days=rng.randint(0, 5)) if met and due else None,
                    )
                )
                made += 1
            text = "\n\n".join(sentences)
            title = f"{pledges[0].actor} and others make pledges ({made})"
            article = Article(title, "generated", published, PublishedHow.GIVEN, text)
            # Saved as they are: each generated pledge is a pledge of its own, none is looked up
            # as a repeat of an earlier one (services/importing.py would).
            save_extraction(session=session, article=article, pledges=pledges, at=datetime.now(UTC))


def main() -> None:
    """Parse the command line and generate."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("count", type=int)
    parser.add_argument("--around", type=date.fromisoformat, default=date(2022, 2, 1))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.db, args.count, args.around, args.seed)


if __name__ == "__main__":
    main()
