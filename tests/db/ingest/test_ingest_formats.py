"""Choosing a reader by file type, and walking folders of mixed files."""

from __future__ import annotations

import datetime as dt
import html as html_escape
import re
from pathlib import Path

import pytest

from db.ingest import doc, docx, epub, formats, html, pdf, rtf, table, text
from db.ingest.base import IngestError
from db.ingest.formats import reader_for, walk


@pytest.mark.parametrize(
    ("name", "module"),
    [
        ("a.txt", text),
        ("b.MD", text),
        ("c.markdown", text),
        ("d.htm", html),
        ("e.XHTML", html),
        ("f.Pdf", pdf),
        ("g.docx", docx),
        ("h.csv", table),
        ("i.tsv", table),
        ("j.xlsx", table),
        ("k.jsonl", table),
        ("l.doc", doc),
        ("m.RTF", rtf),
        ("n.epub", epub),
    ],
)
def test_reader_by_suffix(name: str, module: object) -> None:
    assert reader_for(Path(name)) is module


@pytest.mark.parametrize("name", ["photo.jpg", "old.wps", "reut2-000.sgm", "README", "x.txt.gz"])
def test_unknown_types_have_no_reader(name: str) -> None:
    assert reader_for(Path(name)) is None


def test_every_reader_has_the_same_interface() -> None:
    import inspect

    for module in formats.READERS:
        assert module.EXTENSIONS
        assert all(s.startswith(".") and s == s.lower() for s in module.EXTENSIONS)
        assert "/" in module.MEDIA_TYPE
        parameters = inspect.signature(module.parse).parameters
        assert list(parameters) == ["path", "password", "options"]


def test_media_type_per_table_suffix() -> None:
    assert formats.media_type(Path("a.xlsx")) == table.MEDIA_TYPES[".xlsx"]
    assert formats.media_type(Path("a.pdf")) == "application/pdf"
    assert formats.media_type(Path("a.bin")) is None


def test_walk_sorted_recursive_and_without_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "b" / "a.txt").write_text("a")
    (tmp_path / "a.pdf").write_bytes(b"%PDF")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("hidden")
    (tmp_path / ".DS_Store").write_bytes(b"\0")
    (tmp_path / "c.jpg").write_bytes(b"\xff\xd8")
    found = [p.relative_to(tmp_path).as_posix() for p in walk([tmp_path])]
    assert found == ["a.pdf", "b/a.txt", "b/z.txt", "c.jpg"]


def test_walk_yields_given_files_even_missing_ones(tmp_path: Path) -> None:
    missing = tmp_path / "gone.txt"
    hidden = tmp_path / ".notes.txt"
    hidden.write_text("asked for by name")
    assert list(walk([missing, hidden])) == [missing, hidden]


def test_walk_survives_a_folder_link_loop(tmp_path: Path) -> None:
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "note.txt").write_text("x")
    (tmp_path / "inner" / "loop").symlink_to(tmp_path, target_is_directory=True)
    found = list(walk([tmp_path]))
    assert found == [tmp_path / "inner" / "note.txt"]


def test_non_ascii_names_in_folders(tmp_path: Path) -> None:
    folder = tmp_path / "Донбасс 2014"
    folder.mkdir()
    (folder / "Заметка №1.txt").write_text("Первая заметка.", encoding="utf-8")
    (folder / "Ελληνικά.md").write_text("Σημείωση.", encoding="utf-8")
    texts: list[str] = []
    for path in walk([tmp_path]):
        reader = reader_for(path)
        assert reader is not None
        texts.extend(source.text for source in reader.parse(path))
    assert sorted(texts) == ["Σημείωση.", "Первая заметка."]


_REUTERS = re.compile(
    r"<DATE>(?P<date>[^<]+)</DATE>.*?<TITLE>(?P<title>[^<]*)</TITLE>.*?<BODY>(?P<body>.*?)</BODY>",
    re.S,
)


@pytest.mark.shared
def test_folder_of_reuters_stories(shared_data: Path, tmp_path: Path) -> None:
    raw = (shared_data / "corpus" / "reuters21578" / "reut2-000.sgm").read_text("latin-1")
    stories = [m for m in _REUTERS.finditer(raw)][:60]
    assert len(stories) == 60
    for number, story in enumerate(stories):
        title = html_escape.unescape(story["title"]).strip()
        body = html_escape.unescape(story["body"]).replace("\x03", "").strip()
        day = dt.datetime.strptime(story["date"].strip()[:11], "%d-%b-%Y")
        folder = tmp_path / "reuters" / f"batch{number % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        if number % 2:
            page = f"<html><head><title>{html_escape.escape(title)}</title></head><body>"
            page += "".join(f"<p>{html_escape.escape(p)}</p>" for p in body.split("\n    "))
            (folder / f"{number:03d}.html").write_text(page + "</body></html>", "utf-8")
        else:
            header = f"{day:%A, %B} {day.day}, {day.year}\n\n{title}\n\n"
            (folder / f"{number:03d}.txt").write_text(header + body, "latin-1")
    (tmp_path / "reuters" / "lewis.dtd").write_text("<!ELEMENT REUTERS ANY>")
    parsed = skipped = 0
    for path in walk([tmp_path / "reuters"]):
        reader = reader_for(path)
        if reader is None:
            skipped += 1
            continue
        try:
            (source,) = reader.parse(path)
        except IngestError as error:
            pytest.fail(f"{path.name}: {error}")
        number = int(path.stem)
        expected_title = " ".join(html_escape.unescape(stories[number]["title"]).split())
        assert source.title == expected_title
        assert source.text
        if reader is text:
            assert source.published is not None
            assert source.published.year == 1987
        parsed += 1
    assert (parsed, skipped) == (60, 1)
