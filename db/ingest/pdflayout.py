"""A PDF page's text read with its layout (pdfplumber): lines in reading order, two columns read
one after the other, tables kept as tables, footnote markers set apart.

Why pdfplumber and not pypdf's plain text: pypdf gives a table's cells in stream order, so the
number ending one row runs into the next row's label ("Albania 2 0.04% 0 2 0 0 Algeria"), and
a two-column page is read across both columns. pdfplumber knows where every word sits; it is
about half as fast (see pyproject.toml for the figures) and is used whenever it can read a page.

**Tables in the text.** A table is written one row a line, its cells separated by
:data:`CELL_SEPARATOR` (a tab, which no other line of a PDF's text holds: :func:`plain_tidy`
turns the tabs of plain text into spaces). That is the mark the statistic suggester reads
(:mod:`db.extract.statistics.tables`): consecutive lines holding a tab are one table, and the
reader pane sets them in columns. Keeping the mark in the text itself needs no column of its
own, survives every export and copy of the text, and cannot drift from the text it marks.

**Footnote markers** (digits set small and raised after a word) become superscript digits
("killed²"), which no number rule reads as a figure.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

#: between the cells of a table row in the text
CELL_SEPARATOR = "\t"
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
#: words whose tops are this close (points) are on one line
_LINE_TOLERANCE = 3.0
#: the widest gap between columns is at least this wide (points) to split a page in two
_GUTTER = 8.0
#: a gap between two letters this many times their size is a space between words. Some PDFs draw
#: no space character and only move on ("279people" at pdfplumber's fixed 3 points: a space of
#: 2.2 points in 7.9-point type); letters within a word sit far closer than this.
_WORD_GAP = 0.15
#: a heading has at most this many words; its font's name says bold
_HEADING_WORDS = 10
_BOLD = re.compile(r"bold|black|heavy|demi|semibold|bdcn|\bbd\b", re.IGNORECASE)
#: a gap between words this many times their size splits a line (a column gutter, not a space)
_SPLIT = 0.9


@dataclass
class _Line:
    top: float
    x0: float
    x1: float
    text: str
    #: a table's rows, kept together and never split into columns
    table: bool = False
    #: which line of the page this part of a line is (parts split at wide gaps share it)
    group: int = -1
    #: a heading: set apart by blank lines, so that it ends no sentence of the text it heads
    heading: bool = False


def page_layout_text(page: Any) -> str:
    """The text of one pdfplumber page, in reading order, tables one row a line."""
    # fonts are told from the words' characters: as an extra attribute they would split words
    # whose hyphen comes from another subset of the font ("Bosnia‐Herzegovina")
    every = page.extract_words(extra_attrs=["size"], keep_blank_chars=False,
                               x_tolerance_ratio=_WORD_GAP, return_chars=True)
    for word in every:
        fonts = Counter(c.get("fontname", "") for c in word.pop("chars", None) or [])
        word["fontname"] = fonts.most_common(1)[0][0] if fonts else ""
    tables = [t for t in page.find_tables() if _real_table(t, page)]
    boxes = [t.bbox for t in tables]
    words = [w for w in every if not any(_inside(w, box) for box in boxes)]
    lines = _lines(words)
    for table in tables:
        rows = table_rows(table, every)
        if rows:
            lines.append(_Line(table.bbox[1], table.bbox[0], table.bbox[2],
                               "\n".join(CELL_SEPARATOR.join(row) for row in rows), table=True))
    lines.sort(key=lambda line: line.top)  # stable: a line's parts stay left to right
    out: list[str] = []
    after_heading = False
    for line in _reading_order(lines, float(page.width)):
        if out and line.heading != after_heading:
            out.append("")  # a blank line between a heading and the text before and after it
        out.append(line.text)
        after_heading = line.heading
    return "\n".join(out)


def _headings(words: list[dict[str, Any]], lines: list[tuple[list[dict[str, Any]], _Line]]) -> None:
    """Mark the lines set as headings: a few words, no sentence's end, all in a font other than
    the body text's and bold or larger ("Freedom of expression" in 12-point bold condensed
    over 7.9-point light text)."""
    fonts: Counter[str] = Counter()
    for word in words:
        fonts[word.get("fontname", "")] += len(word["text"])
    if not fonts:
        return
    body = fonts.most_common(1)[0][0]
    body_size = statistics.median(w["size"] for w in words if w.get("fontname", "") == body)
    for segment, line in lines:
        if len(segment) > _HEADING_WORDS or line.text.rstrip().endswith((".", ",", ";", ":")) \
                or sum(ch.isalpha() for ch in line.text) < 3:
            continue  # a sentence, or a thumb index's letter ("E" at the page's edge)
        if all(w.get("fontname", body) != body and (
                w["size"] >= 1.1 * body_size or _BOLD.search(w.get("fontname", ""))) for w in segment):
            line.heading = True


def _real_table(table: Any, page: Any) -> bool:
    """A ruled region that holds a table: inside the page, two rows and two columns with text.
    Word processors draw page-sized frames and check boxes that pdfplumber also finds."""
    x0, top, x1, bottom = table.bbox
    if top < 0 or x0 < 0 or bottom > float(page.height) + 1 or x1 > float(page.width) + 1:
        return False
    rows = table_rows(table)
    return sum(sum(bool(cell) for cell in row) >= 2 for row in rows) >= 2


def table_rows(table: Any, words: list[dict[str, Any]] | None = None) -> list[list[str]]:
    """Rows of cell text in logical columns, a row continued on the next joined to it.

    pdfplumber splits a table at every ruling, so one column of the reader's may be several of
    its cells, text in one of them. The columns are the header row's cells with text (and the
    cells of other rows under no header cell); every cell's text goes to the column it overlaps
    most. A row whose first cell pdfplumber leaves as None (merged with the cell above) and
    empty continues the row before: a cell's text wrapped onto a ruled line of its own.
    Given the page's ``words``, a cell's text is read from them, footnote markers set apart."""
    cells = table.extract()
    boxes = [row.cells for row in table.rows]
    if not cells or len(cells) != len(boxes):
        return []
    found: list[list[tuple[float, float, str]]] = []
    for texts, row_boxes in zip(cells, boxes, strict=True):
        found.append([(box[0], box[2], _cell_text(text, box, words))
                      for text, box in zip(texts, row_boxes, strict=False)
                      if text and text.strip() and box is not None])
    columns: list[tuple[float, float]] = []
    header = next((row for row in found if row), [])
    for row in [header, *found]:
        for x0, x1, _ in row:
            if not any(_overlap((x0, x1), column) > 0 for column in columns):
                columns.append((x0, x1))
    columns.sort()
    merged: list[list[str]] = []
    for row, raw in zip(found, cells, strict=True):
        if not row:
            continue
        placed = [""] * len(columns)
        for x0, x1, text in row:
            best = max(range(len(columns)), key=lambda j: _overlap((x0, x1), columns[j]))
            placed[best] = f"{placed[best]} {text}".strip()
        if merged and raw and raw[0] is None and not placed[0]:
            merged[-1] = [f"{a} {b}".strip() for a, b in zip(merged[-1], placed, strict=True)]
        else:
            merged.append(placed)
    return [[cell.replace(CELL_SEPARATOR, " ") for cell in row] for row in merged]


def _cell_text(text: str, box: tuple[float, float, float, float],
               words: list[dict[str, Any]] | None) -> str:
    inside = [w for w in words if _inside(w, box)] if words is not None else []
    if inside:
        text = " ".join(line.text for line in _lines(inside))
    # Icon fonts put private-use characters beside labels (a flag before a country).
    return " ".join("".join(c for c in text if not _private(c)).split())


def _private(char: str) -> bool:
    return unicodedata.category(char) == "Co"


def _overlap(a: tuple[float, float], b: tuple[float, float]) -> float:
    return min(a[1], b[1]) - max(a[0], b[0])


def _inside(word: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    middle_x = (word["x0"] + word["x1"]) / 2
    middle_y = (word["top"] + word["bottom"]) / 2
    return bool(box[0] <= middle_x <= box[2] and box[1] <= middle_y <= box[3])


def _lines(words: list[dict[str, Any]]) -> list[_Line]:
    """Words grouped into lines (by their tops), each line's words left to right."""
    groups: list[list[dict[str, Any]]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if groups and abs(word["top"] - groups[-1][0]["top"]) <= _LINE_TOLERANCE:
            groups[-1].append(word)
        else:
            groups.append([word])
    lines: list[_Line] = []
    parts: list[tuple[list[dict[str, Any]], _Line]] = []
    for number, group in enumerate(groups):
        group.sort(key=lambda w: w["x0"])
        size = statistics.median(w["size"] for w in group)
        top = min(w["top"] for w in group)
        # A wide gap on a line is a gutter between columns (or between a label and its value):
        # each side is a line of its own, so that columns can be read one after the other.
        segments: list[list[dict[str, Any]]] = [[]]
        for word in group:
            if segments[-1] and word["x0"] - segments[-1][-1]["x1"] > _SPLIT * size:
                segments.append([])
            segments[-1].append(word)
        for segment in segments:
            lines.append(_Line(top, segment[0]["x0"], max(w["x1"] for w in segment),
                               _line_text(segment, size, group), group=number))
            parts.append((segment, lines[-1]))
    _headings(words, parts)
    return lines


def _line_text(words: list[dict[str, Any]], size: float, line: list[dict[str, Any]]) -> str:
    parts: list[str] = []
    previous: dict[str, Any] | None = None
    for word in words:
        text = word["text"]
        if parts and _footnote_marker(word, size, line):
            parts[-1] += text.translate(_SUPERSCRIPT)
        elif previous is not None and _small_capitals(previous, word):
            parts[-1] += text
        else:
            parts.append(text)
        previous = word
    return " ".join(parts)


def _small_capitals(previous: dict[str, Any], word: dict[str, Any]) -> bool:
    """"G LOBAL": a capital set larger than the small capitals that follow it, with a gap that
    pdfplumber takes for a space."""
    return bool(len(previous["text"]) == 1 and previous["text"].isupper() and word["text"][:1].isupper()
                and word["size"] < 0.9 * previous["size"]
                and word["x0"] - previous["x1"] < 0.3 * previous["size"])


def _footnote_marker(word: dict[str, Any], size: float, line: list[dict[str, Any]]) -> bool:
    """Digits set much smaller than their line and raised above its baseline."""
    if not word["text"].isdigit() or len(word["text"]) > 2 or word["size"] > 0.8 * size:
        return False
    baseline = max(w["bottom"] for w in line)
    return bool(word["bottom"] < baseline - 0.2 * size)


def _reading_order(lines: list[_Line], width: float) -> Iterable[_Line]:
    """Lines top to bottom; where a page is set in two columns, the left column's lines before
    the right's, up to the next line that spans both (a heading, a table)."""
    gutter = _gutter([line for line in lines if not line.table], width)
    if gutter is None:
        # One column: the parts of a line split at wide gaps (a contents line's title, leader
        # and page number; a label and its value) are one line again.
        joined: list[_Line] = []
        for line in lines:
            if joined and not line.table and line.group >= 0 and joined[-1].group == line.group:
                joined[-1].text += " " + line.text
                joined[-1].x1 = line.x1
            else:
                joined.append(line)
        yield from joined
        return
    left: list[_Line] = []
    right: list[_Line] = []
    for line in lines:
        if line.table or (line.x0 < gutter[0] and line.x1 > gutter[1]):
            yield from left
            yield from right
            left, right = [], []
            yield line
        elif line.x1 <= gutter[1]:
            left.append(line)
        else:
            right.append(line)
    yield from left
    yield from right


def _gutter(lines: list[_Line], width: float) -> tuple[float, float] | None:
    """The gap between two columns: a band in the middle third of the page that most lines end
    before or start after, with enough lines on each side to be columns."""
    if len(lines) < 8:
        return None
    best: tuple[float, float] | None = None
    step = 2.0
    x = width / 3
    while x < 2 * width / 3:
        crossing = sum(line.x0 < x < line.x1 for line in lines)
        if crossing <= 0.1 * len(lines):
            band_end = x
            while band_end + step < 2 * width / 3 and \
                    sum(line.x0 < band_end + step < line.x1 for line in lines) <= crossing:
                band_end += step
            if band_end - x + step >= _GUTTER and (best is None or band_end - x > best[1] - best[0]):
                best = (x, band_end)
            x = band_end + step
        else:
            x += step
    if best is None:
        return None
    left = sum(line.x1 <= best[1] for line in lines)
    right = sum(line.x0 >= best[0] for line in lines)
    return best if left >= 4 and right >= 4 else None
