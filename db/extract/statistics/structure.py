"""The parts of a document's text that are not sentences to read statistics from.

Reports bring more than prose: tables (read cell by cell by :mod:`.tables`), tables of contents
("Introduction ........ 3"), page numbers left alone on a line, section numbers ("2.3 Civilian
casualties"), lists of codes ("1 = ASSASSINATION",
"4 = Afghanistan 15 = Austria") and coding rules ("Information on up to three targets is
recorded", "coded as 1 if ...", "at least one of the following"). Their numbers are page
numbers, codes and limits, not counts of anything. :func:`read_structure` blanks the lines that
are not prose (spaces in place of their characters, so every offset stays where it was) and
:func:`is_rule` tells a rule's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.extract.statistics.tables import Table, find_tables
from db.ingest.pdflayout import CELL_SEPARATOR

# A table of contents line: words, a leader of dots (or spaced dots, or ellipses), a page number.
_CONTENTS = re.compile(r"^[^\n]*\w[^\n]*?(?:\.{4,}|…{2,}|(?:\.\s){4,}|_{4,})\s*[\divxlc]{1,5}\s*$",
                       re.MULTILINE | re.IGNORECASE)
# A leader alone: only a line holding one is tried against _CONTENTS (whose start backtracks
# over the whole line: 16 s over a 1 MB text tried everywhere)
_LEADER = re.compile(r"\.{4,}|…{2,}|(?:\.\s){4,}|_{4,}")


def _is_contents_line(line: str) -> bool:
    return _LEADER.search(line) is not None and _CONTENTS.fullmatch(line) is not None


# A contents entry without a leader: "5 Krümmung 87", "Appendix II: Tables 60".
_ENTRY = re.compile(r"^[ \t]*(?:(?:\d+(?:\.\d+)*|[IVXLC]+)\.?\s+)?[^\W\d][^\n\t]{2,}?\s+\d{1,4}[ \t]*$")
# A number alone on a line: a page number, a question or list number.
_LONE_NUMBER = re.compile(r"^[ \t]*[-–—(]?\s*\d{1,4}\s*[-–—).]?[ \t]*$", re.MULTILINE)
# Codes: "1 = ASSASSINATION", "-9 = Unknown", "4 = Afghanistan 15 = Austria".
_CODES = re.compile(r"^[ \t]*[-−‐]?\d{1,4}\s*=\s*\S[^\n]*$", re.MULTILINE)
# A section number opening a heading: "2.3 Civilian casualties", "4.1.2 Methodology".
_SECTION = re.compile(r"^[ \t]*(\d{1,2}(?:\.\d{1,2})+\.?)[ \t]+[A-Z][^\n]*$", re.MULTILINE)
_RULE = re.compile(
    r"\bcoded\s+(?:as|with|[-−]?\d)\b"
    r"|\bat\s+least\s+one\s+of\s+the\s+following\b"
    r"|\bup\s+to\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:[\w/-]+\s+){1,3}"
    r"(?:is|are|may\s+be|can\s+be)\s+(?:recorded|coded|captured|listed|entered|selected)\b"
    r"|\b(?:is|are)\s+recorded\s+for\s+each\b"
    r"|\bselect\s+(?:up\s+to|all\s+that\s+apply|one)\b"
    r"|\b(?:must|shall)\s+(?:be\s+)?(?:met|present|satisfied|include)\b"
    r"|\bcriteri(?:on|a)\s+\d\b"
    r"|\b(?:consists?\s+of|divided\s+into)\s+(?:the\s+following\s+)?[\w-]+\s+(?:categories|values|types|groups)\b"
    r"|\bthis\s+(?:field|variable)\s+(?:is|records|identifies|indicates|captures)\b"
    r"|\bin\s+cases?\s+where\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class Structure:
    #: the text with tables, contents lines, lone numbers and code lists blanked
    prose: str
    tables: list[Table]


def read_structure(text: str) -> Structure:
    """The text's tables, and its prose with everything else blanked (offsets kept)."""
    tables = find_tables(text) if CELL_SEPARATOR in text else []
    chars = list(text)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    for table in tables:
        blank(table.start, table.end)
    for pattern in (_LONE_NUMBER, _CODES):
        for match in pattern.finditer(text):
            blank(match.start(), match.end())
    for match in _SECTION.finditer(text):
        heading = match.group(0)
        if len(heading.split()) <= 12 and not heading.rstrip().endswith((".", ",", ";", ":")):
            blank(match.start(1), match.end(1))
    position = 0
    for line in text.split("\n"):
        if _is_contents_line(line):
            blank(position, position + len(line))
        position += len(line) + 1
    for start, end in _contents_runs(text):
        blank(start, end)
    return Structure("".join(chars), tables)


def _contents_runs(text: str) -> list[tuple[int, int]]:
    """Runs of lines that end in a page number, next to a leader line or four in a row: the
    entries of a table of contents, leaders or not."""
    runs: list[tuple[int, int]] = []
    run: list[tuple[int, int, bool]] = []
    position = 0
    for line in [*text.split("\n"), ""]:
        end = position + len(line)
        leader = _is_contents_line(line)
        if leader or _ENTRY.fullmatch(line):
            run.append((position, end, leader))
        elif line.strip() or not run:
            if len(run) >= 4 or (len(run) >= 2 and any(entry[2] for entry in run)):
                runs.extend((a, b) for a, b, _ in run)
            run = []
        position = end + 1
    return runs


def is_rule(sentence: str) -> bool:
    """A coding rule or definition: its numbers are limits and codes, not counts."""
    return _RULE.search(sentence) is not None
