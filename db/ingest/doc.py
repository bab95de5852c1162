"""Old Word documents (.doc, Word 97-2003 and earlier): the text by antiword, the title, author
and creation date from the document's summary properties (olefile).

No maintained Python library reads the Word binary format's text, so the text comes from
Debian's ``antiword`` (Word 2 to 2003; field codes hidden, paragraphs a blank line apart), run
with the file on its standard input, UTF-8 out, no line wrapping, and a time limit. Tables come
out of antiword as ``|cell   |cell   |`` lines: they are given a tab between cells, as the PDF
reader gives its tables. ``DOSSIER_ANTIWORD`` may name the program where it is not on the PATH
(Windows). When antiword is missing the document is still imported, with its properties and
without text, and says why (as a scan without Tesseract does).

Files named .doc that are something else are common: Word saves RTF and web pages under that
name, and a .docx renamed; RTF is read as RTF, the others are refused with what they are.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from db.ingest._common import date_from_datetime, first_line_title, read_bytes, trim_title
from db.ingest.base import IngestError, ParsedSource

EXTENSIONS: tuple[str, ...] = (".doc",)
MEDIA_TYPE = "application/msword"

#: where a user may name the program (Windows: the folder antiword's zip was unpacked into)
ANTIWORD_ENV = "DOSSIER_ANTIWORD"
#: a document that takes longer than this is given up (seconds; a 600-page report takes < 1 s)
TIMEOUT = 120
NOT_INSTALLED = ("the text of an old Word .doc is read by antiword, which is not installed: imported "
                 "without text (install antiword, see the README, then delete this source and import the file again)")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: the Word binary's "encrypted" flag (fEncrypted, in the FIB's flags at offset 10)
_ENCRYPTED = 0x0100
_TABLE_ROW = re.compile(r"^\|(.*)\|[ \t]*$", re.MULTILINE)
_PICTURE = re.compile(r"^\[pic\]$\n?", re.MULTILINE)
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_LINES = re.compile(r"\n{3,}")


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one old Word document as one source."""
    yield read_doc(read_bytes(path), path.stem)


def read_doc(data: bytes, name: str) -> ParsedSource:
    """The source in the bytes of a .doc; ``name`` is the title of last resort."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith(b"{\\rtf"):  # Word's "Rich Text Format" saved under the .doc name
        from db.ingest.rtf import read_rtf

        return read_rtf(data, name)
    if not data.startswith(_OLE_MAGIC):
        raise IngestError(f"not an old Word document (.doc): {_what_else(start)}")
    properties = _properties(data)
    program = find_antiword()
    warnings: list[str] = []
    if program is None:
        text = ""
        warnings.append(NOT_INSTALLED)
    else:
        text = _tidy(_antiword(program, data))
        if not text:
            warnings.append("the document has no text")
    created = properties.get("created")
    return ParsedSource(
        text=text,
        title=trim_title(properties.get("title")) or first_line_title(text) or trim_title(name),
        author=trim_title(properties.get("author")),
        published=date_from_datetime(created),
        warnings=warnings,
    )


def _what_else(start: bytes) -> str:
    if start.startswith(b"PK\x03\x04"):
        return "this is a zip file (a .docx or .odt with a .doc name?): give it its own suffix"
    if start[:200].lower().lstrip().startswith((b"<html", b"<!doctype", b"<?xml")) or b"<html" in start[:1000].lower():
        return "this is a web page (Word's \"Web Page\" saved as .doc?): rename it to .html"
    if start.startswith(b"MIME-Version") or b"multipart/related" in start[:2000]:
        return "this is a saved web page archive (Word's \"Single File Web Page\"): rename it to .mhtml"
    return "the file does not begin as a Word document does (damaged, or another kind of file?)"


def find_antiword() -> str | None:
    """The antiword program: ``DOSSIER_ANTIWORD`` (a program, or the folder it is in), else the PATH."""
    named = os.environ.get(ANTIWORD_ENV, "").strip()
    if named:
        folder = Path(named)
        if folder.is_dir():
            return shutil.which("antiword", path=str(folder))
        return shutil.which(named)
    return shutil.which("antiword")


def _antiword(program: str, data: bytes) -> str:
    env = dict(os.environ)
    folder = Path(program).parent
    if (folder / "UTF-8.txt").is_file():
        env.setdefault("ANTIWORDHOME", str(folder))  # its mapping files beside it (Windows, a bundle)
    try:
        done = subprocess.run([program, "-m", "UTF-8.txt", "-w", "0", "-"], input=data, capture_output=True,
                              timeout=TIMEOUT, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise IngestError(f"not read: antiword took more than {TIMEOUT} s over it (a damaged file?)") from None
    except OSError as exc:
        raise IngestError(f"antiword could not be run ({exc.strerror or exc})") from None
    if done.returncode != 0:
        said = " ".join(done.stderr.decode("utf-8", errors="replace").split())
        said = said.replace("- is not", "it is not").replace("- is ", "it is ")
        if "encrypted" in said.lower():
            raise IngestError("the document is password-protected: save it without a password to import it")
        raise IngestError(f"not a readable Word document (damaged?): antiword says \u201c{said or done.returncode}\u201d")
    return done.stdout.decode("utf-8", errors="replace")


def _tidy(raw: str) -> str:
    """Table rows with a tab between their cells, picture marks left out, at most one blank line."""
    text = raw.replace("\r\n", "\n").replace("\f", "\n\n")
    text = _TABLE_ROW.sub(lambda row: "\t".join(cell.strip() for cell in row.group(1).split("|")), text)
    text = _PICTURE.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def _properties(data: bytes) -> dict[str, Any]:
    """Title, author and creation time from the summary properties; refuses an encrypted file
    or an Office file that is not a Word document (an .xls named .doc)."""
    import olefile

    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
    except Exception:  # olefile raises OSError, ValueError ... on a damaged container
        raise IngestError("not a readable Word document: its inner structure is broken (damaged, or cut "
                          "short in a download?)") from None
    with ole:
        if not ole.exists("WordDocument"):
            other = next((kind for stream, kind in (("Workbook", "an Excel workbook"), ("Book", "an Excel workbook"),
                          ("PowerPoint Document", "a PowerPoint presentation"),
                          ("EncryptedPackage", "a password-protected Office file")) if ole.exists(stream)), None)
            if other == "a password-protected Office file":
                raise IngestError("the document is password-protected: save it without a password to import it")
            raise IngestError(f"not a Word document: this is {other or 'another kind of Office file'} with a .doc name")
        try:
            head = ole.openstream("WordDocument").read(12)
            if len(head) == 12 and int.from_bytes(head[10:12], "little") & _ENCRYPTED:
                raise IngestError("the document is password-protected: save it without a password to import it")
            meta = ole.get_metadata()
        except IngestError:
            raise
        except Exception:  # damaged properties: antiword may still read the text
            return {}
    codec = _codec(meta.codepage)
    found: dict[str, Any] = {"created": meta.create_time}
    for key in ("title", "author"):
        value = getattr(meta, key, None)
        if isinstance(value, bytes):
            value = value.decode(codec, errors="replace").rstrip("\x00")
        if isinstance(value, str) and value.strip():
            found[key] = value
    return found


def _codec(code_page: int | None) -> str:
    from db.ingest.rtf import python_codec

    if code_page is None:
        return "cp1252"
    return python_codec(code_page & 0xFFFF) or "cp1252"
