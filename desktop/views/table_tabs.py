"""Tab stops that set a source's tables in columns in the reader.

A PDF's tables come into the text one row a line, cells separated by tabs (see
``db.ingest.pdflayout``). Prose holds no tab, so tab stops placed after each column's cells
line the rows up without touching anything else; the text itself is not changed, so every
offset stays valid. The reader's plain-text document has one set of stops for all its tables
(it ignores a block's own), so a column is as wide as nine in ten of its cells and all its figures, capped: a long
header or a note column then runs on to the next stop instead of pushing every table wider
than the pane.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFontMetricsF, QTextOption

#: the widest a column is set (pixels); a longer cell runs on to the next stop
_WIDEST = 200.0
#: space between columns (pixels)
_GAP = 12.0
#: a column is as wide as this share of its cells
_SHARE = 0.9
#: a figure is never cut: "1,166", "100.00%"
_FIGURE = re.compile(r"[-−]?[\d.,]+\s?%?")


def table_tab_stops(text: str, metrics: QFontMetricsF) -> list[float]:
    """Tab positions for the tables in ``text`` (empty when it holds none)."""
    if "\t" not in text:
        return []
    columns: list[list[float]] = []
    figures: list[float] = []
    for line in text.split("\n"):
        if "\t" not in line:
            continue
        for j, cell in enumerate(line.split("\t")[:-1]):
            if j == len(columns):
                columns.append([])
                figures.append(0.0)
            width = min(metrics.horizontalAdvance(cell), _WIDEST)
            columns[j].append(width)
            if _FIGURE.fullmatch(cell.strip()):
                figures[j] = max(figures[j], width)
    stops: list[float] = []
    position = 0.0
    for widths, figure in zip(columns, figures, strict=True):
        widths.sort()
        position += max(widths[min(len(widths) - 1, int(_SHARE * len(widths)))], figure) + _GAP
        stops.append(position)
    return stops


def text_option_with_tabs(option: QTextOption, stops: list[float]) -> QTextOption:
    """``option`` with ``stops`` as its tab positions (left-aligned)."""
    option.setTabs([QTextOption.Tab(stop, QTextOption.TabType.LeftTab) for stop in stops])
    return option
