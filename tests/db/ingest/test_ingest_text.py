"""Plain text and Markdown files: encodings, headers, bad input."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import text
from db.ingest.base import IngestError, ParsedSource


def read(path: Path) -> ParsedSource:
    sources = list(text.parse(path))
    assert len(sources) == 1
    return sources[0]


@pytest.mark.shared
def test_seed_header_gives_date_title_and_outlet(shared_data: Path) -> None:
    source = read(shared_data / "seed" / "isis-comes-to-russia.txt")
    assert source.title == "ISIS Comes to Russia"
    assert source.published == PartialDate(2015, 7, 11)
    assert source.outlet == "The Daily Beast"
    assert source.text.startswith("Defectors from a homegrown jihadi insurgency")
    assert "Saturday, July 11, 2015" not in source.text[:200]
    assert "\r" not in source.text


def test_seed_shaped_header_in_a_file_made_here(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text(
        "Monday, September 6, 2004\r\n\r\nSiege in Beslan\r\n\r\n"
        "(Kommersant) Hostages were held for three days.\r\n\r\nSecond paragraph.\r\n",
        encoding="utf-8",
    )
    source = read(path)
    assert (source.title, source.published, source.outlet) == (
        "Siege in Beslan",
        PartialDate(2004, 9, 6),
        "Kommersant",
    )
    assert source.text == "Hostages were held for three days.\n\nSecond paragraph.\n"


@pytest.mark.parametrize(
    ("encoding", "sample"),
    [
        ("utf-8", "Грозный, 2004: боевики заявили о захвате школы."),
        ("utf-8-sig", "Грозный, 2004: боевики заявили о захвате школы."),
        ("utf-16", "Грозный, 2004: боевики заявили о захвате школы."),
        ("cp1251", "Грозный, 2004: боевики заявили о захвате школы в Беслане."),
        ("cp1252", "Le président a déclaré que la sécurité était la priorité numéro un."),
        ("latin-1", "Le président a déclaré que la sécurité était la priorité numéro un."),
    ],
)
def test_encodings_are_detected(tmp_path: Path, encoding: str, sample: str) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(f"{sample}\r\nSecond line.\r\n".encode(encoding))
    source = read(path)
    assert source.text == f"{sample}\nSecond line.\n"
    assert not source.text.startswith("\ufeff")
    if encoding in ("cp1251", "cp1252", "latin-1"):
        assert any("encoding was guessed" in w for w in source.warnings)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "export.txt"
    path.write_bytes("Report from Grozny\r\nЗаметка.\r\n".encode(encoding))
    source = read(path)
    assert source.text == "Report from Grozny\nЗаметка.\n"
    assert any(encoding in w for w in source.warnings)


def test_old_mac_line_endings_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(b"First line\rSecond line\r")
    assert read(path).text == "First line\nSecond line\n"


def test_dateline_gives_the_date_and_stays_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("MOSCOW, Sept. 17, 2004 - Russian officials said on Friday ...\n")
    source = read(path)
    assert source.published == PartialDate(2004, 9, 17)
    assert source.text.startswith("MOSCOW, Sept. 17, 2004 - Russian")


def test_dateline_without_a_year_does_not_guess_one(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("NEW YORK, March 3 - Stocks rose on Tuesday.\n")
    source = read(path)
    assert source.published is None


def test_markdown_title_and_byline(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(
        "# After the siege\n\nBy Anna Petrova\n\nJuly 2015\n\nThe town is quiet now.\n",
        encoding="utf-8",
    )
    source = read(path)
    assert source.title == "After the siege"
    assert source.author == "Anna Petrova"
    assert source.published == PartialDate(2015, 7)
    assert source.text == "The town is quiet now.\n"


def test_yaml_front_matter_gives_the_metadata_and_leaves_the_text(tmp_path: Path) -> None:
    path = tmp_path / "defectors.md"
    path.write_text(
        "---\n"
        'title: "Defectors describe life under ISIS"\n'
        "date: 2015-07-11\n"
        "author: [Anna Nemtsova, Jamie Dettmer]\n"
        "source: The Daily Beast\n"
        "url: https://www.thedailybeast.com/isis-comes-to-russia\n"
        "lang: en-US\n"
        "tags: [isis, russia]\n"
        "---\n\n"
        "Some 40 people were killed.\n",
        encoding="utf-8",
    )
    source = read(path)
    assert source.title == "Defectors describe life under ISIS"
    assert source.published == PartialDate(2015, 7, 11)
    assert source.author == "Anna Nemtsova, Jamie Dettmer"
    assert source.outlet == "The Daily Beast"
    assert source.url == "https://www.thedailybeast.com/isis-comes-to-russia"
    assert source.language == "en"
    assert source.text == "Some 40 people were killed.\n"


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("date: 2014\nsource: https://example.org/r", (PartialDate(2014), None, "https://example.org/r")),
        ("published: July 2015\npublisher: Caucasus Knot", (PartialDate(2015, 7), "Caucasus Knot", None)),
        ("created: 2015-07-11T10:30:00+03:00\nauthor: {name: Anna Nemtsova}", (PartialDate(2015, 7, 11), None, None)),
    ],
)
def test_front_matter_fields_in_other_spellings(
    tmp_path: Path, front: str, expected: tuple[PartialDate, str | None, str | None]
) -> None:
    path = tmp_path / "note.md"
    path.write_text(f"---\ntitle: Note\n{front}\n...\nBody.\n", encoding="utf-8")
    source = read(path)
    assert (source.published, source.outlet, source.url) == expected
    assert source.text == "Body.\n"


def test_rules_around_a_paragraph_are_no_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "rules.md"
    original = "---\n\nA paragraph between two rules.\n\n---\n\nMore text.\n"
    path.write_text(original, encoding="utf-8")
    source = read(path)
    assert source.text == original
    assert source.title == "A paragraph between two rules."
    assert source.warnings == []


def test_broken_front_matter_stays_in_the_text_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    original = "---\ntitle: [unclosed\n---\nBody.\n"
    path.write_text(original, encoding="utf-8")
    source = read(path)
    assert source.text == original
    assert any("front matter" in w for w in source.warnings)


def test_without_a_header_the_first_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("\n\n  Interview with a former fighter  \nHe said the unit split.\n")
    source = read(path)
    assert source.title == "Interview with a former fighter"
    assert source.published is None
    assert "Interview with a former fighter" in source.text


def test_very_long_first_line_gives_a_trimmed_title(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    path.write_text("word " * 1000)
    title = read(path).title
    assert title is not None
    assert 100 <= len(title) <= 201


def test_blank_text_takes_the_file_name_as_title(tmp_path: Path) -> None:
    path = tmp_path / "field notes 3.txt"
    path.write_text("\n  \n")
    assert read(path).title == "field notes 3"


def test_binary_file_named_txt_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    with pytest.raises(IngestError, match="binary file, not text"):
        read(path)


def test_binary_without_nul_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(1, 32)) * 200)
    with pytest.raises(IngestError, match="binary file, not text"):
        read(path)


def test_zero_byte_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IngestError, match="empty file"):
        read(path)


def test_non_ascii_file_name(tmp_path: Path) -> None:
    path = tmp_path / "Беслан — заметки 2004 é.txt"
    path.write_text("Школа номер один.\n", encoding="utf-8")
    assert read(path).text == "Школа номер один.\n"


def test_a_folder_named_like_a_text_file_is_an_error(tmp_path: Path) -> None:
    # Reading fails for root too, unlike a chmod 000 file (the tests may run as root).
    path = tmp_path / "looks-like.txt"
    path.mkdir()
    with pytest.raises(IngestError, match="folder"):
        read(path)


def test_a_broken_link_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "missing.txt")
    with pytest.raises(IngestError, match="not found"):
        read(path)


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(IngestError, match="not a regular file"):
        read(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    try:
        with pytest.raises(IngestError, match="cannot read"):
            read(path)
    finally:
        path.chmod(0o600)


@pytest.mark.slow
def test_a_100_mb_text_file_parses(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    paragraph = (
        "Fighting resumed near the border on Tuesday, officials said, and 12 people died.\r\n\r\n"
    )
    count = 100 * 1024 * 1024 // len(paragraph) + 1
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("Big Report\r\n\r\n")
        for _ in range(count // 1000):
            handle.write(paragraph * 1000)
    source = read(path)
    assert len(source.text) > 95 * 1024 * 1024
    assert "\r" not in source.text[:100_000]
    assert source.text.endswith("died.\n\n")
    assert source.title == "Big Report"


def test_a_sentence_starting_with_by_is_not_a_byline(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("By the river\n\nThe convoy stopped at dawn.\n")
    source = read(path)
    assert source.author is None
    assert source.text.startswith("By the river")


def test_byline_with_a_role(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("BY JOHN SMITH, Staff Writer\n\nThe convoy stopped at dawn.\n")
    source = read(path)
    assert source.author == "JOHN SMITH"
    assert source.text == "The convoy stopped at dawn.\n"


@pytest.mark.parametrize(
    ("opening", "outlet", "body"),
    [
        ("(Reuters) - Talks resumed.", "Reuters", "Talks resumed."),
        ("(ТАСС) Переговоры возобновились.", "ТАСС", "Переговоры возобновились."),
        ("(Updated 10:00) Talks resumed.", None, "(Updated 10:00) Talks resumed."),
        ("(see the annex) Talks resumed.", None, "(see the annex) Talks resumed."),
    ],
)
def test_outlet_in_brackets_opening_the_text(
    tmp_path: Path, opening: str, outlet: str | None, body: str
) -> None:
    path = tmp_path / "lead.txt"
    path.write_text(opening, encoding="utf-8")
    source = read(path)
    assert (source.outlet, source.text) == (outlet, body)


@pytest.mark.parametrize(
    "front",
    [
        "title: " + "[" * 3000 + "]" * 3000,  # nested deeper than the parser's recursion
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
        "author: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]",  # aliases that multiply
    ],
)
def test_hostile_front_matter_is_read_quickly_or_left_in_the_text(tmp_path: Path, front: str) -> None:
    path = tmp_path / "hostile.md"
    path.write_text(f"---\n{front}\n---\nBody.\n", encoding="utf-8")
    source = read(path)
    assert source.text.endswith("Body.\n")
    assert source.author is None
