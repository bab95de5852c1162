"""PDF: text page by page with page boundaries, document properties, encrypted files.

Pages are read with their layout by :mod:`db.ingest.pdflayout` (pdfplumber: reading order,
columns, tables one row a line). pypdf opens the file (encryption, damage, properties) and gives
the plain text where the layout cannot be read: then a warning names the pages, whose tables
may run together.

A PDF without a text layer (a scan) is still a source: its text is empty and a warning says so,
so the researcher sees it in the archive and OCR can fill it in later.
"""

from __future__ import annotations

import contextlib
import logging
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from db.ingest._common import (
    date_from_datetime,
    first_line_title,
    read_bytes,
    trim_title,
)
from db.ingest.base import IngestError, ParsedSource, PasswordRequired
from db.ingest.pdflayout import CELL_SEPARATOR
from db.ingest.pdftext import mend_pages

EXTENSIONS: tuple[str, ...] = (".pdf",)
MEDIA_TYPE = "application/pdf"

PAGE_SEPARATOR = "\n\n"
_LIGATURES = str.maketrans(
    {
        "\ufb00": "ff",
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\ufb05": "st",
        "\ufb06": "st",
    }
)
# "Microsoft Word - report.docx", "untitled", "Document1", "scan0001.pdf" ...
_PLACEHOLDER_TITLE = re.compile(
    r"^(?:microsoft \w+ - |untitled\b|document\d*$|\S+\.(?:docx?|pdf|indd|qxd|odt|rtf|txt)$)",
    re.IGNORECASE,
)
NO_TEXT_WARNING = "no text layer (scanned?); the file is kept, OCR may come later"


def parse(
    path: Path, *, password: str | None = None, options: object | None = None
) -> Iterator[ParsedSource]:
    """Read one PDF as one source; ``password`` opens an encrypted one."""
    import io

    data = read_bytes(path)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise IngestError("not a PDF file (no %PDF header)")
    problems: list[str] = []
    if b"%%EOF" not in data[-2048:]:
        problems.append("the file seems truncated; pages at its end may be missing")
    with _quiet_pypdf():
        reader = _open(io.BytesIO(data), password)
        texts = mend_pages(_layout_texts(data, reader, _page_texts(reader, problems), problems))
        info = _document_info(reader)
    if not texts:
        raise IngestError("the PDF has no pages that can be read (damaged or truncated?)")
    page_starts: list[int] = []
    offset = 0
    for index, page in enumerate(texts):
        if index:
            offset += len(PAGE_SEPARATOR)
        page_starts.append(offset)
        offset += len(page)
    text = PAGE_SEPARATOR.join(texts)
    if not text.strip():
        text = ""
        page_starts = [0] * len(texts)
        problems.insert(0, NO_TEXT_WARNING)
    else:
        blank = [str(number) for number, page in enumerate(texts, start=1) if not page]
        if blank:
            listed = ", ".join(blank[:10]) + (" ..." if len(blank) > 10 else "")
            problems.append(f"no text on page(s) {listed} (images only?)")
    # OCR hook (db.ingest.ocr): pages without a text layer are only named here; the importer
    # reads them by OCR page by page, with progress and cancel, and replaces the warnings above.
    scanned = [index for index, page in enumerate(texts) if not page]
    yield ParsedSource(
        text=text,
        title=_useful_title(info.get("title")) or first_line_title(text) or trim_title(path.stem),
        author=trim_title(info.get("author")),
        published=date_from_datetime(info.get("created")),
        page_starts=page_starts,
        warnings=problems,
        scanned_pages=scanned,
    )


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Hide pypdf's and pdfminer's log lines and warnings about damage we handle (and report) ourselves."""
    loggers = [logging.getLogger(name) for name in ("pypdf", "pdfminer")]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


def _open(stream: Any, password: str | None) -> Any:
    from pypdf import PasswordType, PdfReader
    from pypdf.errors import DependencyError

    try:
        reader = PdfReader(stream, strict=False)
    except Exception as exc:  # pypdf raises many kinds on damaged files
        raise IngestError(f"not a readable PDF (damaged or truncated?): {exc}") from None
    try:
        encrypted = reader.is_encrypted
    except Exception as exc:
        raise IngestError(f"not a readable PDF (damaged or truncated?): {exc}") from None
    if not encrypted:
        return reader
    try:
        # Many PDFs are encrypted only to restrict printing; they open with an empty password.
        opened = reader.decrypt(password if password is not None else "")
    except DependencyError:
        raise IngestError("this PDF's encryption needs the 'cryptography' package") from None
    except Exception as exc:
        raise IngestError(f"the PDF's encryption cannot be read: {exc}") from None
    if opened == PasswordType.NOT_DECRYPTED:
        if password is None:
            raise PasswordRequired("the PDF is encrypted: give its password to import it")
        raise PasswordRequired("wrong password for this encrypted PDF")
    return reader


def _page_texts(reader: Any, problems: list[str]) -> list[str]:
    try:
        pages = list(reader.pages)
    except Exception as exc:
        raise IngestError(f"not a readable PDF (damaged or truncated?): {exc}") from None
    texts: list[str] = []
    unreadable: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            raw = page.extract_text() or ""
        except Exception:
            unreadable.append(number)
            raw = ""
        texts.append(plain_tidy(raw))
    if unreadable and len(unreadable) == len(pages):
        raise IngestError("no page of the PDF can be read (damaged or truncated?)")
    if unreadable:
        listed = ", ".join(str(n) for n in unreadable[:10])
        problems.append(f"the text of page(s) {listed} could not be read")
    return texts


def _layout_texts(data: bytes, reader: Any, plain: list[str], problems: list[str]) -> list[str]:
    """Each page's text with its layout where pdfplumber reads it, else the plain text."""
    import io

    if reader.is_encrypted:
        return plain  # opened by pypdf's decryption; pdfminer's is not the same
    import pdfplumber

    from db.ingest.pdflayout import page_layout_text

    failed: list[int] = []
    texts = list(plain)
    from db import optional_parts

    kept_cjk = False
    cjk_maps = optional_parts.installed("cjk-pdf")
    try:
        with pdfplumber.open(io.BytesIO(data)) as document:
            pages = list(document.pages)
            if len(pages) != len(plain):
                raise ValueError("pages counted differently")
            for index, page in enumerate(pages):
                if not plain[index]:
                    continue  # no text layer: the page stays as pypdf found it
                if not cjk_maps and _CJK.search(plain[index]):
                    kept_cjk = True  # pdfminer would lose the characters its missing maps decode
                    continue
                try:
                    laid_out = _tidy(page_layout_text(page))
                except Exception:
                    failed.append(index + 1)
                    continue
                finally:
                    page.close()
                if laid_out:
                    texts[index] = _soft_hyphens_mended(laid_out, plain[index])
    except Exception:
        problems.append("the layout of the pages could not be read (tables and columns may run "
                        "together): the plain text is kept")
        return plain
    if kept_cjk:
        optional_parts.report_missing("cjk-pdf")
        problems.append("Chinese, Japanese or Korean text: its layout is not read without the CJK "
                        f"character maps ({optional_parts.archive_name('cjk-pdf')}, not installed); "
                        "the plain text is kept")
    if failed:
        listed = ", ".join(str(n) for n in failed[:10]) + (" ..." if len(failed) > 10 else "")
        problems.append(f"the layout of page(s) {listed} could not be read (tables and columns "
                        "may run together): their plain text is kept")
    return texts


#: Han, kana, Hangul: text pdfminer decodes through the CJK character maps (an optional part)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


_LINE_BREAK_IN_WORD = re.compile(r"([^\W\d_]+)\n([^\W\d_A-Z]+)")


def _soft_hyphens_mended(laid_out: str, plain: str) -> str:
    """Words broken at a soft hyphen joined again. pdfminer drops the soft hyphen that pypdf
    keeps (and :func:`_tidy` joins at): a line break inside a word that pypdf's text holds
    whole ("Ab\nkhazia", "Abkhazia") is a break at a soft hyphen."""
    if "\n" not in laid_out:
        return laid_out

    def mend(match: re.Match[str]) -> str:
        joined = match.group(1) + match.group(2)
        if re.search(rf"(?<!\w){re.escape(joined)}(?!\w)", plain):
            return joined
        return match.group(0)

    return _LINE_BREAK_IN_WORD.sub(mend, laid_out)


def plain_tidy(text: str) -> str:
    """Plain (pypdf) text tidied, its tabs made spaces: a tab marks a table's cells."""
    return _tidy(text).replace(CELL_SEPARATOR, " ")


def _tidy(text: str) -> str:
    # Zero-width spaces and stray NULs come from some PDF generators; line ends become \n;
    # typographic ligatures ("ﬁ") become letters so that a search for "filled" finds "ﬁlled".
    # Soft hyphens only mark where a word may break: they are dropped, joining the word.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    text = text.replace("\u00ad\n", "").replace("\u00ad", "")
    # A glyph its font maps to no character (a bullet, a square) comes from pdfminer as "(cid:3)".
    text = _UNMAPPED_GLYPH.sub("", text)
    return text.replace("\u200b", "").translate(_LIGATURES).strip()


_UNMAPPED_GLYPH = re.compile(r"\(cid:\d+\)[ \t]?")


def _useful_title(title: str | None) -> str | None:
    """The title property, unless it is a placeholder or the name of the file it came from."""
    title = trim_title(title)
    if title is None or _PLACEHOLDER_TITLE.search(title):
        return None
    return title


def _document_info(reader: Any) -> dict[str, Any]:
    try:
        meta = reader.metadata
    except Exception:
        return {}
    if meta is None:
        return {}
    info: dict[str, Any] = {}
    for key, attribute in (("title", "title"), ("author", "author")):
        try:
            value = getattr(meta, attribute)
        except Exception:
            continue
        if isinstance(value, str) and value.strip():
            info[key] = value
    # An unparseable date string leaves the date unknown.
    with contextlib.suppress(Exception):
        info["created"] = meta.creation_date
    return info
