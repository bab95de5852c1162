"""A web page's article text as a reader wants it: the title not said twice, page furniture gone.

What trafilatura keeps of an article often starts with what sits between the headline and the
first paragraph on the page: the headline itself again, a date line, "From the section Europe",
"941 comments", "Share this article". These are left out by their shape, in any position for
lines that can never be prose (a comment count, a share prompt, a photo credit), and only before
the first paragraph for a line that is just a date, so a date said in the text stays.
"""

from __future__ import annotations

import re

from db.ingest._common import parse_date
from db.text import fold

#: lines that are page furniture wherever they stand (whole line, case-insensitive)
_FURNITURE = re.compile(
    r"""^(?:
        \d[\d,.\s]*\s*(?:comments?|replies|responses|shares?)      # 941 comments
      | (?:view|show|read|see)\s+(?:all\s+)?\d*\s*comments?         # view comments
      | from\s+the\s+section\b.*                                  # From the section Europe
      | (?:share|tweet|email|print)(?:\s+this)?(?:\s+(?:article|story|page|post))?(?:\s+on\s+\w+)?
      | share\s+(?:on|via)\s+\w+
      | (?:image|photo|picture)\s+(?:copyright|caption|source|credit)\b.*
      | (?:advertisement|sponsored(?:\s+content)?|related\s+(?:stories|articles|topics))
      | (?:skip|jump)\s+to\s+(?:content|main\s+content)
      | https?://\S+                                              # a bare address
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: a line at the head of the text this short that reads as a date is the page's date line
_DATE_LINE_MAX = 40
#: a section label ("chaos theory", "World | Africa") above the headline has no more words
_KICKER_WORDS = 4
#: a line this long (in words) inside the headline is a part of it, not a word of prose
_TITLE_PART_WORDS = 2
#: how many lines at the head are looked at for the repeated title and date lines
_HEAD_LINES = 8


def article_text(text: str, title: str | None) -> str:
    """``text`` without the title repeated as its first line and without furniture lines."""
    lines = [line for line in text.split("\n") if not _FURNITURE.match(line.strip())]
    title_key = _key(title) if title else ""
    head = _past_kicker(lines, title_key)
    while head < min(len(lines), _HEAD_LINES):
        line = lines[head].strip()
        if not line or _is_title_part(line, title_key) or _is_date_line(line):
            head += 1
            continue
        break
    kept = lines[head:]
    return "\n".join(kept).strip() if any(line.strip() for line in kept) else text.strip()


def _key(text: str) -> str:
    """Letters and digits only, folded: quotes and dashes styled differently still compare."""
    return "".join(c for c in fold(text) if c.isalnum())


def _is_title_part(line: str, title_key: str) -> bool:
    """The headline, or a line of it where the page breaks it in two ("The Project:" / "Better
    Journalism")."""
    key = _key(line)
    return bool(title_key) and bool(key) and (
        key == title_key or (len(line.split()) >= _TITLE_PART_WORDS and key in title_key)
    )


def _past_kicker(lines: list[str], title_key: str) -> int:
    """Where the text goes on past a kicker and the headline ("chaos theory" / the title): 0 when
    the headline is not among the first lines or what stands before it is more than a label."""
    for index, line in enumerate(lines[:_HEAD_LINES]):
        if title_key and _key(line) == title_key:
            before = [ln for ln in lines[:index] if ln.strip()]
            if all(len(ln.split()) <= _KICKER_WORDS for ln in before):
                return index + 1
            return 0
    return 0


def _is_date_line(line: str) -> bool:
    if len(line) > _DATE_LINE_MAX or not any(c.isdigit() for c in line) or len(line.split()) > 6:
        return False
    return parse_date(line) is not None
