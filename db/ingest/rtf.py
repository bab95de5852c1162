r"""Rich Text Format (.rtf, what WordPad, Word and LibreOffice save): the text, and the title,
author and creation date of the document's ``\info`` group.

striprtf turns the RTF into text (it decodes ``\uN`` escapes and ``\'xx`` bytes by the code page
of their font or of the document). Around it, this module:

- scans the bytes once for braces (a C-level search, so pictures' hex data is skipped, not read
  character by character): groups of binary data (pictures, embedded objects, ``\binN`` bytes)
  are dropped before striprtf sees them, the ``\info`` group is kept aside for the properties, and
  a file whose groups never close is said to be cut short (its text so far is kept);
- reads the code page itself (``\ansicpg1251``, ``\mac``, ``\pc``) and hands it to striprtf as the
  default, so that fonts of the "default" charset and raw 8-bit text are Cyrillic in a Russian
  file, and Mac code pages Python names differently (10000 is ``mac_roman``) are read;
- gives paragraphs a blank line between them as the other document readers do, a line break
  inside a paragraph one newline, table cells a tab between them and rows a line each; and
  joins the halves of characters outside the Basic Multilingual Plane (``\u-10179`` ``\u-8694``).

Speed (2026-12, a 22 MB RTF LibreOffice wrote of 1.09 million characters of Russian text and
eleven pictures): 9.1 s, striprtf alone 27 s (its picture removal goes character by character).
striprtf's loop is Python, about 120,000 characters of Cyrillic a second, so RTF is read in
the importer's worker processes.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from db.dates import PartialDate
from db.ingest._common import first_line_title, read_bytes, trim_title
from db.ingest.base import IngestError, ParsedSource

EXTENSIONS: tuple[str, ...] = (".rtf",)
MEDIA_TYPE = "application/rtf"

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: braces, escaped characters and ``\binN`` (raw bytes follow, braces among them)
_TOKEN = re.compile(rb"\\bin(-?\d{1,10}) ?|\\[\\{}]|[{}]")
#: groups that hold binary data, never text (a picture's data alone can be megabytes of hex)
_BINARY_GROUP = re.compile(
    rb"\{(?:\\\*)?\\(?:pict|objdata|datastore|themedata|colorschememapping|blipuid|fontemb)(?![a-zA-Z])")
_INFO_GROUP = re.compile(rb"\{\\info(?![a-zA-Z])")
_CODE_PAGE = re.compile(rb"\\ansicpg(\d{1,5}) ?")
_CHARACTER_SET = re.compile(rb"\\(ansi|mac|pca|pc)(?![a-zA-Z])")
#: control words rewritten before striprtf reads the text: a line break inside a paragraph
#: (striprtf gives it the same newline as a paragraph's end) and table cells (a "|" in striprtf)
_LINE_BREAK = re.compile(rb"(?<!\\)\\line(?![a-zA-Z]) ?")
_CELL = re.compile(rb"(?<!\\)\\(?:nest)?cell(?![a-zA-Z]) ?")
_MARK = "\u2028"  # stands for a line break inside a paragraph until paragraphs are spaced
_SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\xad]")
_TRAILING_SPACE = re.compile(r"[ \t\xa0]+(?=\n|$)")
_BLANK_LINES = re.compile(r"\n{2,}")

#: code pages Python knows by another name than cpNNNN
_PYTHON_CODEC = {"10000": "mac_roman", "10006": "mac_greek", "10007": "mac_cyrillic",
                 "10029": "mac_latin2", "10079": "mac_iceland", "10081": "mac_turkish",
                 "20866": "koi8_r", "21866": "koi8_u", "28591": "latin_1", "65001": "utf_8", "1200": "utf_16_le", "1201": "utf_16_be"}
_CHARACTER_SET_CODEC = {b"ansi": "cp1252", b"mac": "mac_roman", b"pc": "cp437", b"pca": "cp850"}


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one RTF document as one source."""
    yield read_rtf(read_bytes(path), path.stem)


def read_rtf(data: bytes, name: str) -> ParsedSource:
    """The source in RTF ``data``; ``name`` is the title of last resort."""
    start = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start.startswith(b"{\\rtf"):
        if data.startswith(_OLE_MAGIC):
            raise IngestError("not an RTF file: this is an old Word .doc (or another Office file) with an .rtf name")
        if data.startswith(b"PK\x03\x04"):
            raise IngestError("not an RTF file: this is a zip file (a .docx or .odt?) with an .rtf name")
        raise IngestError("not an RTF file (it does not begin with {\\rtf)")
    groups = _groups(start)
    codec = _codec(start[:4096])
    try:
        text = _plain_text(groups.body, codec)
        properties = _properties(groups.info, codec) if groups.info else _Properties()
    except Exception as exc:  # striprtf on what it did not foresee (a code page Python lacks ...)
        raise IngestError(f"not a readable RTF file (damaged?): {exc}") from None
    warnings = []
    if groups.open_at_end:
        warnings.append("the file ends before its last group closes (cut short?): the text up to there was kept")
    if not text:
        warnings.append("the document has no text")
    return ParsedSource(
        text=text,
        title=trim_title(properties.title) or first_line_title(text) or trim_title(name),
        author=trim_title(properties.author),
        published=properties.created,
        warnings=warnings,
    )


@dataclass
class _Groups:
    #: the document without its binary groups
    body: bytes
    #: the ``{\info ...}`` group, if any
    info: bytes | None
    #: groups were still open when the file ended
    open_at_end: bool


def _groups(data: bytes) -> _Groups:
    """One pass over the braces: binary groups left out, the info group kept aside, the end of
    the document (its outer group's closing brace) found."""
    kept: list[bytes] = []
    run_start = 0  # where the run of kept bytes started (None while inside a dropped group)
    dropping_at: int | None = None  # depth of the binary group being dropped
    info: bytes | None = None
    info_at: tuple[int, int] | None = None  # (start, depth) of the info group
    depth = 0
    pos = 0
    end = len(data)
    while (match := _TOKEN.search(data, pos)) is not None:
        count = match.group(1)
        if count is not None:  # \binN: N raw bytes follow, braces and all
            if dropping_at is None:
                kept.append(data[run_start:match.start()])
            pos = match.end() + max(0, int(count))
            run_start = pos
            continue
        pos = match.end()
        token = match.group()
        if token == b"{":
            depth += 1
            if dropping_at is None and _BINARY_GROUP.match(data, match.start()):
                kept.append(data[run_start:match.start()])
                dropping_at = depth
            elif info_at is None and info is None and _INFO_GROUP.match(data, match.start()):
                info_at = (match.start(), depth)
        elif token == b"}":
            if dropping_at == depth:
                dropping_at = None
                run_start = pos
            if info_at is not None and info_at[1] == depth:
                info = data[info_at[0]:pos]
                info_at = None
            depth -= 1
            if depth <= 0:  # the document's group is closed: what follows is no part of it
                end = pos
                break
    if dropping_at is None and run_start < end:
        kept.append(data[run_start:end])
    return _Groups(b"".join(kept), info, open_at_end=depth > 0)


def python_codec(code_page: int) -> str | None:
    """The Python codec of a Windows code page number (1251, 65001, Mac's 10007 ...), if any."""
    for candidate in (_PYTHON_CODEC.get(str(code_page)), f"cp{code_page}"):
        if candidate is not None:
            try:
                return codecs.lookup(candidate).name
            except LookupError:
                continue
    return None


def _codec(header: bytes) -> str:
    """The Python codec of the document's code page (``\\ansicpgN``, else its character set)."""
    page = _CODE_PAGE.search(header)
    codec = python_codec(int(page.group(1))) if page is not None else None
    if codec is not None:
        return codec
    charset = _CHARACTER_SET.search(header)
    return _CHARACTER_SET_CODEC[charset.group(1)] if charset is not None else "cp1252"


def _decoded(data: bytes, codec: str) -> str:
    """The RTF as text for striprtf: its code page stated to it as the default rather than in
    the text (striprtf would not know Mac code pages), line breaks and cells marked."""
    data = _CODE_PAGE.sub(b"", data, count=1)
    data = _LINE_BREAK.sub(b"{\\\\uc1\\\\u8232 ?}", data)  # its own group: no fallback skipped after it
    data = _CELL.sub(b"\\\\tab ", data)
    if data.isascii():
        return data.decode("ascii")
    try:  # raw 8-bit text: UTF-8 from some programs, else the document's code page
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode(codec, errors="replace")


def _plain_text(body: bytes, codec: str) -> str:
    from striprtf.striprtf import rtf_to_text

    raw: str = rtf_to_text(_decoded(body, codec), encoding=codec, errors="replace")  # type: ignore[no-untyped-call]
    return _tidy(raw)


def _tidy(raw: str) -> str:
    """Paragraphs a blank line apart, line breaks one newline, no control characters, and the
    two halves of a character outside the BMP joined (lone halves replaced)."""
    text = _SURROGATE_PAIR.sub(_join_pair, raw)
    text = _SURROGATE.sub("\ufffd", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    text = _TRAILING_SPACE.sub("", text)
    text = _BLANK_LINES.sub("\n", text.strip("\n"))
    return text.replace("\n", "\n\n").replace(_MARK, "\n").strip()


def _join_pair(match: re.Match[str]) -> str:
    return match.group().encode("utf-16-le", "surrogatepass").decode("utf-16-le")


_PROPERTY = re.compile(rb"\{\\(title|author|creatim)(?![a-zA-Z])")
_DATE_PART = re.compile(rb"\\(yr|mo|dy)(\d{1,4})")


@dataclass
class _Properties:
    title: str | None = None
    author: str | None = None
    created: PartialDate | None = None


def _properties(info: bytes, codec: str) -> _Properties:
    """Title, author and creation date from the info group. A property may be there twice (an
    ANSI copy and, in ``\\*\\ud``, a Unicode one, as LibreOffice writes it): the last one wins."""
    found = _Properties()
    for match in _PROPERTY.finditer(info):
        key = match.group(1).decode()
        group = info[match.end():_group_end(info, match.start())]
        if key == "creatim":
            parts = {name.decode(): int(value) for name, value in _DATE_PART.findall(group)}
            found.created = _date(parts) or found.created
            continue
        value = _plain_text(b"{\\rtf1 " + group + b"}", codec).replace("\n", " ").strip()
        if value and value.count("?") * 2 < len(value.replace(" ", "")):  # not an ANSI copy of Cyrillic
            setattr(found, key, value)
    return found


def _group_end(data: bytes, start: int) -> int:
    """Where the group opening at ``start`` closes (the end of ``data`` if it never does)."""
    depth = 0
    pos = start
    while (match := _TOKEN.search(data, pos)) is not None:
        pos = match.end()
        if match.group() == b"{":
            depth += 1
        elif match.group() == b"}":
            depth -= 1
            if depth == 0:
                return match.start()
    return len(data)


def _date(parts: dict[str, int]) -> PartialDate | None:
    year, month, day = parts.get("yr", 0), parts.get("mo") or None, parts.get("dy") or None
    if not 1000 <= year <= 2999:
        return None  # \printim\yr0: never printed
    try:
        return PartialDate(year, month, day if month else None)
    except ValueError:
        return PartialDate(year)
