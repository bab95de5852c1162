"""Tables of articles: one source per row, column mapping, broken files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import table
from db.ingest.base import IngestError, ParsedSource
from db.ingest.table import TableOptions, guess_mapping

HEADER = "headline,date,source,byline,link,body,lang\n"
ROWS = (
    'Ceasefire holds,2015-02-16,Reuters,Jane Doe,https://example.org/1,"Guns fell silent, '
    'mostly.",en\n'
    "Shelling resumes,17 Feb 2015,AP,,https://example.org/2,Artillery was heard again.,en-US\n"
)


def read(path: Path, options: TableOptions | None = None) -> list[ParsedSource]:
    return list(table.parse(path, options=options))


def test_guess_mapping_from_common_header_names() -> None:
    mapping = guess_mapping(["headline", "date", "source", "byline", "link", "body", "lang"])
    assert mapping == TableOptions(
        title="headline",
        published="date",
        outlet="source",
        author="byline",
        url="link",
        text="body",
        language="lang",
    )


def test_guess_mapping_for_ag_news_columns() -> None:
    mapping = guess_mapping(["label", "title", "description"])
    assert (mapping.title, mapping.text) == ("title", "description")
    assert mapping.published is None


def test_guess_mapping_prefers_exact_names_and_partial_words() -> None:
    mapping = guess_mapping(["Source URL", "Source", "Article_Text", "Pub_Date", "ID"])
    assert mapping.url == "Source URL"
    assert mapping.outlet == "Source"
    assert mapping.text == "Article_Text"
    assert mapping.published == "Pub_Date"


def test_guess_mapping_does_not_take_a_name_for_a_title() -> None:
    mapping = guess_mapping(["id", "name", "date", "text"])
    assert mapping.title is None
    assert (mapping.published, mapping.text) == ("date", "text")


def test_csv_rows_become_sources(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(HEADER + ROWS, encoding="utf-8")
    first, second = read(path)
    assert first.title == "Ceasefire holds"
    assert first.text == "Guns fell silent, mostly."
    assert first.published == PartialDate(2015, 2, 16)
    assert (first.outlet, first.author, first.url) == (
        "Reuters",
        "Jane Doe",
        "https://example.org/1",
    )
    assert first.language == "en"
    assert first.part == "row 2"
    assert second.published == PartialDate(2015, 2, 17)
    assert second.author is None
    assert second.language == "en"
    assert second.part == "row 3"


def test_tsv_and_semicolon_files(tmp_path: Path) -> None:
    tsv = tmp_path / "articles.tsv"
    tsv.write_text("title\ttext\nOne\tFirst text, with a comma\n", encoding="utf-8")
    semicolon = tmp_path / "articles.csv"
    semicolon.write_text(
        "titre;texte;date\nUn;Premier texte, avec virgule;2015\n", encoding="utf-8"
    )
    (row,) = read(tsv)
    assert (row.title, row.text) == ("One", "First text, with a comma")
    (row,) = read(semicolon, TableOptions(title="titre", text="texte", published="date"))
    assert (row.title, row.text, row.published) == (
        "Un",
        "Premier texte, avec virgule",
        PartialDate(2015),
    )


def test_windows_encoded_csv(tmp_path: Path) -> None:
    path = tmp_path / "presse.csv"
    content = "title,text\r\nSécurité,Le président a déclaré que la sécurité était prioritaire.\r\n"
    path.write_bytes(content.encode("cp1252"))
    (row,) = read(path)
    assert row.title == "Sécurité"
    assert row.text == "Le président a déclaré que la sécurité était prioritaire."


def test_multiline_cells_keep_their_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    path.write_text('title,text\r\nReport,"Para one.\r\n\r\nPara two."\r\nNext,Short\r\n')
    first, second = read(path)
    assert first.text == "Para one.\n\nPara two."
    assert second.part == "row 3"


def test_broken_quote_refuses_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.csv"
    path.write_text('title,text\nGood,fine\nBad,"never closed\nLater,row\n', encoding="utf-8")
    with pytest.raises(IngestError, match="line 3") as caught:
        read(path)
    assert "quote" in str(caught.value)


def test_stray_quote_refuses_the_whole_file(tmp_path: Path) -> None:
    path = tmp_path / "stray.csv"
    path.write_text('title,text\nGood,fine\nBad,"quoted" then more\n', encoding="utf-8")
    with pytest.raises(IngestError, match="line 3"):
        read(path)


def test_short_and_long_rows_carry_warnings(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("title,text,date\nShort row,only text\nLong,text,2015,extra\n")
    short, long = read(path)
    assert short.text == "only text"
    assert any("2 cells" in w for w in short.warnings)
    assert any("extra cells ignored" in w for w in long.warnings)


def test_unreadable_date_is_a_warning_not_a_guess(tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("title,text,date\nA,x,last Tuesday\nB,y,March 3\n")
    first, second = read(path)
    assert first.published is None
    assert second.published is None
    assert any("last Tuesday" in w for w in first.warnings)


def test_ambiguous_numeric_date_carries_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "dates.csv"
    path.write_text("title,text,date\nA,x,07/11/2015\nB,y,11.07.2015\n")
    first, second = read(path)
    assert first.published == PartialDate(2015, 7, 11)
    assert any("day/month or month/day" in w for w in first.warnings)
    assert second.published == PartialDate(2015, 7, 11)
    assert second.warnings == []


def test_empty_rows_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "gaps.csv"
    path.write_text("title,text\nOne,first\n,\n\nTwo,second\n")
    assert [row.title for row in read(path)] == ["One", "Two"]


def test_table_without_text_or_title_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("id,count\n1,2\n")
    with pytest.raises(IngestError, match="choose them among: id, count"):
        read(path)


def test_explicit_mapping_to_a_missing_column_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(HEADER + ROWS)
    with pytest.raises(IngestError, match="'story'"):
        read(path, TableOptions(text="story"))


def test_zero_byte_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.touch()
    with pytest.raises(IngestError, match="empty file"):
        read(path)


def test_xlsx_rows_with_real_dates(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "articles.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Title", "Published", "Text"])
    sheet.append(["Ceasefire holds", dt.datetime(2015, 2, 16, 9, 0), "Guns fell silent."])
    sheet.append([None, None, None])
    sheet.append(["Year only", 2014, "A number as a date."])
    workbook.save(path)
    first, second = read(path)
    assert (first.title, first.published, first.text) == (
        "Ceasefire holds",
        PartialDate(2015, 2, 16),
        "Guns fell silent.",
    )
    assert first.part == "row 2"
    assert second.published == PartialDate(2014)
    assert second.part == "row 4"


def test_damaged_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    path.write_bytes(b"PK\x03\x04 this is not a workbook")
    with pytest.raises(IngestError, match=r"\.xlsx"):
        read(path)


def test_jsonl_rows(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    lines = [
        {"title": "One", "text": "First.", "published": "2015-07", "authors": ["A", "B"]},
        {"title": "Two", "text": "Second.", "url": "https://example.org/2"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")
    first, second = read(path)
    assert (first.title, first.published, first.author) == ("One", PartialDate(2015, 7), "A, B")
    assert second.url == "https://example.org/2"
    assert second.part == "row 2"


def test_jsonl_with_a_bad_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "articles.jsonl"
    path.write_text('{"title": "One", "text": "ok"}\n{"title": "Two", "text": \n')
    with pytest.raises(IngestError, match="line 2"):
        read(path)


@pytest.mark.shared
def test_ag_news_7600_rows(shared_data: Path) -> None:
    rows = table.parse(shared_data / "corpus" / "ag_news_test.csv")
    first = next(rows)
    assert first.title == "Fears for T N pension after talks"
    assert first.text.startswith("Unions representing workers at Turner")
    count = 1
    last = first
    for last in rows:
        count += 1
        assert last.title
        assert last.text
    assert count == 7600
    assert last.part == "row 7601"


def test_formulas_without_calculated_values_are_warned_of(tmp_path: Path) -> None:
    """Issue 21, defect 10: a workbook written by a script holds formulas, never their values."""
    import openpyxl

    path = tmp_path / "articles.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["title", "text"])
    sheet.append(["Shelling in Donetsk", "Three killed, five wounded."])
    sheet.append(["Summary", '=B2&" (from row 2)"'])
    workbook.save(path)
    sources = list(table.parse(path))
    assert [s.title for s in sources] == ["Shelling in Donetsk", "Summary"]
    assert sources[0].warnings == []
    [warning] = [w for w in sources[1].warnings if "formula" in w]
    assert "cell B3" in warning
    assert "never calculated" in warning
