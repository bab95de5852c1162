"""A table's narrow columns fitted to what the rows on screen say, the rest left to the stretched one.

An archive of text files has no outlets: the Outlet column's default width would stand empty
beside a title cut to a few words. Once a list is loaded, each fitted column takes the width its
header and the rows on screen need, up to its default; later loads may widen it again (an import
brings the first outlet), never narrow it while the window is open, so columns do not jump as
the list changes. A column the user has resized by hand keeps the user's width: those columns
are remembered in the settings (``columns/KEY-by-hand``) and never fitted again.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QTableView

from desktop import settings

#: room for the cell's margins beside its text
PADDING = 14


class FittedColumns(QObject):
    """Fits ``caps``' columns (column -> widest width) of ``view`` to the text its model shows."""

    def __init__(self, view: QTableView, caps: Mapping[int, int], key: str) -> None:
        super().__init__(view)
        self.view = view
        self.caps = dict(caps)
        self.key = f"columns/{key}-by-hand"
        saved = str(settings.settings().value(self.key, "") or "")
        #: columns the user resized: never fitted
        self.by_hand = {int(c) for c in saved.split(",") if c.strip().isdigit()}
        self._fitted = False
        self._pressed = False
        header = view.horizontalHeader()
        header.viewport().installEventFilter(self)
        header.sectionResized.connect(self._resized)

    def fit(self, rows: int) -> None:
        """Fit to the first ``rows`` rows (those on screen): narrow on the first call, widen after."""
        header = self.view.horizontalHeader()
        metrics = self.view.fontMetrics()
        model = self.view.model()
        for column, cap in self.caps.items():
            if column in self.by_hand or self.view.isColumnHidden(column):
                continue
            needed = header.sectionSizeFromContents(column).width()
            for row in range(rows):
                # through the model's cell cache (desktop.models.cells): the paint after reuses it
                shown = model.data(model.index(row, column))
                needed = max(needed, metrics.horizontalAdvance("" if shown is None else str(shown)) + PADDING)
            width = min(cap, needed)
            if self._fitted and width <= header.sectionSize(column):
                continue
            self.view.setColumnWidth(column, width)
        self._fitted = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            self._pressed = getattr(event, "button", lambda: None)() == Qt.MouseButton.LeftButton
        elif kind == QEvent.Type.MouseButtonRelease:
            # a double click's fit comes after the first click's release: the last click ends it
            self._pressed = False
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        # only a drag of the divider (or a double click on it) is the user's: fits and restores are not
        if self._pressed and column in self.caps and column not in self.by_hand:
            self.by_hand.add(column)
            settings.settings().setValue(self.key, ",".join(str(c) for c in sorted(self.by_hand)))
