"""An Arabic or Hebrew source in the reader: its lines are set flush right, as it is read."""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from db.archive import Archive
from desktop.reads import sources as reads
from desktop.views.reader import ReaderView
from tests.factories import make_source

ARABIC = ("قالت وزارة الداخلية الروسية إن ٢٤ مسلحا قتلوا في عملية أمنية في داغستان. وأضافت الوزارة أن "
          "3 من عناصر الشرطة أصيبوا بجروح، وإن التحقيق ما زال جاريا في الحادث الذي وقع صباح الأحد.")
ENGLISH = ("The Russian Interior Ministry said 24 militants were killed in a security operation in "
           "Dagestan. The ministry added that three police officers were wounded, and that the inquiry "
           "into what happened on Sunday morning was still going on.")


def _line_ends(reader: ReaderView) -> list[tuple[float, float]]:
    """(left, right) of each line of the first paragraph, in the editor's viewport."""
    block = reader.editor.document().firstBlock()
    layout = block.layout()
    return [(layout.lineAt(n).naturalTextRect().left(), layout.lineAt(n).naturalTextRect().right())
            for n in range(layout.lineCount())]


def _reader(qtbot: QtBot) -> ReaderView:
    reader = ReaderView()
    qtbot.addWidget(reader)
    reader.resize(420, 500)
    reader.show()
    return reader


def test_an_arabic_source_is_set_flush_right_and_an_english_one_flush_left(qtbot: QtBot, archive: Archive) -> None:
    arabic = make_source(archive, ARABIC, language="ar")
    english = make_source(archive, ENGLISH, language="en")
    reader = _reader(qtbot)

    reader.show_source(reads.source_detail(archive, arabic))
    lines = _line_ends(reader)
    assert len(lines) >= 3
    width = max(right for _left, right in lines)
    # every line, the short last one too, ends at the right edge; the last starts well inside
    assert all(abs(right - width) < 2 for _left, right in lines)
    assert lines[-1][0] > 20
    reader.grab().save("/tmp/reader-arabic.png")

    reader.show_source(reads.source_detail(archive, english))
    lines = _line_ends(reader)
    margin = min(left for left, _right in lines)
    assert all(abs(left - margin) < 2 for left, _right in lines)
    assert lines[-1][1] < max(right for _left, right in lines) - 20


def test_a_source_of_no_known_language_is_set_by_its_letters(qtbot: QtBot, archive: Archive) -> None:
    hebrew = make_source(archive, "המשטרה הודיעה כי שלושה בני אדם נהרגו בפיגוע בירושלים ביום ראשון, "
                                  "ועשרה נוספים נפצעו ופונו לבתי החולים בעיר.", language=None)
    reader = _reader(qtbot)
    reader.show_source(reads.source_detail(archive, hebrew))
    lines = _line_ends(reader)
    width = max(right for _left, right in lines)
    assert all(abs(right - width) < 2 for _left, right in lines)
    # the cursor still moves by the text: the first character is at the right
    cursor = QTextCursor(reader.editor.document())
    cursor.setPosition(0)
    assert reader.editor.cursorRect(cursor).x() > width - 20
