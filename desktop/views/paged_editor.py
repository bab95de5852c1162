"""The reader's text view: plain text, read-only, with a mark where each page of the original
document (a PDF) begins, so that a passage can be cited by its page."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QPlainTextEdit

PAGE_MARK_COLOUR = QColor("#8a8a8a")


class PagedEditor(QPlainTextEdit):
    """A QPlainTextEdit that draws "page N" in the blank line before each page after the first."""

    def __init__(self) -> None:
        super().__init__()
        #: UTF-16 positions where the pages start (nothing is marked for a single page)
        self._starts: list[int] = []

    def set_page_starts(self, starts: list[int]) -> None:
        """Where each page starts, in UTF-16 units of the text shown."""
        self._starts = list(starts) if len(starts) > 1 else []
        self.viewport().update()

    def page_marks(self) -> list[tuple[int, QRectF]]:
        """The page marks on screen: (page number, the band the mark is drawn in), in viewport
        coordinates. Only pages whose start is in view are looked at."""
        if not self._starts:
            return []
        document = self.document()
        offset = self.contentOffset()
        view = QRectF(self.viewport().rect())
        top = self.firstVisibleBlock().position()
        below = self.cursorForPosition(self.viewport().rect().bottomRight()).block().next()
        bottom = below.position() if below.isValid() else document.characterCount()
        first = max(1, bisect_left(self._starts, top))
        last = bisect_right(self._starts, bottom)
        marks = []
        for number, start in enumerate(self._starts[first:last], start=first + 1):
            block = document.findBlock(start)
            if not block.isValid():
                continue
            blank = block.previous()
            if blank.isValid() and not blank.text().strip():
                band = self.blockBoundingGeometry(blank).translated(offset)
            else:  # pages without a blank line between them: the mark sits over the first line's top
                band = self.blockBoundingGeometry(block).translated(offset)
                band.setHeight(self.fontMetrics().height() * 0.8)
                band.translate(0, -band.height() / 2)
            if band.bottom() >= view.top() and band.top() <= view.bottom():
                marks.append((number, band))
        return marks

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        marks = self.page_marks()
        if not marks:
            return
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.72)
        font.setItalic(True)
        painter.setFont(font)
        width = self.viewport().width()
        for number, band in marks:
            middle = int(band.center().y())
            painter.setPen(QPen(PAGE_MARK_COLOUR.lighter(140), 1, Qt.PenStyle.DotLine))
            painter.drawLine(12, middle, width - 12, middle)
            label = f"  page {number}  "
            text_width = painter.fontMetrics().horizontalAdvance(label)
            box = QRectF(width - 24 - text_width, band.top(), text_width, band.height())
            painter.fillRect(box, self.palette().base())
            painter.setPen(PAGE_MARK_COLOUR)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
