"""The reader's text view: plain text, read-only, with a mark where each page of the original
document (a PDF) begins, so that a passage can be cited by its page."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QPlainTextEdit

PAGE_MARK_COLOUR = QColor("#8a8a8a")


class PagedEditor(QPlainTextEdit):
    """A QPlainTextEdit that draws "page N" in the blank line before each page after the first."""

    def __init__(self) -> None:
        super().__init__()
        #: (UTF-16 position where a page starts, its number), pages 2 and on
        self._pages: list[tuple[int, int]] = []

    def set_page_starts(self, starts: list[int]) -> None:
        """Where each page starts, in UTF-16 units of the text shown (nothing marked for one page)."""
        self._pages = [(start, number) for number, start in enumerate(starts, start=1) if number > 1]
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._pages:
            return
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 0.72)
        font.setItalic(True)
        painter.setFont(font)
        area = QRectF(event.rect())
        offset = self.contentOffset()
        width = self.viewport().width()
        document = self.document()
        for start, number in self._pages:
            block = document.findBlock(start)
            blank = block.previous()
            if not block.isValid():
                continue
            if blank.isValid() and not blank.text().strip():
                rect = self.blockBoundingGeometry(blank).translated(offset)
            else:  # pages without a blank line between them: the mark sits above the first line
                rect = self.blockBoundingGeometry(block).translated(offset)
                rect.setHeight(font.pointSizeF() * 1.6)
                rect.translate(0, -rect.height() / 2)
            if rect.bottom() < area.top() or rect.top() > area.bottom():
                continue
            middle = rect.center().y()
            painter.setPen(QPen(PAGE_MARK_COLOUR.lighter(140), 1, Qt.PenStyle.DotLine))
            painter.drawLine(12, int(middle), int(width - 12), int(middle))
            label = f"  page {number}  "
            text_width = painter.fontMetrics().horizontalAdvance(label)
            box = QRectF(width - 24 - text_width, rect.top(), text_width, rect.height())
            painter.fillRect(box, self.palette().base())
            painter.setPen(PAGE_MARK_COLOUR)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)
        painter.end()
