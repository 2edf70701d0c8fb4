"""Pipeline stage 5: resolve deadline wording to the last day it covers, from the publication date.

Wording is normalised here (bounds such as "by" and "no later than" dropped, periods, spans and
parts of periods read by rule); dates named outright go to dateparser, which also takes whatever
no rule recognises.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING

from app.domain import Deadline, DuePrecision
from app.domain.days import LATEST_DUE
from app.extract import lexicon as words
from app.extract import periods
from app.extract.datepatterns import MONTH_PATTERN, MONTHS, WEEKDAYS
from app.extract.periods import Period

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

DeadlineResolver = Callable[[str, date], Deadline]

NO_DEADLINE = Deadline(due=None, precision=None)

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "eighteen": 18, "twenty": 20, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50,
    "sixty": 60, "ninety": 90, "hundred": 100, "a hundred": 100, "a couple of": 2,
}  # fmt: skip
_NUMBER = (
    r"(?P<n>\d+|" + "|".join(sorted(map(re.escape, _NUMBER_WORDS), key=len, reverse=True)) + ")"
)
_YEAR_WORDS = (
    r"(?P<year>\d{4}|this year|next year|last year|the following year|the next year|the year)"
)

_VAGUE = re.compile(
    r"\b(?:soon|shortly|promptly|eventually|swiftly|quickly|immediately|asap|in due course"
    r"|at some point|some ?time|one day|in the (?:near |foreseeable |distant )?future"
    r"|(?:in|over|during) the (?:coming|next|following) (?:few |several )?"
    r"(?:hours|days|weeks|months|years|decades)"
    r"|in (?:a few|several|the coming) (?:hours|days|weeks|months|years)"
    r"|at a later (?:date|time|stage)|the (?:near|short|medium|long)[ -]term|short-term|long-term"
    r"|as early as possible|in time|on time|(?<!from )now|currently|recently|ongoing)\b"
    r"|^later(?: on)?$|^an? (?:day|week|month|year)$|^since\b",  # "since March": begun
)
# A length written before a noun, alone: "27-year", "a five-year" (dateparser read them as the
# 27th and May); how long a thing lasts, not when.
_ATTRIBUTIVE_LENGTH = re.compile(
    r"^(?:an?\s+|the\s+)?(?:nearly\s+|almost\s+|about\s+)?"
    + _NUMBER.replace("?P<n>", "?:")
    + r"-(?:"
    + "|".join(sorted(words.TIME_UNITS))
    + r")(?:-long)?$"
)
# "from X to Y", "between X and Y", "X through Y": the range's end.
_RANGE = re.compile(
    r"^(?:(?:from|between)\s+.+?\s+(?:to|and|through|until|till)|.+?\s+(?:through|thru))"
    r"\s+(?P<end>.+)$"
)
# Lower bounds: "starting on October 1", "beginning next year", "after October of next year".
_LOWER_BOUND = re.compile(
    r"^(?:after|following|from|starting|beginning|as of|once|upon|in the wake of)\b"
)
# A span of years written with a hyphen, an en dash or a slash: "2010-11", "2024/25",
# "2023-2025" (in prose a financial or school year running into the next, not a month:
# "2010-11" is no November 2010). It is told as its last year.
_YEAR_SPAN = re.compile(
    r"\b(?P<first>(?:1[89]|2\d)\d\d)\s*[-–/]\s*(?P<last>\d\d(?:\d\d)?)\b(?!\s*[-–/]\s*\d)"
)
_TIME_OF_DAY = re.compile(
    r"(?:\bat\s+)?\b\d{1,2}(?:[:.]\d{2})?\s*(?:a\.?m\b\.?|p\.?m\b\.?)(?:\s+(?:local\s+time|[a-z]{2,4}\b))?"
    r"|(?:\bat\s+)?\b(?:noon|midday|midnight)\b|\blocal time\b|\b(?:gmt|utc|[ecmp][sd]t)\b"
)
_BOUNDS = re.compile(
    r"^(?:by|before|until|till|til|up to|up until|through|thru|no later than|not later than"
    r"|on or before|at the latest|on|in|at|during|throughout|sometime in|some time in"
    r"|as early as|as late as|around|about|of|for)\s+"
)
_TRAILING_BOUNDS = re.compile(r"\s+(?:at the latest|or (?:earlier|sooner|before))$")
_ENDS = re.compile(
    r"^(?:the\s+)?(?:very\s+)?(?:end|close|conclusion|finish|remainder|rest)\s+of\s+(?:the\s+)?"
)
_PARTS = {
    "early": r"^(?:early|the (?:very )?(?:beginning|start|outset) of|(?:beginning|start) of)\s*",
    "mid": r"^(?:mid|the middle of|middle of)[\s-]*",
    "late": r"^(?:late)\s+",
}
_PART_PATTERNS = {name: re.compile(pattern) for name, pattern in _PARTS.items()}

_EXPLICIT_DATE = re.compile(
    rf"\b{MONTH_PATTERN}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}}))?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month2>"
    + "|".join(sorted(MONTHS, key=len, reverse=True))
    + r")\b\.?(?:,?\s+(?P<year2>\d{4}))?"
    r"|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)
_DAY_WORDS = re.compile(
    r"\b(?P<word>the day after tomorrow|tomorrow|today|tonight|yesterday"
    r"|this (?:morning|afternoon|evening))\b"
)
_WEEKDAY = re.compile(
    r"\b(?P<which>last|this coming|this|next|coming)?\s*(?P<day>" + "|".join(WEEKDAYS) + r")\b"
)
_SPAN = re.compile(
    r"^(?:(?:within|in|over|for|during|inside)\s+)?(?:the\s+)?(?:(?P<dir>next|coming|following"
    r"|past|last|previous)\s+)?(?:(?:at least|at most|up to|about|around|some|another|nearly"
    r"|almost|roughly)\s+)?" + _NUMBER + r"(?:\s+(?:more|further|additional|extra))?"
    r"\s+(?P<unit>hour|day|week|fortnight|month|year|decade)s?(?:'s?)?"
    r"(?:\s+(?P<suffix>time|from now|ago|later|hence))?$"
)
# A length of time that runs from now: "for the next year", "over the coming month", "during a
# 14-day quarantine" (the measure named after the length says what runs, not when).
_RUNNING = re.compile(
    r"^(?:for|over|during|within|throughout)\s+(?:(?:the\s+(?:next|coming)\s+(?P<unit>day|week"
    r"|fortnight|month|year|decade))|(?:an?|the)\s+"
    + _NUMBER.replace("?P<n>", "?P<count>")
    + r"[-\s](?P<unit2>day|week|month|year)(?:[-\s]long)?\s+[a-z]+)$"
)
_SPAN_LEADS = re.compile(r"^(?:within|in|over|for|during|inside|the next|the coming|next)\b")
_RELATIVE = re.compile(
    r"^(?:(?P<which>this|next|last|the coming|the following|the next|the current|the present"
    r"|current|coming|following|previous|the previous|the past|the same|earlier this|later this"
    r"|this coming)\s+|the\s+)?(?:(?:financial|fiscal|calendar)\s+)?"
    r"(?P<unit>day|weekend|week|month|quarter|year|decade|century)$"
)
_UNIT_ENDS = re.compile(r"^(?P<unit>year|month|week|quarter)(?:'s)?[\s-]?end$")
_QUARTER = re.compile(
    r"^(?:the\s+)?(?:(?P<word>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]quarter"
    r"|q(?P<digit>[1-4]))(?:\s+of)?(?:\s+" + _YEAR_WORDS + r")?$"
)
_HALF = re.compile(
    r"^(?:the\s+)?(?:(?P<word>first|second|1st|2nd|latter)[\s-]half|h(?P<digit>[12]))"
    r"(?:\s+of)?(?:\s+" + _YEAR_WORDS + r")?$"
)
_SEASON = re.compile(
    r"^(?:(?P<which>this|next|last|the coming)\s+|the\s+)?(?P<season>spring|summer|autumn|fall"
    r"|winter)(?:\s+of)?(?:\s+(?P<year>\d{4}|this year|next year))?$"
)
_MONTH_ONLY = re.compile(
    r"^(?:(?P<which>this|next|last|the coming)\s+)?"
    + MONTH_PATTERN
    + r"(?:\s+of)?(?:,?\s+"
    + _YEAR_WORDS
    + r")?$"
)
_YEAR_ONLY = re.compile(
    r"^(?:the\s+)?(?:(?:fiscal|financial|calendar)\s+)?(?:year\s+|fy\s*)?(?P<year>\d{4})$"
)
_DECADE = re.compile(r"^(?:the\s+)?(?P<decade>\d{3}0)s$")
# What a lower bound must name to be a time of its own: "from next year", "starting Monday"
# (a day's name leads it: in "following the vote today" the day dates the vote).
_NAMES_A_TIME = re.compile(
    r"\d|"
    + MONTH_PATTERN
    + r"|next|this|week|month|year|^(?:today|tomorrow|tonight|"
    + "|".join(WEEKDAYS)
    + r")\b"
)
_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4,
             "4th": 4, "final": 4, "last": 4, "latter": 2}  # fmt: skip


def resolve_deadline(expression: str, published: date) -> Deadline:
    """The last day `expression` covers, read from the publication date; vague wording gets none."""
    return _resolve_cached(expression, published)


@lru_cache(maxsize=65_536)
def _resolve_cached(expression: str, published: date) -> Deadline:
    text = normalise(expression)
    if not text or _VAGUE.search(text) or _ATTRIBUTIVE_LENGTH.match(text):
        return NO_DEADLINE
    # "from 2009 to 2011", "between 2014 and 2016": done by the end of the range.
    ranged = _RANGE.match(text)
    if ranged is not None:
        text = ranged["end"]
    elif _LOWER_BOUND.match(text):
        # "starting on October 1", "beginning next year": the act comes with that time; a
        # lower bound alone ("after the election", "once approved") names no time of its own
        text = _LOWER_BOUND.sub("", text, count=1).strip(" ,")
        if not text or not _NAMES_A_TIME.search(text):
            return NO_DEADLINE
    try:
        period = _resolve(text, published)
    except (OverflowError, ValueError):  # "in 8000 years": past the last date there is
        return NO_DEADLINE
    if period is None or period.last > LATEST_DUE:
        return NO_DEADLINE
    return Deadline(period.last, period.precision)


def bare_length(expression: str) -> bool:
    """Whether wording is a length of time and nothing else ("three days", "18 months"): it
    says how long, not when, unless a word says from when ("within three days")."""
    text = normalise(expression)
    found = _SPAN.match(text)
    return found is not None and not found["dir"] and not _SPAN_LEADS.match(text)


def normalise(expression: str) -> str:
    """Lower-case, straighten quotes, turn dashes into commas, drop times of day."""
    text = expression.lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"\(.*?\)", " ", text).replace("[", "").replace("]", "")
    text = re.sub(r"[“”\"]", " ", text)
    text = _YEAR_SPAN.sub(_last_year, text)
    text = re.sub(r"\s*[—–]\s*|\s+-\s+", ", ", text)
    text = _TIME_OF_DAY.sub(" ", text)
    return " ".join(text.split()).strip(" ,.;:")


def _last_year(span: re.Match[str]) -> str:
    """The last year of a span of years ("2010-11": 2011), or the span as written when it is
    none (the second number is no later year within a decade: "2022-02" is a month)."""
    first, last = span["first"], span["last"]
    year = int(first[: 4 - len(last)] + last)
    return str(year) if 0 < year - int(first) <= 10 else span.group(0)


def _resolve(text: str, published: date) -> Period | None:
    """Try the rules from the most specific wording to the least; the first that fits wins."""
    # A named day beats the period around it: "next month on August 2" is August 2.
    for named_day in (_explicit_date, _day_word, _weekday):
        found = named_day(text, published)
        if found is not None:
            return found
    span = _span(text, published)
    if span is not None:
        return span
    core, part = _strip(text)
    for rule in (_relative, _quarter_half_season, _month_only, _year_or_decade):
        found = rule(core, published)
        if found is not None:
            return found if part is None else found.part(part)
    return _with_dateparser(core, published)


def _strip(text: str) -> tuple[str, str | None]:
    """Drop bounding words ("by", "the end of") and pull out early, mid or late."""
    part: str | None = None
    previous = None
    while previous != text:
        previous = text
        text = _TRAILING_BOUNDS.sub("", _ENDS.sub("", _BOUNDS.sub("", text))).strip(" ,")
        for name, pattern in _PART_PATTERNS.items():
            stripped = pattern.sub("", text)
            if stripped != text:
                text, part = stripped, name
    return text, part


def _explicit_date(text: str, published: date) -> Period | None:
    match = _EXPLICIT_DATE.search(text)
    if match is None:
        return None
    day = _parse_absolute(match.group(0))
    if day is None:
        return None
    has_month_name = bool(match["month"] or match["month2"])
    if has_month_name and not (match["year"] or match["year2"]):
        day = _on_or_after_month(day, published)
    return None if day is None else Period(day, day, DuePrecision.DAY)


def _day_word(text: str, published: date) -> Period | None:
    match = _DAY_WORDS.search(text)
    if match is None:
        return None
    offsets = {"the day after tomorrow": 2, "tomorrow": 1, "yesterday": -1}
    day = published + timedelta(days=offsets.get(match["word"], 0))
    return Period(day, day, DuePrecision.DAY)


def _weekday(text: str, published: date) -> Period | None:
    match = _WEEKDAY.search(text)
    if match is None:
        return None
    target = WEEKDAYS.index(match["day"])
    if match["which"] == "last":
        day = published - timedelta(days=(published.weekday() - target - 1) % 7 + 1)
    else:
        day = published + timedelta(days=(target - published.weekday() - 1) % 7 + 1)
    return Period(day, day, DuePrecision.DAY)


def _span(text: str, published: date) -> Period | None:
    running = _RUNNING.match(text)
    if running is not None:
        raw = running["count"] or "1"
        count = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
        return _after(count, running["unit"] or running["unit2"], 1, published)
    match = _SPAN.match(text)
    if match is None or not (_SPAN_LEADS.match(text) or match["dir"] or match["suffix"]):
        return None
    raw = match["n"]
    count = int(raw) if raw.isdigit() else _NUMBER_WORDS[raw]
    backwards = match["dir"] in {"past", "last", "previous"} or match["suffix"] == "ago"
    return _after(count, match["unit"], -1 if backwards else 1, published)


def _after(count: int, unit: str, sign: int, published: date) -> Period:
    """The day `count` units after (sign 1) or before (sign -1) the publication date."""
    if unit == "hour":
        day = published + timedelta(days=sign * -(-count // 24))
    elif unit in {"day", "week", "fortnight"}:
        days = count * {"day": 1, "week": 7, "fortnight": 14}[unit]
        day = published + timedelta(days=sign * days)
    else:
        months = count * {"month": 1, "year": 12, "decade": 120}[unit]
        day = periods.add_months(published, sign * months)
    return Period(day, day, DuePrecision.DAY)


def _relative(core: str, published: date) -> Period | None:
    ends = _UNIT_ENDS.match(core)
    if ends is not None:
        return _relative_unit(ends["unit"], 0, published)
    match = _RELATIVE.match(core)
    if match is None:
        return None
    which = match["which"] or ""
    if which in {"next", "the coming", "the following", "the next", "coming", "following",
                 "this coming"}:  # fmt: skip
        ahead = 1
    elif which in {"last", "previous", "the previous", "the past"}:
        ahead = -1
    else:
        ahead = 0
    return _relative_unit(match["unit"], ahead, published)


def _relative_unit(unit: str, ahead: int, published: date) -> Period:
    if unit == "day":
        day = published + timedelta(days=ahead)
        return Period(day, day, DuePrecision.DAY)
    if unit in {"week", "weekend"}:
        return periods.week(published, ahead)
    if unit == "month":
        return periods.month(published.year, published.month + ahead)
    if unit == "quarter":
        index = published.year * 4 + (published.month - 1) // 3 + ahead
        return periods.quarter(index // 4, index % 4 + 1)
    if unit == "decade":
        return periods.decade(published.year + 10 * ahead)
    if unit == "century":
        start = published.year - published.year % 100 + 100 * ahead
        return Period(date(start, 1, 1), date(start + 99, 12, 31), DuePrecision.YEAR)
    return periods.year(published.year + ahead)


def _quarter_half_season(core: str, published: date) -> Period | None:
    for pattern, build, count in ((_QUARTER, periods.quarter, 4), (_HALF, periods.half, 2)):
        match = pattern.match(core)
        if match is not None:
            number = int(match["digit"]) if match["digit"] else _ORDINALS[match["word"]]
            year = _year_of(match["year"], published)
            if year is None:
                found = build(published.year, number)
                return found if found.last >= published else build(published.year + 1, number)
            return build(year, number) if number <= count else None
    match = _SEASON.match(core)
    if match is None:
        return None
    name = match["season"]
    year = _year_of(match["year"], published)
    if year is not None:
        return periods.season(year, name)
    seasons = [periods.season(published.year + offset, name) for offset in (-2, -1, 0, 1)]
    if match["which"] == "last":
        return [p for p in seasons if p.last < published][-1]
    if match["which"] == "next":
        return next(p for p in seasons if p.first > published)
    return next(p for p in seasons if p.last >= published)


def _month_only(core: str, published: date) -> Period | None:
    match = _MONTH_ONLY.match(core)
    if match is None:
        return None
    number = MONTHS[match["month"]]
    year = _year_of(match["year"], published)
    if year is None:
        if match["which"] == "last":
            year = published.year if number < published.month else published.year - 1
        elif match["which"] == "next" and number <= published.month:
            year = published.year + 1
        else:
            year = published.year if number >= published.month else published.year + 1
    return periods.month(year, number)


def _year_or_decade(core: str, _published: date) -> Period | None:
    match = _YEAR_ONLY.match(core)
    if match is not None:
        return periods.year(int(match["year"]))
    decade = _DECADE.match(core)
    if decade is not None:
        return periods.decade(int(decade["decade"]))
    return None


def _year_of(words: str | None, published: date) -> int | None:
    """The year a phrase such as "2025", "this year" or "next year" names, or None."""
    if words is None:
        return None
    if words.isdigit():
        return int(words)
    if words.startswith("last"):
        return published.year - 1
    return published.year + (0 if words in {"this year", "the year"} else 1)


def _on_or_after_month(day: date, published: date) -> date | None:
    """A date written without a year is the next one on or after the publication month."""
    year = published.year if day.month >= published.month else published.year + 1
    try:
        return day.replace(year=year)
    except ValueError:  # 29 February in a year that has none
        return None


@lru_cache(maxsize=4096)
def _parse_absolute(text: str) -> date | None:
    """A date written out in full or in part; the year is fixed by the caller when absent."""
    try:
        data = _parser(date(2000, 1, 1)).get_date_data(text)
    except (ValueError, OverflowError):  # "31 February", "the year 99999"
        return None
    return None if data.date_obj is None else data.date_obj.date()


def _with_dateparser(text: str, published: date) -> Period | None:
    """What dateparser makes of wording no rule knows, widened to the period it names."""
    try:
        data = _parser(published).get_date_data(text)
    except (ValueError, OverflowError):  # wording that names no real date
        return None
    if data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "year":
        return periods.year(day.year)
    if data.period == "month":
        return periods.month(day.year, day.month)
    if data.period == "week":
        return periods.week(day)
    return Period(day, day, DuePrecision.DAY)


@lru_cache(maxsize=512)
def _parser(published: date) -> DateDataParser:
    """A dateparser reading English relative to `published` (built once per day, lazily)."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)
