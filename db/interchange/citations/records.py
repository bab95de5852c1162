"""A source as a citation record, and the record in CSL-JSON, RIS and BibTeX/BibLaTeX.

News is cited as news: CSL ``article-newspaper`` with ``container-title`` (RIS ``TY  - NEWS``
with ``T2``; BibLaTeX ``@article`` with ``journaltitle`` and ``entrysubtype = {newspaper}``), the
date as precise as it is known (``issued`` date-parts of one, two or three parts), the URL and
the language. The record's id is the source's UUID, so a bibliography exported by Dossier and
imported again finds its sources.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dates import PartialDate
from db.models import Actor
from db.rows import partial

#: Dossier's kinds of source as CSL types (anything else is a "document")
CSL_TYPES = {"article": "article-newspaper", "email": "personal_communication", "post": "post",
             "note": "document", "report": "report", "webpage": "webpage"}
RIS_TYPES = {"article-newspaper": "NEWS", "personal_communication": "PCOMM", "post": "BLOG", "report": "RPRT",
             "webpage": "ELEC", "document": "GEN", "article-journal": "JOUR", "book": "BOOK", "chapter": "CHAP",
             "article-magazine": "MGZN", "thesis": "THES", "dataset": "DATA", "article": "GEN"}
BIBTEX_TYPES = {"article-newspaper": "article", "article-journal": "article", "article-magazine": "article",
                "book": "book", "chapter": "incollection", "report": "report", "thesis": "thesis",
                "webpage": "online", "post": "online"}


@dataclass
class Record:
    id: str
    type: str
    title: str = ""
    container: str | None = None
    authors: list[str] = field(default_factory=list)
    issued: PartialDate | None = None
    url: str | None = None
    language: str | None = None
    abstract: str | None = None
    note: str | None = None
    #: files the reference manager exported with the record (paths as written in the export)
    files: list[str] = field(default_factory=list)


def records_of(session: Session, source_ids: Sequence[int] | None) -> list[Record]:
    from db.interchange.refi.from_archive import chosen_sources

    sources = chosen_sources(session, source_ids)
    outlets = dict(session.execute(select(Actor.id, Actor.name)).all())
    return [
        Record(id=s.uuid, type=CSL_TYPES.get(s.kind, "document"), title=s.title, container=outlets.get(s.outlet_id) if s.outlet_id else None,
               authors=split_authors(s.author), issued=partial(s.published, s.published_precision), url=s.url,
               language=s.language, note=s.notes)
        for s in sources
    ]


def split_authors(byline: str | None) -> list[str]:
    """A byline's names ("By Anna Nemtsova and Jane Doe", "Nemtsova, Anna")."""
    if not byline:
        return []
    text = re.sub(r"^\s*by\s+", "", byline.strip(), flags=re.IGNORECASE)
    if ";" in text or " and " in text or " & " in text:
        return [p.strip() for p in re.split(r";| and | & ", text) if p.strip()]
    return [text]


def _csl_name(name: str) -> dict[str, str]:
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return {"family": family, "given": given}
    words = name.split()
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        return {"family": words[-1], "given": " ".join(words[:-1])}
    return {"literal": name}


def _date_parts(date: PartialDate) -> list[int]:
    return [p for p in (date.year, date.month, date.day) if p is not None]


def csl_item(record: Record) -> dict[str, Any]:
    item: dict[str, Any] = {"id": record.id, "type": record.type, "title": record.title}
    if record.container:
        item["container-title"] = record.container
    if record.authors:
        item["author"] = [_csl_name(a) for a in record.authors]
    if record.issued is not None:
        item["issued"] = {"date-parts": [_date_parts(record.issued)]}
    for key, value in (("URL", record.url), ("language", record.language), ("abstract", record.abstract), ("note", record.note)):
        if value:
            item[key] = value
    return item


def ris_entry(record: Record) -> dict[str, Any]:
    entry: dict[str, Any] = {"type_of_reference": RIS_TYPES.get(record.type, "GEN"), "id": record.id, "title": record.title}
    if record.container:
        entry["secondary_title"] = record.container
    if record.authors:
        entry["authors"] = [", ".join(reversed(list(_csl_name(a).values()))) if "literal" not in _csl_name(a) else a
                            for a in record.authors]
    if record.issued is not None:
        entry["year"] = str(record.issued.year)
        entry["date"] = "/".join(f"{p:02d}" if i else str(p) for i, p in enumerate(_date_parts(record.issued)))
    if record.url:
        entry["urls"] = [record.url]
    if record.language:
        entry["language"] = record.language
    if record.note:
        entry["notes"] = [record.note]
    return entry


def _bib_escape(value: str) -> str:
    return value.replace("\\", "\\textbackslash{}").replace("{", "\\{").replace("}", "\\}").replace("&", "\\&").replace("%", "\\%").replace("#", "\\#")


def bibtex_entries(records: Sequence[Record]) -> str:
    """BibTeX that BibLaTeX reads as well: ``journal``/``year``/``month`` beside
    ``journaltitle``/``date``/``entrysubtype``; values braced, special characters escaped."""
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.model import Entry, Field

    library = Library()
    keys: set[str] = set()
    for record in records:
        key = _citation_key(record, keys)
        # titles keep their capitals (BibTeX styles would lower-case them): one more pair of braces
        fields = [Field("title", "{" + _bib_escape(record.title) + "}")]
        if record.authors:
            fields.append(Field("author", " and ".join(_bib_escape(a) for a in record.authors)))
        if record.container:
            fields += [Field("journal", _bib_escape(record.container)), Field("journaltitle", _bib_escape(record.container))]
        if record.type == "article-newspaper":
            fields.append(Field("entrysubtype", "newspaper"))
        if record.issued is not None:
            fields += [Field("date", record.issued.iso()), Field("year", str(record.issued.year))]
            if record.issued.month:
                fields.append(Field("month", str(record.issued.month)))
        if record.url:
            fields.append(Field("url", record.url))
        if record.language:
            fields.append(Field("langid", _bib_escape(record.language)))
        if record.note:
            fields.append(Field("note", _bib_escape(record.note)))
        fields.append(Field("dossier-uuid", record.id))
        library.add(Entry(BIBTEX_TYPES.get(record.type, "misc"), key, fields))
    return str(write_string(library))


def _citation_key(record: Record, taken: set[str]) -> str:
    first = record.authors[0] if record.authors else (record.container or "source")
    name = _csl_name(first)
    stem = re.sub(r"[^A-Za-z0-9]", "", (name.get("family") or name.get("literal") or "source"))[:20] or "source"
    stem += str(record.issued.year) if record.issued else ""
    key, n = stem, 1
    while key in taken:
        n += 1
        key = f"{stem}{chr(96 + n) if n < 27 else n}"
    taken.add(key)
    return key


def write_records(out: Path, kind: str, records: Sequence[Record]) -> int:
    if kind == "csl":
        text = json.dumps([csl_item(r) for r in records], ensure_ascii=False, indent=1)
    elif kind == "ris":
        import rispy

        class Writer(rispy.RisWriter):  # type: ignore[misc]
            def set_header(self, count: int) -> str:
                return ""  # no "1." line before each record: Zotero reads plain RIS

        text = rispy.dumps([ris_entry(r) for r in records], implementation=Writer)
    else:
        text = bibtex_entries(records)
    partial_path = out.with_name(out.name + ".part")
    try:
        partial_path.write_text(text, encoding="utf-8")
        partial_path.replace(out)
    finally:
        partial_path.unlink(missing_ok=True)
    return len(records)


def export_citations(session: Session, out: Path, kind: str, source_ids: Sequence[int] | None = None) -> int:
    """Write the chosen sources (all: None) as ``csl``, ``ris`` or ``bibtex``; returns how many."""
    return write_records(out, kind, records_of(session, source_ids))
