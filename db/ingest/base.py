"""What every format reader returns, and the errors it may raise.

A format module under ``db.ingest`` exposes ``EXTENSIONS`` (lower-case suffixes with the dot),
``MEDIA_TYPE`` and ``parse(path, *, password=None, options=None) -> Iterator[ParsedSource]``
(:mod:`db.ingest.formats` lists them). Readers never touch the database: the importer
(``db.importer``) stores what they return, one transaction per source. A reader of files that
carry other files (e-mail) returns those as :class:`Attachment` on its source; reading them with
their own formats' readers is :func:`db.ingest.parsing.parse_file`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db.dates import PartialDate


class IngestError(Exception):
    """A file cannot be read; the message says what is wrong in a researcher's words."""


class UnsupportedFile(IngestError):
    """The file has a suffix a reader takes but is not of its format (a .json that is not a
    Telegram export): the importer reports it as skipped, not failed."""


class PasswordRequired(IngestError):
    """The file is encrypted and no (or a wrong) password was given."""


@dataclass
class Comment:
    """A comment a document carried on a span of its text (Word comments), code-point offsets."""

    start: int
    end: int
    note: str
    author: str | None = None


@dataclass
class Attachment:
    """A file carried by another (an e-mail's attachment), to be read by its own format's reader."""

    name: str
    #: None when the part holds nothing that can be decoded into a file
    data: bytes | None
    #: put first among the warnings of each source read from it ("attached to the e-mail …")
    warning: str
    #: kept as the notes of each source read from it
    notes: str


@dataclass
class ParsedSource:
    """One source read from a file (a table of articles yields one per row)."""

    text: str
    title: str | None = None
    published: PartialDate | None = None
    #: the day-first reading of ``published`` when the file wrote it "08/01/2019", which reads
    #: either way: taken for a text in a language that writes the day first (all but English)
    published_day_first: PartialDate | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    kind: str = "article"
    #: code-point offsets in ``text`` where each page starts (PDF), empty otherwise
    page_starts: list[int] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    #: things the researcher should know (no text layer, guessed encoding ...)
    warnings: list[str] = field(default_factory=list)
    #: for table rows: a label such as "row 17" used in messages and duplicate keys
    part: str | None = None
    #: where the text came from when the file does not say it alone ("Forwarded from …",
    #: "Attached to the e-mail …"); kept as the source's notes
    notes: str | None = None
    #: files this source carries, read into sources of their own by parse_file
    attachments: list[Attachment] = field(default_factory=list)
    #: pages (0-based) with no text layer, a scan's: the importer reads them by OCR
    #: (db.ingest.ocr), where progress and cancel reach it
    scanned_pages: list[int] = field(default_factory=list)
