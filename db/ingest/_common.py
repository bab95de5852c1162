"""Small helpers the format readers share: safe reading, date parsing, tidy titles."""

from __future__ import annotations

import datetime as dt
import errno
import functools
import re
import stat
from pathlib import Path
from typing import Any

from db.dates import PartialDate, Precision
from db.ingest.base import IngestError

TITLE_LIMIT = 200

# A fixed "today" for dateparser: dates missing a part are refused (REQUIRE_PARTS), and this
# makes sure nothing can ever be filled in from the day the import happens to run.
_RELATIVE_BASE = dt.datetime(1900, 1, 1)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_NUMERIC = re.compile(r"^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$")
_YEAR = re.compile(r"(?<!\d)(1[5-9]\d\d|2[01]\d\d)(?!\d)")


def os_problem(error: OSError) -> str:
    """An operating system's refusal in a researcher's words."""
    if error.errno == errno.ENAMETOOLONG:
        return "the path is too long for the system: move the folder nearer the top of the disk"
    if error.errno == errno.ENOSPC:
        return "disk full"
    return f"cannot read the file: {error.strerror or error}"


def is_folder(path: Path) -> bool:
    """Whether ``path`` is a folder; False when it cannot even be looked at (reported later)."""
    try:
        return path.is_dir()
    except OSError:
        return False


def check_regular_file(path: Path) -> int:
    """Return the file's size; raise IngestError unless it is a readable regular file."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise IngestError("file not found (or a broken link)") from None
    except OSError as exc:
        raise IngestError(os_problem(exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError("this is a folder, not a file")
    # FIFOs, sockets and devices would block or never end: refuse them before opening.
    if not stat.S_ISREG(info.st_mode):
        raise IngestError("not a regular file (a pipe, socket or device)")
    return info.st_size


def read_bytes(path: Path) -> bytes:
    """Read a whole regular file once; IngestError for empty or unreadable files."""
    size = check_regular_file(path)
    if size == 0:
        raise IngestError("empty file")
    try:
        with path.open("rb") as handle:
            data = handle.read()
    except OSError as exc:
        raise IngestError(os_problem(exc)) from None
    if not data:
        raise IngestError("empty file")
    return data


_SURROGATES = re.compile("[\ud800-\udfff]")


def readable_name(name: str) -> str:
    """A file's name as people read it. A name that is not UTF-8 on disk (a zip made on Windows,
    unpacked on Linux) comes from Python with its bytes escaped; they are decoded here as the
    Cyrillic or Western code page they read as."""
    if not _SURROGATES.search(name):
        return name
    from db.ingest.text import likeliest_cyrillic  # the text reader's own encoding guess

    raw = name.encode("utf-8", "surrogateescape")
    for encoding in (likeliest_cyrillic(raw), "cp1252"):
        if encoding is not None:
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
    return raw.decode("utf-8", errors="replace")


def trim_title(text: str | None) -> str | None:
    """Collapse whitespace and shorten to about TITLE_LIMIT characters at a word boundary."""
    if text is None:
        return None
    text = readable_name(text)
    # Control characters (NULs in PDF metadata, for instance) never belong in a title.
    title = " ".join(_CONTROL.sub(" ", text).split())
    if not title:
        return None
    if len(title) > TITLE_LIMIT:
        cut = title.rfind(" ", 0, TITLE_LIMIT)
        title = title[: cut if cut > TITLE_LIMIT // 2 else TITLE_LIMIT].rstrip() + "…"
    return title


#: a first line longer than this is a paragraph, not a headline: its first sentence is the title
HEADLINE_LIMIT = 120
#: the end of a sentence: a word of two letters or more (not an initial, "С. П. Корольова"), its
#: full stop, exclamation or question mark, and the capital or quotation mark of the next one
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})[.!?…](?=\s+[«\"“„(]?[^\W\d_])")


def _first_sentence(line: str) -> str:
    """The first sentence of a paragraph, when one ends before the title's limit and the next
    starts with a capital; else the paragraph."""
    for end in _SENTENCE_END.finditer(line, 20, TITLE_LIMIT):
        after = line[end.end():].lstrip(" «\"“„(")
        word = re.match(r"(?:[^\W\d_]|['’])+", line[:end.start()][::-1])  # "пам’ять."
        if after[:1].isupper() and word is not None and len(word.group(0)) >= 4:
            return line[:end.end()]
    return line


def first_line_title(text: str) -> str | None:
    """The first line of ``text`` with a letter or digit in it, trimmed, as a fallback title."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            end = len(text)
        # Look only at a bounded slice so a huge single-line file stays cheap.
        line = text[start : min(end, start + 4 * TITLE_LIMIT)].strip()
        # Rules and decorations ("---", "* * *", "=====") are no titles.
        if any(ch.isalnum() for ch in line):
            return trim_title(_first_sentence(line) if len(line) > HEADLINE_LIMIT else line)
        start = end + 1
    return None


#: languages whose dates the readers recognise (the sources of this field's researchers)
DATE_LANGUAGES = ("en", "ru", "uk", "fr", "de", "es", "it", "pt", "ar", "tr")


@functools.cache
def _date_parser() -> Any:
    # Imported lazily: dateparser takes a while to load its language data.
    from dateparser.date import DateDataParser

    # A fixed set of languages: letting dateparser try all of its ~200 locales compiles their
    # patterns on the first dates it sees (measured: 22 s for the first few files of a folder).
    return DateDataParser(
        languages=list(DATE_LANGUAGES),
        try_previous_locales=True,
        settings={
            "REQUIRE_PARTS": ["year"],
            "RELATIVE_BASE": _RELATIVE_BASE,
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            # No relative expressions ("yesterday", "3 days ago"): they depend on today.
            "PARSERS": ["custom-formats", "absolute-time"],
        },
    )


def parse_date(text: str | None) -> PartialDate | None:
    """A date as precise as ``text`` gives it, or None; never guesses a missing year."""
    if text is None:
        return None
    text = text.strip()
    if not text or len(text) > 80 or not _YEAR.search(text):
        return None
    try:
        return PartialDate.from_iso(text)
    except ValueError:
        pass
    iso = re.match(r"^(\d{4}-\d{2}-\d{2})[T ]\d", text)
    if iso:
        return PartialDate.from_iso(iso.group(1))
    numeric = _NUMERIC.match(text)
    if numeric:
        return _numeric_date(numeric)
    if not only_date_words(text):
        return None  # a headline with a year in it: dateparser would refuse it, only slower
    try:
        data = _date_parser().get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; a date is optional
        return None
    value = data["date_obj"]
    if value is None:
        return None
    period = data["period"] or "day"
    precision = {"year": Precision.YEAR, "month": Precision.MONTH}.get(period, Precision.DAY)
    return PartialDate.from_date(value.date(), precision)


_WORD = re.compile(r"[^\W\d_]+")
# What a date line may say, in the words of dateparser's own data for DATE_LANGUAGES.
_DATE_WORD_KEYS = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "am", "pm", "skip", "pertain", "year", "month", "week", "day", "hour",
    "minute", "second",
)


#: the keys of the twelve months' names in dateparser's data
_MONTH_KEYS = _DATE_WORD_KEYS[:12]
#: a day and month in figures with their year: "8.01.2019", "08/01/2019", "2019-01-08"
_DAY_AND_MONTH = re.compile(r"(?<!\d)(?:\d{1,2}[./-]\d{1,2}[./-]\d{4}|\d{4}-\d{1,2}-\d{1,2})(?!\d)")


@functools.cache
def _date_words(keys: tuple[str, ...] = _DATE_WORD_KEYS, zones: bool = True) -> frozenset[str]:
    import importlib

    from dateparser.timezones import timezone_info_list

    words: set[str] = set()

    def add(values: object) -> None:
        if isinstance(values, list):
            for value in values:
                if isinstance(value, str):
                    words.update(_WORD.findall(value.casefold()))

    for language in DATE_LANGUAGES:
        info = importlib.import_module(f"dateparser.data.date_translation_data.{language}").info
        for variant in [info, *info.get("locale_specific", {}).values()]:
            for key in keys:
                add(variant.get(key))
    for zone in timezone_info_list if zones else ():
        add([abbreviation for abbreviation, _offset in zone["timezones"]])
    return frozenset(words)


def names_a_month(text: str) -> bool:
    """True when ``text`` names a month, by its name in one of DATE_LANGUAGES ("janvier",
    "квітня") or by number beside a day ("08/01/2019"): cheaper than asking dateparser."""
    if _DAY_AND_MONTH.search(text):
        return True
    months = _date_words(_MONTH_KEYS, zones=False)
    return any(word in months for word in _WORD.findall(text.casefold()))


def only_date_words(text: str) -> bool:
    """True when every word of ``text`` is one a date is written with (month and day names,
    "of", "г.", time zones ...) in one of DATE_LANGUAGES. dateparser refuses any other word, and
    deciding this first spares it the costly first look at each language for every headline
    that merely contains a year."""
    vocabulary = _date_words()
    return all(len(word) == 1 or word in vocabulary for word in _WORD.findall(text.casefold()))


def _numeric_date(match: re.Match[str]) -> PartialDate | None:
    first, separator, second, year = match.groups()
    a, b = int(first), int(second)
    # Dotted dates are day first (Europe, Russia); with slashes or dashes the day comes first
    # only when the first number cannot be a month, else month first (as dateparser reads them).
    day, month = (a, b) if separator == "." or a > 12 else (b, a)
    try:
        return PartialDate(int(year), month, day)
    except ValueError:
        return None


def ambiguous_date(text: str | None) -> bool:
    """True for "07/11/2015": day and month could be either way round."""
    match = _NUMERIC.match(text.strip()) if text else None
    if match is None or match.group(2) == ".":
        return False
    a, b = int(match.group(1)), int(match.group(3))
    return a != b and a <= 12 and b <= 12


def date_from_datetime(value: object) -> PartialDate | None:
    """A day-precision date from a datetime/date (document properties, spreadsheet cells)."""
    if isinstance(value, dt.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    return None
