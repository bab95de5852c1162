"""How the reader marks spans: one format per kind of annotation, merged where spans overlap.

A :class:`SpanHighlighter` formats each block of the document from a list of :class:`Span`
(UTF-16 positions); long texts are formatted lazily, the blocks on screen first.
"""

from __future__ import annotations

import itertools
from bisect import bisect_left
from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from db.rows import AnnotationRow

MENTION_COLOUR = QColor("#1565c0")
FOCUS_COLOUR = QColor("#90caf9")
STATISTIC_COLOUR = QColor("#e65100")
STATISTIC_BACKGROUND = QColor("#ffe9d1")
UNCODED_BACKGROUND = QColor("#e6e6e6")

# layers, lowest first: later layers are merged over earlier ones where spans overlap
CODED, STATISTIC, MENTION, FOCUS = range(4)
#: texts longer than this (UTF-16 units) are highlighted lazily, a screenful at a time: formatting
#: every paragraph of a 1 MB text costs about 0.2 s before the first paint
LAZY_FROM = 200_000


@dataclass(frozen=True)
class Span:
    """A marked stretch of the document, in UTF-16 positions."""

    start: int
    end: int
    layer: int
    format: QTextCharFormat
    annotation: AnnotationRow | None = None


def _tint(colour: str, alpha: int = 110) -> QColor:
    tinted = QColor(colour)
    if not tinted.isValid():
        tinted = QColor(UNCODED_BACKGROUND)
    tinted.setAlpha(alpha)
    return tinted


def _mixed(colours: list[QColor]) -> QColor:
    """The average of some colours, more opaque than any of them."""
    n = len(colours)
    mixed = QColor(
        sum(c.red() for c in colours) // n,
        sum(c.green() for c in colours) // n,
        sum(c.blue() for c in colours) // n,
    )
    mixed.setAlpha(min(255, max(c.alpha() for c in colours) + 40 * (n - 1)))
    return mixed


def coded_format(colours: tuple[str, ...]) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(_tint(colours[0]) if colours else UNCODED_BACKGROUND)
    return fmt


def mention_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setForeground(MENTION_COLOUR.darker(130))
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
    fmt.setUnderlineColor(MENTION_COLOUR)
    return fmt


def statistic_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(STATISTIC_BACKGROUND)
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DashUnderline)
    fmt.setUnderlineColor(STATISTIC_COLOUR)
    return fmt


def focus_format() -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setBackground(FOCUS_COLOUR)
    fmt.setFontWeight(QFont.Weight.DemiBold)
    return fmt


class SpanHighlighter(QSyntaxHighlighter):
    """Formats only the spans that touch each block (found by bisection), merging overlaps."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._spans: list[Span] = []
        self._starts: list[int] = []
        self._longest = 0
        #: when lazy, only blocks in ``visible`` (block numbers) are formatted as the text is
        #: laid out; the others wait in ``_pending`` until :meth:`format_blocks` is given them
        self.lazy = False
        self.visible = range(0)
        self._pending: set[int] = set()
        self._formatted: set[int] = set()
        self._forcing = False

    def set_spans(self, spans: list[Span], *, rehighlight: bool = True) -> None:
        """Replace the spans; ``rehighlight=False`` when new text is about to be set anyway."""
        self._spans = sorted(spans, key=lambda s: (s.start, s.end))
        self._starts = [s.start for s in self._spans]
        self._longest = max((s.end - s.start for s in self._spans), default=0)
        self._pending.clear()
        if rehighlight and self.lazy:
            self._refresh_lazily()
        else:
            self._formatted.clear()
            if rehighlight:
                self.rehighlight()

    def _refresh_lazily(self) -> None:
        """New spans on a lazily highlighted text: redo the blocks formatted so far, defer the rest."""
        document = self.document()
        done, self._formatted = self._formatted, set()
        self._pending = set(range(document.blockCount()))
        self.format_blocks([document.findBlockByNumber(n) for n in sorted(done)])

    @property
    def has_pending(self) -> bool:
        return bool(self._pending)

    def format_blocks(self, blocks: list[QTextBlock]) -> None:
        """Format those of ``blocks`` that lazy highlighting has skipped so far."""
        self._forcing = True
        try:
            for block in blocks:
                if block.blockNumber() in self._pending:
                    self.rehighlightBlock(block)
        finally:
            self._forcing = False

    def spans_at(self, position: int) -> list[Span]:
        """Spans covering a document position, shortest (innermost) first."""
        low = bisect_left(self._starts, position - self._longest)
        high = bisect_left(self._starts, position + 1)
        found = [s for s in self._spans[low:high] if s.start <= position < s.end]
        return sorted(found, key=lambda s: (s.end - s.start, -s.layer))

    def highlightBlock(self, text: str) -> None:
        if not self._spans:
            return
        block = self.currentBlock()
        number = block.blockNumber()
        if self.lazy and not self._forcing and number not in self.visible:
            self._pending.add(number)
            return
        if self.lazy:
            self._pending.discard(number)
            self._formatted.add(number)
        begin = block.position()
        end = begin + block.length()
        low = bisect_left(self._starts, begin - self._longest)
        high = bisect_left(self._starts, end)
        pieces = [
            (max(s.start, begin) - begin, min(s.end, end) - begin, s.layer, s.format)
            for s in self._spans[low:high]
            if s.end > begin
        ]
        if not pieces:
            return
        pieces.sort(key=lambda p: p[2])
        bounds = sorted({p for piece in pieces for p in piece[:2]})
        for left, right in itertools.pairwise(bounds):
            covering = [p for p in pieces if p[0] <= left and p[1] >= right]
            if not covering:
                continue
            merged = QTextCharFormat()
            for piece in covering:
                merged.merge(piece[3])
            coded = [piece[3] for piece in covering if piece[2] == CODED]
            if len(coded) > 1:
                # overlapping codes: their colours mixed and a little stronger, so that where two
                # annotations overlap both show, instead of the later one hiding the other
                merged.setBackground(_mixed([f.background().color() for f in coded]))
            self.setFormat(left, right - left, merged)
