"""The reader: a source's metadata and its text, with annotations, mentions and statistics marked.

Read-only: annotating is done by :mod:`desktop.controllers.annotating` through its signals and
its selection. Offsets in the public methods are code points, as in the archive; the editor works
in UTF-16 units, converted with :mod:`desktop.views.textpos`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QMouseEvent,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import QFrame, QLabel, QTextEdit, QToolTip, QVBoxLayout, QWidget

from db import values
from db.language import language
from db.language.scripts import right_to_left
from db.rows import AnnotationRow, SourceDetail, StatisticRow, page_of
from desktop.models.display import date, language_name, measure
from desktop.views.highlighting import (
    CODED,
    FOCUS,
    LAZY_FROM,
    MENTION,
    STATISTIC,
    Span,
    SpanHighlighter,
    coded_format,
    focus_format,
    mention_format,
    statistic_format,
)
from desktop.views.paged_editor import PagedEditor
from desktop.views.table_tabs import table_tab_stops, text_option_with_tabs
from desktop.views.textpos import OffsetMap, display_text

#: the dotted underline under suggested spans
UNDERLINE_COLOUR = QColor("#7b1fa2")

RELIABILITY = {
    "A": "completely reliable", "B": "usually reliable", "C": "fairly reliable",
    "D": "not usually reliable", "E": "unreliable", "F": "reliability cannot be judged",
}
CREDIBILITY = {
    1: "confirmed", 2: "probably true", 3: "possibly true", 4: "doubtful", 5: "improbable",
    6: "truth cannot be judged",
}


WEB_SCHEMES = frozenset({"http", "https"})


def is_web_link(url: str) -> bool:
    """Whether ``url`` is a web address (http or https, with a host) that may open a browser."""
    parts = QUrl(url.strip(), QUrl.ParsingMode.StrictMode)
    return parts.isValid() and parts.scheme().lower() in WEB_SCHEMES and bool(parts.host())


def _open_web_link(url: str) -> None:
    if is_web_link(url):
        QDesktopServices.openUrl(QUrl(url.strip()))


def _header_html(detail: SourceDetail) -> str:
    row = detail.row
    esc = html.escape
    facts = [x for x in (date(row.published), row.outlet or "", row.author or "",
                         language_name(row.language)) if x]
    lines = [f"<div style='font-size:15pt; font-weight:600'>{esc(row.title)}</div>"]
    if facts:
        lines.append(f"<div style='color:#505050; font-size:10.5pt'>{esc(' · '.join(facts))}</div>")
    if detail.notes:
        note = detail.notes if len(detail.notes) <= 300 else detail.notes[:300].rstrip() + "…"
        lines.append(f"<div style='color:#505050; font-style:italic'>{esc(note)}</div>")
    extra = []
    if row.url:
        # an imported file says what its link is (og:url, JSON-LD, a table's column): only a web
        # address is a link; anything else (file:, ms-msdt:, javascript: ...) is shown as text
        extra.append(f"<a href='{esc(row.url, quote=True)}'>{esc(row.url)}</a>" if is_web_link(row.url) else esc(row.url))
    grade = []
    if detail.reliability:
        grade.append(f"source {esc(detail.reliability)} ({RELIABILITY.get(detail.reliability, '')})")
    if detail.credibility:
        grade.append(f"information {detail.credibility} ({CREDIBILITY.get(detail.credibility, '')})")
    if grade:
        extra.append("Graded " + ", ".join(grade))
    counts = f"{len(detail.coded)} annotations · {len(detail.mentions)} mentions · {len(detail.statistics)} statistics"
    if len(detail.page_starts) > 1:
        counts = f"{len(detail.page_starts)} pages · {counts}"
    extra.append(counts)
    lines.append(f"<div style='color:#6a6a6a'>{' &nbsp;|&nbsp; '.join(extra)}</div>")
    return "".join(lines)


class ReaderView(QWidget):
    """Shows one source. ``select_span``/``selected_span`` speak code points."""

    #: the user clicked an annotation in the text (its id)
    annotation_clicked = Signal(int)
    #: a different source (or none) is shown
    source_changed = Signal()
    #: a plain left click (no drag) in the text, at this code point
    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerView")
        self.header = QLabel()
        self.header.setObjectName("readerHeader")
        self.header.setWordWrap(True)
        self.header.setOpenExternalLinks(False)
        self.header.linkActivated.connect(_open_web_link)
        self.header.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextBrowserInteraction
        )
        self.header.setContentsMargins(14, 10, 14, 8)
        self.header.setAutoFillBackground(True)
        self.editor = PagedEditor()
        self.editor.setObjectName("readerEditor")
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.editor.setFrameShape(QFrame.Shape.NoFrame)
        font = QFont()
        font.setFamilies(["Noto Serif", "DejaVu Serif", "Georgia", "serif"])
        font.setPointSizeF(max(font.pointSizeF(), 10.0) + 1.5)
        self.editor.setFont(font)
        self.editor.document().setDocumentMargin(14)
        palette = self.editor.palette()
        # keep a selection (a statistic's span) visible when the focus is in another pane
        for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
            palette.setColor(QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role))
        self.editor.setPalette(palette)
        self.highlighter = SpanHighlighter(self.editor.document())
        self._formatting = False
        self.editor.updateRequest.connect(self._format_visible)
        self.editor.viewport().installEventFilter(self)
        self.editor.viewport().setMouseTracking(True)

        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(line)
        layout.addWidget(self.editor, 1)

        self._detail: SourceDetail | None = None
        self._offsets = OffsetMap("")
        self._focus_actor: int | None = None
        self._press: QPoint | None = None
        self.show_source(None)

    # --- public interface -----------------------------------------------------------------

    @property
    def source_id(self) -> int | None:
        return self._detail.row.id if self._detail is not None else None

    @property
    def detail(self) -> SourceDetail | None:
        return self._detail

    @property
    def offsets(self) -> OffsetMap:
        """Code point <-> UTF-16 conversion for the text shown."""
        return self._offsets

    def show_source(self, detail: SourceDetail | None) -> None:
        """Show a source (or a hint when there is none). Keeps the scroll position on a refresh."""
        same = detail is not None and self._detail is not None and detail.row.id == self._detail.row.id
        if same and detail is not None and self._detail is not None and detail.text == self._detail.text:
            # the same text (an annotation or a title changed): its marks and header only, the
            # layout of a long text is kept (laid out again, a 1 MB source takes a second)
            self._detail = detail
            self.header.setText(_header_html(detail))
            self._apply_spans()
            self.source_changed.emit()
            return
        scroll = self.editor.verticalScrollBar().value() if same else 0
        cursor = self.editor.textCursor()
        selection = (cursor.anchor(), cursor.position()) if same else None
        self._detail = detail
        self.editor.setExtraSelections([])
        if detail is None:
            self.header.setText(
                "<div style='font-size:13pt; color:#666'>No source selected</div>"
                "<div style='color:#777'>Pick one in Sources, or import files with File ▸ Import…"
                " (or drop them on the window).</div>"
            )
            self._offsets = OffsetMap("")
            self.highlighter.set_spans([], rehighlight=False)
            self.editor.setPlainText("")
            self.editor.set_page_starts([])
        else:
            self.header.setText(_header_html(detail))
            self._offsets = OffsetMap(detail.text)
            # spans first, so the text is formatted once, as it is laid out
            self.highlighter.lazy = self._offsets.utf16_length > LAZY_FROM
            self.highlighter.visible = range(0)
            self._apply_spans(rehighlight=False)
            self._set_text_option(detail)  # before the text: it is laid out once
            self.editor.setPlainText(display_text(detail.text))
            self.editor.set_page_starts([self._offsets.to_utf16(p) for p in detail.page_starts])
            if selection is not None:
                cursor = QTextCursor(self.editor.document())
                cursor.setPosition(min(selection[0], self._offsets.utf16_length))
                cursor.setPosition(min(selection[1], self._offsets.utf16_length), QTextCursor.MoveMode.KeepAnchor)
                self.editor.setTextCursor(cursor)
            self.editor.verticalScrollBar().setValue(scroll)
            self._format_visible()
        self.source_changed.emit()

    def _set_text_option(self, detail: SourceDetail) -> None:
        """The source's lines flush right when it is read from right to left (Arabic, Hebrew: by
        its language, else by its letters), flush left for the others, each paragraph keeping its
        own direction (an English line in an Arabic text reads left to right); and the cells of
        its tables (rows of tab-separated cells) lined up."""
        lang = language(detail.row.language)
        rtl = right_to_left(detail.text, lang.script if lang is not None else None)
        document = self.editor.document()
        option = text_option_with_tabs(document.defaultTextOption(),
                                       table_tab_stops(detail.text, QFontMetricsF(self.editor.font())))
        # QPlainTextEdit does not mirror a leading alignment for a right-to-left paragraph
        option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute if rtl
                            else Qt.AlignmentFlag.AlignLeft)
        document.setDefaultTextOption(option)

    @property
    def table_tabs(self) -> list[float]:
        """The tab positions the reader sets tables with (none when the source has no table)."""
        return [tab.position for tab in self.editor.document().defaultTextOption().tabs()]

    @property
    def page_count(self) -> int:
        """Pages of the original document shown (0 for a text without pages)."""
        starts = self._detail.page_starts if self._detail is not None else ()
        return len(starts) if len(starts) > 1 else 0

    def go_to_page(self, number: int) -> None:
        """Put the cursor at the start of page ``number`` and scroll it to the top of the view."""
        if self._detail is None or not 1 <= number <= self.page_count:
            return
        position = self._offsets.to_utf16(self._detail.page_starts[number - 1])
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(position)
        self.editor.setTextCursor(cursor)
        bar = self.editor.verticalScrollBar()
        bar.setValue(bar.maximum())  # then back up: the page's first line ends at the top
        self.editor.ensureCursorVisible()

    def page_of(self, position: int) -> int | None:
        """The page of the original document a code point is on (None for a text without pages)."""
        return page_of(self._detail.page_starts, position) if self._detail is not None else None

    def select_span(self, start: int, end: int) -> None:
        """Select code points ``start``..``end`` and scroll them into the middle of the view."""
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self._offsets.to_utf16(start))
        cursor.setPosition(self._offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()

    def selected_span(self) -> tuple[int, int] | None:
        """The selection in code points, or None."""
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        return self._offsets.span_to_codepoints(cursor.selectionStart(), cursor.selectionEnd())

    def highlight_actor(self, actor_id: int | None) -> None:
        """Mark one actor's mentions strongly (None: no actor)."""
        if actor_id != self._focus_actor:
            self._focus_actor = actor_id
            self._apply_spans()

    @property
    def highlighted_actor(self) -> int | None:
        return self._focus_actor

    def annotations_at(self, position: int) -> list[AnnotationRow]:
        """Annotations covering a code-point position, innermost first."""
        spans = self.highlighter.spans_at(self._offsets.to_utf16(position))
        seen: dict[int, AnnotationRow] = {}
        for span in spans:
            if span.annotation is not None:
                seen.setdefault(span.annotation.id, span.annotation)
        return list(seen.values())

    def underline(self, spans: Sequence[tuple[int, int]]) -> None:
        """Underline (dotted) these spans of code points; an empty list takes the underlines away."""
        selections = []
        document = self.editor.document()
        for start, end in spans:
            first, last = self._offsets.span_to_utf16(start, end)
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(document)
            cursor.setPosition(first)
            cursor.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            text_format = QTextCharFormat()
            text_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            text_format.setUnderlineColor(UNDERLINE_COLOUR)
            selection.format = text_format
            selections.append(selection)
        self.editor.setExtraSelections(selections)

    def underlined(self) -> list[tuple[int, int]]:
        """The underlined spans in code points."""
        return [
            self._offsets.span_to_codepoints(s.cursor.selectionStart(), s.cursor.selectionEnd())
            for s in self.editor.extraSelections()
        ]

    # --- internals ------------------------------------------------------------------------

    def _visible_blocks(self, below: int = 24) -> list[QTextBlock]:
        """The blocks on screen, and ``below`` more (so a scroll shows colour at once)."""
        editor = self.editor
        block = editor.firstVisibleBlock()
        top = editor.blockBoundingGeometry(block).translated(editor.contentOffset()).top()
        height = editor.viewport().height()
        found: list[QTextBlock] = []
        extra = 0
        while block.isValid() and extra <= below:
            found.append(block)
            top += editor.blockBoundingRect(block).height()
            if top > height:
                extra += 1
            block = block.next()
        return found

    def _format_visible(self, *_: object) -> None:
        # formatting a block asks for a repaint, which comes back here: once is enough
        if self._formatting or not self.highlighter.lazy or not self.highlighter.has_pending:
            return
        self._formatting = True
        try:
            self.highlighter.format_blocks(self._visible_blocks())
        finally:
            self._formatting = False

    def _apply_spans(self, *, rehighlight: bool = True) -> None:
        detail = self._detail
        spans: list[Span] = []
        if detail is not None:
            to16 = self._offsets.to_utf16
            statistic, mention, focus = statistic_format(), mention_format(), focus_format()
            formats: dict[tuple[str, ...], QTextCharFormat] = {}

            def coded(colours: tuple[str, ...]) -> QTextCharFormat:
                # one format per combination of colours, not one per annotation
                found = formats.get(colours)
                if found is None:
                    found = formats[colours] = coded_format(colours)
                return found

            for a in detail.annotations:
                if a.orphaned or a.end <= a.start:
                    continue
                start, end = to16(a.start), to16(a.end)
                if a.codes or a.note or (a.mention_id is None and a.statistic_id is None):
                    spans.append(Span(start, end, CODED, coded(a.colors), a))
                if a.statistic_id is not None:
                    spans.append(Span(start, end, STATISTIC, statistic, a))
                if a.mention_id is not None:
                    spans.append(Span(start, end, MENTION, mention, a))
                    if self._focus_actor is not None and a.actor_id == self._focus_actor:
                        spans.append(Span(start, end, FOCUS, focus, a))
        self.highlighter.visible = range(0)
        self.highlighter.set_spans(spans, rehighlight=rehighlight)
        if rehighlight:
            self._format_visible()

    def _statistic(self, statistic_id: int) -> StatisticRow | None:
        if self._detail is None:
            return None
        return next((s for s in self._detail.statistics if s.id == statistic_id), None)

    def _describe(self, annotation: AnnotationRow) -> str:
        lines = []
        if annotation.statistic_id is not None:
            stat = self._statistic(annotation.statistic_id)
            if stat is not None:
                what = f"{values.format(stat)} {measure(stat)}" + (f" — {stat.subject}" if stat.subject else "")
                lines.append(f"<b>Statistic:</b> {html.escape(what)}")
                lines.append(f"Claimed by {html.escape(stat.claimant or 'the author')}")
        if annotation.mention_id is not None:
            lines.append(f"<b>Mention:</b> {html.escape(annotation.actor or '')}")
        if annotation.codes:
            chips = " ".join(
                f"<span style='background:{html.escape(c)}'>&nbsp;{html.escape(n)}&nbsp;</span>"
                for n, c in zip(annotation.codes, annotation.colors, strict=False)
            )
            lines.append(f"<b>Codes:</b> {chips}")
        if annotation.note:
            lines.append(f"<i>{html.escape(annotation.note)}</i>")
        page = self.page_of(annotation.start)
        if page is not None:
            lines.append(f"<span style='color:#6a6a6a'>page {page}</span>")
        return "<br>".join(lines)

    def _position_at(self, point: QPoint) -> int:
        return self.editor.cursorForPosition(point).position()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.editor.viewport():
            kind = event.type()
            if kind == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
                spans = self.highlighter.spans_at(self._position_at(event.pos()))
                seen: list[int] = []
                parts = []
                for span in spans:
                    if span.annotation is not None and span.annotation.id not in seen:
                        seen.append(span.annotation.id)
                        parts.append(self._describe(span.annotation))
                if parts:
                    QToolTip.showText(event.globalPos(), "<hr>".join(p for p in parts if p), self.editor)
                else:
                    QToolTip.hideText()
                return True
            if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
                self._press = event.position().toPoint()
            elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
                press, self._press = self._press, None
                point = event.position().toPoint()
                moved = press is None or (press - point).manhattanLength() > 3
                if event.button() == Qt.MouseButton.LeftButton and not moved:
                    self.clicked.emit(self._offsets.to_codepoint(self._position_at(point), round_down=True))
                    spans = [s for s in self.highlighter.spans_at(self._position_at(point)) if s.annotation]
                    if spans and spans[0].annotation is not None:
                        self.annotation_clicked.emit(spans[0].annotation.id)
        return super().eventFilter(watched, event)
