"""Fixtures for the format readers: small files made on the spot (``shared_data`` is in
tests/conftest.py)."""

from __future__ import annotations

import quopri
import socket
import urllib.request
import zipfile
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

MakePdf = Callable[..., Path]


def write_pdf(
    path: Path,
    pages: list[str | bytes | None],
    *,
    title: str | None = None,
    author: str | None = None,
    created: str | None = None,
    password: str | None = None,
) -> Path:
    """A PDF with a text per page, "\n" between its lines (None: a page with only an image, no
    text layer; bytes: text-showing operators, from the top left in 12-point Helvetica, /F2 its bold)."""
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
    bold = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica-Bold"),
                NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
            }
        )
    )
    for line in pages:
        page = writer.add_blank_page(612, 792)
        if line is None:
            # A 2x2 grey inline image, as a scanner would put a page picture.
            content = b"q 200 0 0 200 72 500 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x10\x80\xc0\xff EI Q"
        elif isinstance(line, bytes):
            content = b"BT /F1 12 Tf 72 720 Td " + line + b" ET"
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
            {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font, NameObject("/F2"): bold})}
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

    def make(name: str, pages: list[str | bytes | None], **kwargs: str | None) -> Path:
        return write_pdf(tmp_path / name, pages, **kwargs)

    return make


def write_mixed_folder(folder: Path) -> None:
    """PDFs (one encrypted, one damaged), saved web pages (one as a single file), an OpenDocument
    text, an e-mail and a text file: enough slow files for the importer to read them in worker
    processes."""
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
    write_mhtml(folder / "single-file.mhtml", "<html><head><title>Saved as one file</title></head><body>"
                "<article><p>Two journalists were detained at the border crossing on Monday, their "
                "editor said.</p></article></body></html>")
    write_odt(folder / "minutes.odt")
    write_message(folder / "mail.eml", subject="Minutes of the meeting")
    (folder / "notes.txt").write_text("Field notes\n\nThe checkpoint was closed.\n", encoding="utf-8")


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Record (and refuse) any attempt to open a connection or resolve a name."""
    attempts: list[Any] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append(args)
        raise OSError("network use during import")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


def write_mhtml(path: Path, page: str, *, charset: str = "utf-8", frame: str | None = None,
                saved_from: str = "https://example.org/2004/beslan?utm=feed") -> Path:
    """An MHTML file as Chrome saves one: the page quoted-printable, then a frame and an image."""
    def part(content_type: str, body: bytes, location: str, encoding: str) -> bytes:
        return (f"------MultipartBoundary--abc\r\nContent-Type: {content_type}\r\n"
                f"Content-Transfer-Encoding: {encoding}\r\nContent-Location: {location}\r\n\r\n").encode() + body + b"\r\n"

    body = quopri.encodestring(page.encode(charset).replace(b"\n", b"\r\n"))
    parts = [part(f"text/html; charset={charset}", body, saved_from, "quoted-printable")]
    if frame is not None:
        parts.append(part("text/html", quopri.encodestring(frame.encode()), "https://ads.example.net/frame",
                          "quoted-printable"))
    parts.append(part("image/png", b"iVBORw0KGgo=", "https://images.example.net/beslan.png", "base64"))
    header = (
        f"From: <Saved by Blink>\r\nSnapshot-Content-Location: {saved_from}\r\n"
        "Subject: Siege ends | Example Times\r\nDate: Fri, 3 Sep 2004 12:00:00 +0400\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="----MultipartBoundary--abc"\r\n\r\n'
    ).encode()
    path.write_bytes(header + b"".join(parts) + b"------MultipartBoundary--abc--\r\n")
    return path


NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0"'
)
BODY = """
<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>
<text:h text:outline-level="1">Shelling of Donetsk</text:h>
<text:p>Witnesses counted <office:annotation office:name="c1"><dc:creator>Anna</dc:creator>
<dc:date>2014-05-12T18:00:00</dc:date><text:p>Check against the OSCE report.</text:p></office:annotation>forty
shells<office:annotation-end office:name="c1"/> before<text:s text:c="2"/>noon.<text:note text:note-class="footnote">
<text:note-citation>1</text:note-citation><text:note-body><text:p>Seen from the roof of the hospital.</text:p>
</text:note-body></text:note></text:p>
<text:p/>
<text:list><text:list-item><text:p>Kyivskyi district</text:p></text:list-item>
<text:list-item><text:p>Petrovskyi<text:tab/>district</text:p></text:list-item></text:list>
<table:table table:name="T1"><table:table-row><table:table-cell><text:p>District</text:p></table:table-cell>
<table:table-cell><text:p>Shells</text:p></table:table-cell></table:table-row></table:table>
<text:p><office:annotation><dc:creator>Boris</dc:creator><text:p>Which mission?</text:p></office:annotation>The
mission could not<text:line-break/>confirm the figures.</text:p>
<text:tracked-changes><text:changed-region text:id="ct1"><text:deletion><text:p>DELETED-TEXT</text:p>
</text:deletion></text:changed-region></text:tracked-changes>
"""
META = """<meta:initial-creator>Field office</meta:initial-creator><dc:creator>Someone else</dc:creator>
<dc:title>Donetsk, 12 May</dc:title><meta:creation-date>2014-05-12T18:30:00</meta:creation-date>
<dc:language>uk-UA</dc:language>"""


def write_odt(path: Path, body: str = BODY, meta: str | None = META, *, encrypted: bool = False,
              kind: str = "text") -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", f"application/vnd.oasis.opendocument.{kind}")
        archive.writestr("content.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {NAMESPACES}>'
                         f"<office:body><office:{kind}>{body}</office:{kind}></office:body></office:document-content>")
        if meta is not None:
            archive.writestr("meta.xml", f'<?xml version="1.0" encoding="UTF-8"?><office:document-meta {NAMESPACES}>'
                             f"<office:meta>{meta}</office:meta></office:document-meta>")
        entry = '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>' if encrypted else ""
        archive.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:'
                         f'xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">{entry}'
                         "</manifest:file-entry></manifest:manifest>")
    return path


def write_message(path: Path, *, html: str | None = None, attachments: list[Path] | None = None,
                  subject: str = "Отчёт: обстрел Донецка, 12 мая") -> Path:
    message = EmailMessage()
    message["From"] = "Anna Petrova <anna@field-office.example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = subject  # encoded as RFC 2047 words when not ASCII
    message["Date"] = "Mon, 12 May 2014 18:30:00 +0300"
    message.set_content("Dear colleagues,\n\nForty shells hit the Kyivskyi district before noon; "
                        "the mission could not confirm the figures.\n\nAnna\n")
    if html is not None:
        message.add_alternative(html, subtype="html")
    for attachment in attachments or []:
        kind = {".pdf": ("application", "pdf"), ".jpg": ("image", "jpeg")}.get(attachment.suffix, ("application", "octet-stream"))
        message.add_attachment(attachment.read_bytes(), maintype=kind[0], subtype=kind[1], filename=attachment.name)
    path.write_bytes(bytes(message))
    return path


def rtf_bytes(text: str, code_page: str = "cp1251") -> str:
    """``text`` as RTF writes it: ASCII as it is, other characters as \\'xx bytes of the code page
    (what Word writes in a Russian document), braces and backslashes escaped."""
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif char.isascii():
            out.append(char)
        else:
            out.append("".join(f"\\'{byte:02x}" for byte in char.encode(code_page)))
    return "".join(out)


def rtf_unicode(text: str) -> str:
    """``text`` as LibreOffice writes it: \\uN escapes (signed 16-bit UTF-16 units, a character
    outside the BMP as its two halves) with a "?" for readers that know none."""
    out = []
    for char in text:
        if char.isascii():
            out.append(char)
            continue
        units = char.encode("utf-16-le")
        for at in range(0, len(units), 2):
            unit = int.from_bytes(units[at:at + 2], "little")
            out.append(f"\\u{unit if unit < 32768 else unit - 65536}\\'3f")
    return "".join(out)


_OPF_METADATA = """<dc:title>Доклад о положении в Донбассе</dc:title>
<dc:creator opf:role="aut">Анна Петрова</dc:creator><dc:creator opf:role="trl">John Smith</dc:creator>
<dc:date opf:event="modification">2019-01-02</dc:date><dc:date opf:event="publication">2015-03-04</dc:date>
<dc:language>ru-RU</dc:language><dc:publisher>Мемориал</dc:publisher>"""
#: (file name, title, body) in reading order; the manifest lists them the other way round
EPUB_CHAPTERS = (
    ("Text/chapter1.xhtml", "Глава 1", "<h1>Глава 1</h1><p>Сорок снарядов упали на&nbsp;Киевский район.</p>"
     "<p>Миссия не смогла подтвердить цифры.</p>"),
    ("Text/chapter2.xhtml", "Chapter 2", "<h2>Chapter 2</h2><p>Twelve people were detained at the checkpoint.</p>"),
)


def write_epub(path: Path, chapters: tuple[tuple[str, str, str], ...] = EPUB_CHAPTERS,
               metadata: str = _OPF_METADATA, *, version: str = "2.0",
               extra: dict[str, bytes] | None = None, opf_head: str = "") -> Path:
    """An EPUB as Sigil or Calibre writes one: mimetype first and stored, a container, the OPF
    in OEBPS/ (manifest in reverse order, spine in reading order, a navigation document), chapters."""
    manifest = "".join(f'<item id="c{n}" href="{name}" media-type="application/xhtml+xml"/>'
                       for n, (name, _title, _body) in reversed(list(enumerate(chapters))))
    manifest += '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    spine = '<itemref idref="nav"/>' + "".join(f'<itemref idref="c{n}"/>' for n in range(len(chapters)))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        archive.writestr("META-INF/container.xml",
                         '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:'
                         'xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" '
                         'media-type="application/oebps-package+xml"/></rootfiles></container>')
        archive.writestr("OEBPS/content.opf",
                         f'<?xml version="1.0" encoding="utf-8"?>{opf_head}<package xmlns="http://www.idpf.org/2007/opf" '
                         f'version="{version}" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/" '
                         f'xmlns:opf="http://www.idpf.org/2007/opf"><dc:identifier id="id">urn:uuid:1</dc:identifier>'
                         f"{metadata}</metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>")
        archive.writestr("OEBPS/nav.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><body><nav><ol>'
                         + "".join(f"<li>{title}</li>" for _name, title, _body in chapters) + "</ol></nav></body></html>")
        for name, title, body in chapters:
            archive.writestr(f"OEBPS/{name}",
                             '<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml">'
                             f"<head><title>{title}</title><style>p {{ margin: 0 }}</style></head><body>{body}</body></html>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return path
