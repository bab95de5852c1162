"""The reader on a long text: highlights are drawn where the researcher looks, lazily."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextBlock
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.codebook import add_code
from db.commands import add_annotation
from db.importer import import_paths
from desktop.reads import sources as reads
from desktop.views.reader import LAZY_FROM, ReaderView
from tests.db.ingest.conftest import write_pdf
from tests.desktop.helpers import open_window
from tests.factories import make_source

PARAGRAPH = "Shelling continued near the town, officials said, and 🙂 families left at night. "


def long_text() -> str:
    paragraphs = [f"{n}: " + PARAGRAPH * 4 for n in range(LAZY_FROM // len(PARAGRAPH * 4) + 200)]
    return "\n\n".join(paragraphs)


def formatted(block: QTextBlock) -> bool:
    return bool(block.layout().formats())


def test_a_long_text_is_highlighted_where_it_is_shown(qtbot: QtBot, archive: Archive) -> None:
    text = long_text()
    source_id = make_source(archive, text)
    first = text.index("families")
    last = text.rindex("families")
    with archive.session() as s:
        code = add_code(s, "displacement", "#81c784")
        add_annotation(s, source_id, first, first + 8, code_ids=[code])
        far = add_annotation(s, source_id, last, last + 8, code_ids=[code])
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 600)
    reader.show()
    reader.show_source(reads.source_detail(archive, source_id))
    assert reader.highlighter.lazy
    document = reader.editor.document()
    start_block = document.findBlock(reader.offsets.to_utf16(first))
    far_block = document.findBlock(reader.offsets.to_utf16(last))
    assert formatted(start_block)
    assert not formatted(far_block)  # not on screen: not formatted yet
    reader.select_span(last, last + 8)
    assert formatted(far_block)
    assert reader.annotations_at(last + 2)[0].id == far
    formats = far_block.layout().formats()
    begin = reader.offsets.to_utf16(last) - far_block.position()
    assert any(f.start == begin and f.length == 8 for f in formats)


def test_a_short_text_is_highlighted_at_once(qtbot: QtBot, archive: Archive) -> None:
    text = "\n\n".join(f"Paragraph {n}: {PARAGRAPH}" for n in range(400))
    source_id = make_source(archive, text)
    last = text.rindex("families")
    with archive.session() as s:
        add_annotation(s, source_id, last, last + 8, code_ids=[add_code(s, "x")])
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 600)
    reader.show()
    reader.show_source(reads.source_detail(archive, source_id))
    assert not reader.highlighter.lazy
    assert formatted(reader.editor.document().findBlock(reader.offsets.to_utf16(last)))


def test_overlapping_codes_both_stay_visible(qtbot: QtBot, archive: Archive) -> None:
    text = "Fighters from the valley crossed the border at night."
    source_id = make_source(archive, text)
    with archive.session() as s:
        red = add_code(s, "red", "#e57373")
        blue = add_code(s, "blue", "#64b5f6")
        add_annotation(s, source_id, 0, 24, code_ids=[red])  # "Fighters from the valley"
        add_annotation(s, source_id, 14, 37, code_ids=[blue])  # "the valley crossed the"
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show()
    reader.show_source(reads.source_detail(archive, source_id))
    block = reader.editor.document().firstBlock()

    def background(position: int) -> str:
        found = [f for f in block.layout().formats() if f.start <= position < f.start + f.length]
        assert found, position
        return found[0].format.background().color().name()

    only_red, both, only_blue = background(2), background(18), background(30)
    assert len({only_red, both, only_blue}) == 3


def test_a_pdf_source_shows_its_pages_and_where_an_annotation_is(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    pages = [f"Finding {n}: {n + 4} people were detained in sector {n}.\n{n}" for n in range(1, 4)]
    [result] = import_paths(archive, [write_pdf(tmp_path / "report.pdf", pages, title="Monitoring report")])
    assert result.source_id is not None
    detail = reads.source_detail(archive, result.source_id)
    assert detail is not None
    third = detail.text.index("Finding 3")
    with archive.session() as s:
        note = add_annotation(s, result.source_id, third, third + 9, note="check the count")
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 500)
    reader.show()
    reader.show_source(reads.source_detail(archive, result.source_id))

    assert "3 pages" in reader.header.text()
    assert "Forwarded" not in reader.header.text()
    assert [reader.page_of(detail.text.index(f"Finding {n}")) for n in (1, 2, 3)] == [1, 2, 3]
    annotation = next(a for a in reader.detail.annotations if a.id == note)  # type: ignore[union-attr]
    assert "page 3" in reader._describe(annotation)
    assert [number for number, _band in reader.editor.page_marks()] == [2, 3]  # marks on screen

    reader.show_source(reads.source_detail(archive, make_source(archive, "A text without pages.")))
    assert reader.page_of(3) is None
    assert "pages" not in reader.header.text()


def test_go_to_page_shows_the_page_asked_for(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    pages = [f"Finding {n}.\n" + "\n".join(f"Line {k} of page {n}." for k in range(40)) for n in range(1, 6)]
    [result] = import_paths(archive, [write_pdf(tmp_path / "long.pdf", pages, title="Long report")])
    plain = make_source(archive, "A text without pages.")
    window = open_window(qtbot, archive)
    window.resize(1200, 800)
    assert result.source_id is not None
    window.open_source(plain)
    qtbot.waitUntil(lambda: window.reader.source_id == plain)
    assert not window.action.go_to_page.isEnabled()
    window.open_source(result.source_id)
    qtbot.waitUntil(lambda: window.reader.source_id == result.source_id)
    assert window.action.go_to_page.isEnabled()

    window.ask_page = lambda current, count: 4  # type: ignore[method-assign]  # the number typed
    window.action.go_to_page.trigger()

    reader = window.reader
    position = reader.offsets.to_codepoint(reader.editor.textCursor().position())
    assert reader.page_of(position) == 4
    assert 4 in [number for number, _band in reader.editor.page_marks()]
    assert 2 not in [number for number, _band in reader.editor.page_marks()]  # far above, not looked at
    assert reader.detail is not None
    assert reader.detail.text[position:].startswith("Finding 4.")
    top = reader.editor.cursorForPosition(reader.editor.viewport().rect().topLeft()).position()
    assert reader.page_of(reader.offsets.to_codepoint(top)) in (3, 4)  # scrolled there


def test_the_header_shows_where_a_source_came_from(qtbot: QtBot, archive: Archive) -> None:
    from db.commands import update_source

    source_id = make_source(archive, "Curfew from 22:00.", title="Curfew")
    with archive.session() as s:
        update_source(s, source_id, notes="Forwarded from Kharkiv News")
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.show_source(reads.source_detail(archive, source_id))
    assert "Forwarded from Kharkiv News" in reader.header.text()


class _Opened(QObject):
    """Stands in for the browser and the system's handlers: records what was asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def test_only_web_links_from_imported_files_are_links(qtbot: QtBot, archive: Archive, tmp_path: Path) -> None:
    """Issue 21, defect 8: a page's og:url says file: or ms-msdt: and a click would run it."""
    pages = {
        "web.html": "https://example.org/report/12",
        "local.html": "file:///etc/passwd",
        "msdt.html": "ms-msdt:/id PCWDiagnostic /skip force",
        "script.html": "javascript:alert(1)",
    }
    for name, url in pages.items():
        (tmp_path / name).write_text(
            f"<html><head><title>{name}</title><meta property='og:url' content='{url}'></head>"
            "<body><article><p>Twelve people were detained at the checkpoint overnight.</p></article></body></html>"
        )
    results = import_paths(archive, sorted(tmp_path.glob("*.html")), workers=0)
    opened = _Opened()
    for scheme in ("http", "https", "file", "ms-msdt", "javascript"):
        QDesktopServices.setUrlHandler(scheme, opened, "open")
    try:
        reader = ReaderView()
        qtbot.addWidget(reader)
        for result in results:
            url = pages[Path(result.path).name]
            assert result.source_id is not None
            reader.show_source(reads.source_detail(archive, result.source_id))
            header = reader.header.text()
            assert ("<a href" in header) == url.startswith("https:")
            assert html.escape(url, quote=False) in header
            reader.header.linkActivated.emit(url)
        assert opened.urls == ["https://example.org/report/12"]
    finally:
        for scheme in ("http", "https", "file", "ms-msdt", "javascript"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_a_new_annotation_on_the_shown_source_is_marked_without_laying_the_text_out_again(
    qtbot: QtBot, archive: Archive, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After an annotation, the reader shows the same text again: only its marks change (a 1 MB
    source laid out again took a second), and the place read and the selection stay."""
    text = long_text()
    source_id = make_source(archive, text)
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(700, 600)
    reader.show()
    reader.show_source(reads.source_detail(archive, source_id))
    middle = text.index("families", len(text) // 2)
    reader.select_span(middle, middle + 8)
    scroll = reader.editor.verticalScrollBar().value()
    document = reader.editor.document()
    texts_set: list[str] = []
    monkeypatch.setattr(reader.editor, "setPlainText", texts_set.append)
    with archive.session() as s:
        made = add_annotation(s, source_id, middle, middle + 8, note="they left at night")
    reader.show_source(reads.source_detail(archive, source_id))
    assert texts_set == []  # the text was not set (and laid out) again
    assert reader.editor.verticalScrollBar().value() == scroll
    assert reader.selected_span() == (middle, middle + 8)
    assert [a.id for a in reader.annotations_at(middle + 2)] == [made]
    block = document.findBlock(reader.offsets.to_utf16(middle))
    begin = reader.offsets.to_utf16(middle) - block.position()
    assert any(f.start <= begin < f.start + f.length for f in block.layout().formats())
