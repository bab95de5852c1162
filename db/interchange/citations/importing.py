"""Reading Zotero's (and other reference managers') exports as sources with their metadata:
CSL-JSON, RIS and BibTeX/BibLaTeX, with the files the export carries (Zotero's ``files/…`` paths
in ``L1`` or ``file``), whose text becomes the source's text; without a file the abstract, or
the title, stands for it. Each record a result; one unit of work per file; a record already in
the archive (the same id) is not added again."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from db.commands import NewSource, OriginalData, add_sources, sha256_of, store_originals
from db.dates import PartialDate
from db.importer.results import ImportOptions, ImportResult
from db.importer.writer import Writer
from db.ingest.formats import media_type
from db.ingest.parsing import parse_file
from db.interchange.citations.records import CSL_TYPES, RIS_TYPES, Record
from db.interchange.refi.model import guid_of
from db.interchange.refi.store import existing
from db.models import Source

_KINDS = {csl: kind for kind, csl in CSL_TYPES.items()} | {"post-weblog": "post", "article-magazine": "article",
                                                          "article-journal": "article"}
_FROM_RIS = {ris: csl for csl, ris in RIS_TYPES.items()} | {"NEWS": "article-newspaper", "ELEC": "webpage", "BLOG": "post"}
_FROM_BIBTEX = {"online": "webpage", "report": "report", "techreport": "report", "book": "book", "thesis": "thesis",
                "phdthesis": "thesis", "incollection": "chapter"}


class CitationError(ValueError):
    """The file is not a bibliography of the format its name says."""


def _text(data: bytes) -> str:
    return data.decode("utf-8-sig", errors="replace")


def _date(value: Any) -> PartialDate | None:
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            numbers = [int(p) for p in parts[0][:3] if str(p).lstrip("-").isdigit()]
            try:
                return PartialDate(*numbers) if numbers else None
            except (TypeError, ValueError):
                return None
        value = value.get("raw") or value.get("literal")
    if not isinstance(value, str):
        return None
    match = re.match(r"^\s*(\d{4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?", value)
    if not match:
        return None
    try:
        return PartialDate(*(int(g) for g in match.groups() if g))
    except ValueError:
        return None


def _name(value: Any) -> str | None:
    if isinstance(value, dict):
        if value.get("literal"):
            return str(value["literal"])
        return " ".join(str(value[k]) for k in ("given", "family") if value.get(k)) or None
    return str(value).strip() or None if value else None


def from_csl(data: bytes) -> list[Record]:
    try:
        items = json.loads(data)
    except ValueError as error:
        raise CitationError(f"not CSL-JSON ({error})") from None
    if isinstance(items, dict) and isinstance(items.get("items"), list):
        items = items["items"]
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise CitationError("not CSL-JSON (a list of items with a type and an id)")
    return [Record(id=str(i.get("id") or ""), type=str(i.get("type") or "document"), title=str(i.get("title") or ""),
                   container=i.get("container-title"), authors=[n for n in map(_name, i.get("author") or []) if n],
                   issued=_date(i.get("issued")), url=i.get("URL"), language=i.get("language"),
                   abstract=i.get("abstract"), note=i.get("note")) for i in items]


def from_ris(data: bytes) -> list[Record]:
    import rispy

    try:
        entries = rispy.loads(_text(data).lstrip("\ufeff"), skip_unknown_tags=True)
    except Exception as error:  # rispy raises bare IOError/ValueError subclasses on a bad file
        raise CitationError(f"not RIS ({error})") from None
    records = []
    for e in entries:
        authors = e.get("authors") or e.get("first_authors") or []
        names = [" ".join(reversed([p.strip() for p in a.split(",", 1)])) if "," in a else a for a in authors]
        files = [f for key in ("file_attachments1", "file_attachments2") for f in _listed(e.get(key))]
        notes = e.get("notes")
        records.append(Record(
            id=str(e.get("id") or ""), type=_FROM_RIS.get(e.get("type_of_reference", ""), "document"),
            title=e.get("title") or e.get("primary_title") or "", container=e.get("secondary_title") or e.get("journal_name"),
            authors=names, issued=_date(e.get("date") or e.get("year") or e.get("publication_year")),
            url=(e.get("urls") or [None])[0], language=e.get("language"), abstract=e.get("abstract"),
            note="\n".join(notes) if isinstance(notes, list) else notes, files=files))
    return records


def _listed(value: Any) -> list[str]:
    if not value:
        return []
    items = value if isinstance(value, list) else [value]
    return [p.strip() for item in items for p in str(item).split(";") if p.strip()]


def from_bibtex(data: bytes) -> list[Record]:
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.middlewares import LatexDecodingMiddleware

    library = parse_string(_text(data), append_middleware=[LatexDecodingMiddleware()])
    if not library.entries and library.failed_blocks:
        raise CitationError(f"not BibTeX ({len(library.failed_blocks)} block(s) could not be read)")
    records = []
    for entry in library.entries:
        fields = {f.key.lower(): str(f.value).strip() for f in entry.fields}
        kind = "article-newspaper" if fields.get("entrysubtype") == "newspaper" else (
            "article-journal" if entry.entry_type.lower() == "article" else _FROM_BIBTEX.get(entry.entry_type.lower(), "document"))
        year, month = fields.get("year"), fields.get("month")
        issued = _date(fields.get("date") or (f"{year}-{month}" if year and month and month.isdigit() else year))
        # Zotero: file = {Full Text PDF:files/12/report.pdf:application/pdf;Snapshot:files/12/page.html:text/html}
        files = [parts[1] if len(parts := f.split(":")) >= 3 else f for f in fields.get("file", "").split(";") if f.strip()]
        records.append(Record(
            id=fields.get("dossier-uuid") or entry.key, type=kind, title=fields.get("title", "").strip("{}"),
            container=fields.get("journaltitle") or fields.get("journal"),
            authors=[" ".join(reversed([p.strip() for p in a.split(",", 1)])) if "," in a else a.strip()
                     for a in re.split(r"\s+and\s+", fields.get("author", "")) if a.strip()],
            issued=issued, url=fields.get("url"), language=fields.get("langid") or fields.get("language"),
            abstract=fields.get("abstract"), note=fields.get("note"), files=files))
    return records


READERS = {"csl": from_csl, "ris": from_ris, "bibtex": from_bibtex}


def import_citations(writer: Writer, path: Path, kind: str, options: ImportOptions) -> list[ImportResult]:
    name = str(path)
    try:
        data = path.read_bytes()
        records = READERS[kind](data)
    except OSError as error:
        return [ImportResult(name, "failed", error=f"cannot read the file ({error.strerror or error})")]
    except CitationError as error:
        return [ImportResult(name, "failed", error=str(error))]
    if not records:
        return [ImportResult(name, "failed", error="no records in it")]
    try:
        with writer.unit() as session:
            [export_file] = store_originals(session, [OriginalData(data, path.name, media_type(path) or "text/plain")])
            uuids = [guid_of(r.id, "citation") if r.id else guid_of(sha256_of(f"{r.title}\x1f{r.url}\x1f{r.issued}"), "citation") for r in records]
            known = existing(session, Source, [u for u in uuids if u])
            results: list[ImportResult] = []
            fresh: list[tuple[int, NewSource, list[str]]] = []
            for number, (record, uuid) in enumerate(zip(records, uuids, strict=True), start=1):
                part = f"record {number}"
                if uuid in known:
                    results.append(ImportResult(name, "duplicate", source_id=known[uuid or ""], part=part, title=record.title))
                    continue
                new, warnings = _new_source(session, path, record, uuid, export_file, part, options)
                fresh.append((len(results), new, warnings))
                results.append(ImportResult(name, "imported", part=part, title=record.title, warnings=warnings))
            for (index, _new, _w), source_id in zip(fresh, add_sources(session, [f[1] for f in fresh]), strict=True):
                results[index].source_id = source_id
            return results
    except (SQLAlchemyError, ValueError) as error:
        return [ImportResult(name, "failed", error=f"could not be saved, nothing of it was imported ({error})")]


def _new_source(session: Any, path: Path, record: Record, uuid: str | None, export_file: int, part: str,
                options: ImportOptions) -> tuple[NewSource, list[str]]:
    warnings: list[str] = []
    text: str | None = None
    original, original_part = export_file, part
    for reference in record.files:
        attached = (path.parent / reference) if not Path(reference).is_absolute() else Path(reference)
        if not attached.is_file():
            warnings.append(f"its attached file {reference} is not beside the export; imported without it")
            continue
        parsed = parse_file(attached, options.password)
        if parsed.error or not parsed.sources:
            warnings.append(f"its attached file {reference} could not be read ({parsed.error or 'no text'})")
            continue
        text = "\n\n".join(s.text for s in parsed.sources)
        warnings += [w for s in parsed.sources for w in s.warnings]
        content = attached.read_bytes()
        [original] = store_originals(session, [OriginalData(content, attached.name, media_type(attached) or "application/octet-stream")])
        original_part = ""
        break
    if text is None and not record.files:
        warnings.append("no file in the export: the abstract (or the title) stands for its text")
    return NewSource(
        uuid=uuid, text=text or record.abstract or record.title, title=record.title, published=record.issued,
        outlet=record.container, author="; ".join(record.authors) or None, url=record.url, language=record.language,
        kind=_KINDS.get(record.type, "article"), sha256=sha256_of(f"citation\x1f{uuid}"), original_file_id=original,
        original_part=original_part or None, notes=record.note, created_by=options.created_by), warnings
