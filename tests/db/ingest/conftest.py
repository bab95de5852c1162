"""Fixtures for the format readers: small files made on the spot (``shared_data`` is in
tests/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

MakePdf = Callable[..., Path]


def write_pdf(
    path: Path,
    pages: list[str | None],
    *,
    title: str | None = None,
    author: str | None = None,
    created: str | None = None,
    password: str | None = None,
) -> Path:
    """A PDF with a text per page, "\n" between its lines (None: a page with only an image, no
    text layer)."""
    from pypdf import PdfWriter
    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    for line in pages:
        page = writer.add_blank_page(612, 792)
        if line is None:
            # A 2x2 grey inline image, as a scanner would put a page picture.
            content = b"q 200 0 0 200 72 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x80\xc0\xff EI Q"
        else:
            shown = []
            for part in line.split("\n"):  # one text line per line of the page
                escaped = part.encode("cp1252").replace(b"\\", b"\\\\")
                shown.append(b"(" + escaped.replace(b"(", b"\\(").replace(b")", b"\\)") + b") Tj")
            content = b"BT /F1 12 Tf 14 TL 72 720 Td " + b" T* ".join(shown) + b" ET"
        stream = StreamObject()
        stream.set_data(content)
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject(
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
        )
    metadata = {"/Title": title, "/Author": author, "/CreationDate": created}
    writer.add_metadata({k: v for k, v in metadata.items() if v is not None})
    if password is not None:
        writer.encrypt(user_password=password, owner_password=None, algorithm="AES-256")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


@pytest.fixture
def make_pdf(tmp_path: Path) -> MakePdf:
    """make_pdf(name, pages, title=..., author=..., created="D:2015...", password=...) -> Path"""

    def make(name: str, pages: list[str | None], **kwargs: str | None) -> Path:
        return write_pdf(tmp_path / name, pages, **kwargs)

    return make


def write_mixed_folder(folder: Path) -> None:
    """PDFs (one encrypted, one damaged), saved web pages and a text file: enough slow files for
    the importer to read them in worker processes."""
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(6):
        write_pdf(folder / f"report-{n}.pdf", [f"Report {n}: {n + 3} people were detained.", f"Annex {n}."],
                  title=f"Monthly report {n}")
    write_pdf(folder / "locked.pdf", ["Confidential list."], password="secret")
    damaged = (folder / "report-0.pdf").read_bytes()
    (folder / "damaged.pdf").write_bytes(damaged[: len(damaged) // 3])
    for n in range(3):
        (folder / f"page-{n}.html").write_text(
            f"<html><head><title>Page {n}</title><meta property='og:site_name' content='Caucasus Knot'>"
            f"</head><body><article><p>In district {n}, {n + 10} houses were searched by police "
            "officers on Tuesday, residents said.</p></article></body></html>",
            encoding="utf-8",
        )
    (folder / "notes.txt").write_text("Field notes\n\nThe checkpoint was closed.\n", encoding="utf-8")
