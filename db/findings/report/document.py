"""What a report is made of, before any format: headings, paragraphs, tables and images.

The builder (:mod:`db.findings.report.build`) makes a :class:`Document`; each writer
(HTML, DOCX, PDF) renders these few kinds of block, so the three formats say the same things.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from typing import Literal

Style = Literal["body", "finding", "rule", "warning", "quote", "small", "entry"]


@dataclass(frozen=True)
class Heading:
    text: str
    level: int  # 1, 2 or 3


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: Style = "body"


@dataclass(frozen=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: each column's share of the width
    widths: tuple[float, ...]
    #: rows shown muted (claims left out), by position
    muted: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Image:
    png: bytes
    #: size on the page, in millimetres
    width_mm: float
    height_mm: float
    alt: str


Block = Heading | Paragraph | Table | Image


@dataclass(frozen=True)
class Document:
    title: str
    subtitle: str
    blocks: tuple[Block, ...]
    #: how many claims the report shows
    claims: int = 0


def is_rtl(text: str) -> bool:
    """Whether a text runs right to left: its first strong character outside isolated runs
    (:func:`db.text.isolated`) is Arabic or Hebrew (Unicode bidirectional classes R and AL), as
    HTML's ``dir="auto"`` decides."""
    depth = 0
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("FSI", "LRI", "RLI"):
            depth += 1
        elif direction == "PDI":
            depth = max(0, depth - 1)
        elif depth:
            continue
        elif direction in ("R", "AL"):
            return True
        elif direction == "L":
            return False
    return False
