"""Tab stops that set a source's tables in columns in the reader.

A PDF's tables come into the text one row a line, cells separated by tabs (see
``db.ingest.pdflayout``). Prose holds no tab, so tab stops placed after each column's widest
cell (capped, so that one long cell does not push the others off the pane) line the rows up
without touching anything else; the text itself is not changed, so every offset stays valid.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetricsF, QTextOption

#: the widest a column is set (pixels); a longer cell runs on to the next stop
_WIDEST = 260.0
#: space between columns (pixels)
_GAP = 18.0


def table_tab_stops(text: str, metrics: QFontMetricsF) -> list[float]:
    """Tab positions for the tables in ``text`` (empty when it holds none)."""
    if "\t" not in text:
        return []
    widths: list[float] = []
    for line in text.split("\n"):
        if "\t" not in line:
            continue
        for j, cell in enumerate(line.split("\t")[:-1]):
            width = min(metrics.horizontalAdvance(cell), _WIDEST)
            if j == len(widths):
                widths.append(width)
            else:
                widths[j] = max(widths[j], width)
    stops: list[float] = []
    position = 0.0
    for width in widths:
        position += width + _GAP
        stops.append(position)
    return stops


def text_option_with_tabs(option: QTextOption, stops: list[float]) -> QTextOption:
    """``option`` with ``stops`` as its tab positions (left-aligned)."""
    option.setTabs([QTextOption.Tab(stop, QTextOption.TabType.LeftTab) for stop in stops])
    return option
