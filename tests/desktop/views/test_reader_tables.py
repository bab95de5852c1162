"""A PDF's table in the reader: its rows' cells line up in columns (issue 14)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from db.archive import Archive
from db.importer import import_paths
from desktop.reads import sources as reads
from desktop.views.reader import ReaderView
from tests.factories import make_source

TABLE_PDF = "pdf/py-pdf-sample-files/011-google-doc-document_google-doc-document.pdf"


def _x(reader: ReaderView, position: int) -> int:
    cursor = QTextCursor(reader.editor.document())
    cursor.setPosition(reader.offsets.to_utf16(position))
    return reader.editor.cursorRect(cursor).x()


@pytest.mark.shared
def test_a_pdf_table_is_shown_in_columns(qtbot: QtBot, archive: Archive, shared_data: Path) -> None:
    [result] = import_paths(archive, [shared_data / TABLE_PDF])
    assert result.source_id is not None
    detail = reads.source_detail(archive, result.source_id)
    assert detail is not None
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(900, 600)
    reader.show()
    reader.show_source(detail)

    text = detail.text
    capital = text.index("Capital\t")
    population = text.index("Population\t")
    # the cells of one column start at the same place on every row, whatever the row label
    assert _x(reader, text.index("Berlin", capital)) == _x(reader, text.index("83,190,556", population))
    assert _x(reader, text.index("Paris", capital)) == _x(reader, text.index("67,413,000", population))
    assert _x(reader, text.index("Berlin", capital)) > _x(reader, text.index("Jakarta", capital))
    reader.grab().save("/tmp/pdf-reader-table.png")

    reader.show_source(reads.source_detail(archive, make_source(archive, "A text without a table.")))
    assert reader.table_tabs == []
