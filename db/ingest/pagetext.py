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
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
#: a line at the head of the text this short that reads as a date is the page's date line
_DATE_LINE_MAX = 40
#: how many lines at the head are looked at for the repeated title and date lines
_HEAD_LINES = 8


def article_text(text: str, title: str | None) -> str:
    """``text`` without the title repeated as its first line and without furniture lines."""
    lines = [line for line in text.split("\n") if not _FURNITURE.match(line.strip())]
    head = 0
    folded_title = fold(title) if title else None
    while head < min(len(lines), _HEAD_LINES):
        line = lines[head].strip()
        if not line or (folded_title and fold(line) == folded_title) or _is_date_line(line):
            head += 1
            continue
        break
    kept = lines[head:]
    return "\n".join(kept).strip() if any(line.strip() for line in kept) else text.strip()


def _is_date_line(line: str) -> bool:
    if len(line) > _DATE_LINE_MAX or not any(c.isdigit() for c in line) or len(line.split()) > 6:
        return False
    return parse_date(line) is not None
