"""Word documents: paragraphs, tables, core properties, comments, and files that are not Word."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest

from db.dates import PartialDate
from db.ingest import docx as docx_reader
from db.ingest.base import IngestError, ParsedSource

WORD = "docx/python-docx"


def read(path: Path) -> ParsedSource:
    sources = list(docx_reader.parse(path))
    assert len(sources) == 1
    return sources[0]


def make_report(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Shelling of Donetsk")
    document.add_paragraph("")
    opening = document.add_paragraph("Witnesses counted ")
    counted = opening.add_run("forty shells")
    opening.add_run(" before noon.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "District"
    table.cell(0, 1).text = "Shells"
    table.cell(1, 0).text = "Kyivskyi"
    table.cell(1, 1).text = "25"
    closing = document.add_paragraph("The mission could not confirm the figures.")
    document.add_comment(counted, text="Check against the OSCE report.", author="Anna")
    document.add_comment(closing.runs, text="Which mission?", author="Boris")
    props = document.core_properties
    props.title = "Donetsk, 12 May"
    props.author = "Field office"
    props.created = dt.datetime(2014, 5, 12, 18, 30, tzinfo=dt.UTC)
    props.language = "en-GB"
    document.save(str(path))
    return path


def test_paragraphs_tables_and_properties(tmp_path: Path) -> None:
    source = read(make_report(tmp_path / "report.docx"))
    assert source.text == (
        "Shelling of Donetsk\n\nWitnesses counted forty shells before noon.\n\n"
        "District\n\nShells\n\nKyivskyi\n\n25\n\nThe mission could not confirm the figures."
    )
    assert source.title == "Donetsk, 12 May"
    assert source.author == "Field office"
    assert source.published == PartialDate(2014, 5, 12)
    assert source.language == "en"


def test_comments_become_notes_on_the_commented_words(tmp_path: Path) -> None:
    source = read(make_report(tmp_path / "report.docx"))
    quoted = [(source.text[c.start : c.end], c.note, c.author) for c in source.comments]
    assert quoted == [
        ("forty shells", "Check against the OSCE report.", "Anna"),
        ("The mission could not confirm the figures.", "Which mission?", "Boris"),
    ]


def test_comment_across_paragraphs(tmp_path: Path) -> None:
    document = docx.Document()
    first = document.add_paragraph("First claim.")
    document.add_paragraph("Between.")
    last = document.add_paragraph("Last claim.")
    document.add_comment([first.runs[0], last.runs[0]], text="Both from one witness")
    path = tmp_path / "span.docx"
    document.save(str(path))
    source = read(path)
    (comment,) = source.comments
    assert source.text[comment.start : comment.end] == "First claim.\n\nBetween.\n\nLast claim."


def test_untitled_document_takes_its_first_line(tmp_path: Path) -> None:
    document = docx.Document()
    document.core_properties.title = ""
    document.add_paragraph("Interview 7, Mariupol")
    path = tmp_path / "interview.docx"
    document.save(str(path))
    assert read(path).title == "Interview 7, Mariupol"


def test_zip_of_something_else_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "photos.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo1.jpg", b"\xff\xd8\xff\xe0 not really a jpeg")
        archive.writestr("notes.txt", "holiday")
    with pytest.raises(IngestError, match="not a Word document"):
        read(path)


def test_spreadsheet_renamed_docx_is_an_error(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "table.docx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["title", "text"])
    workbook.save(path)
    with pytest.raises(IngestError) as refused:
        read(path)
    assert str(refused.value) == "not a Word document: this is an Excel workbook (.xlsx) with a .docx name"


def test_not_a_zip_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "note.docx"
    path.write_text("plain text saved with the wrong extension")
    with pytest.raises(IngestError, match="is not one"):
        read(path)


def test_old_word_format_is_named(tmp_path: Path) -> None:
    path = tmp_path / "old.docx"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(IngestError, match=r"old Word \.doc"):
        read(path)


def test_zero_byte_docx_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.docx"
    path.touch()
    with pytest.raises(IngestError, match="empty file"):
        read(path)


def test_non_ascii_file_name(tmp_path: Path) -> None:
    source = read(make_report(tmp_path / "Донецк – отчёт №3.docx"))
    assert source.text.startswith("Shelling of Donetsk")


@pytest.mark.shared
def test_shared_comments_sample(shared_data: Path) -> None:
    source = read(shared_data / WORD / "features_comments-rich-para.docx")
    quoted = {source.text[c.start : c.end]: c.note for c in source.comments}
    assert quoted["Some text worthy of note."] == (
        "Text with hyperlink https://google.com embedded."
    )
    assert quoted["Paragraph 5"] == "Text with character style."
    assert len(source.comments) == 4
    assert source.comments[0].author == "Steve Canny"


@pytest.mark.shared
def test_shared_core_properties(shared_data: Path) -> None:
    source = read(shared_data / WORD / "features_doc-coreprops.docx")
    assert source.title == "Title"
    assert source.author == "Steve Canny"
    assert source.published == PartialDate(2014, 12, 13)


@pytest.mark.shared
def test_shared_paragraphs_and_tables_in_order(shared_data: Path) -> None:
    source = read(shared_data / WORD / "features_blk-paras-and-tables.docx")
    text = source.text
    assert text.index("Text before") < text.index("Table") < text.index("Between")
    assert text.index("Between") < text.index("Text after")
