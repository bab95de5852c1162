"""Annotations as W3C Web Annotations (JSON-LD), out and in.

Each annotation targets its source (``urn:uuid:`` of the source, with ``schema:sha256`` of the
text version it was made on) through a ``TextQuoteSelector`` (exact, prefix, suffix) and a
``TextPositionSelector`` in code points; its body holds its codes (``purpose: tagging``) and its
note (``purpose: commenting``). An export is an ``AnnotationCollection`` with one page.

Importing reads one annotation, a list, a page or a collection. Each annotation's source is
found by its ``urn:uuid:`` or its URL; its span by position when the text is the version it was
made on, otherwise by its quote and context (``db.anchors``); one that cannot be placed is
reported, not guessed. An annotation already in the archive (same id) is not added again.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any
from uuid import uuid4

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from db.anchors import Anchor, Placement, reanchor
from db.commands import anchor_context, sha256_of
from db.importer.results import ImportOptions, ImportResult
from db.importer.writer import Writer
from db.interchange.refi.model import guid_of
from db.interchange.refi.store import existing
from db.models import Annotation, Code, Source, annotation_codes

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def _stamp(value: dt.datetime | None) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value is not None else None


def annotation_json(annotation: Annotation, source: Source, codes: Sequence[Code], text_sha256: str) -> dict[str, Any]:
    body: list[dict[str, Any]] = [
        {"id": f"urn:uuid:{c.uuid}", "type": "TextualBody", "purpose": "tagging", "value": c.name} for c in codes]
    if annotation.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "value": annotation.note, "format": "text/plain"})
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "id": f"urn:uuid:{annotation.uuid}",
        "type": "Annotation",
        "motivation": "commenting" if annotation.note else ("tagging" if codes else "highlighting"),
        "created": _stamp(annotation.created_at),
        "modified": _stamp(annotation.modified_at),
        "target": {
            "type": "SpecificResource",
            "source": {"id": f"urn:uuid:{source.uuid}", "type": "Text", "format": "text/plain",
                       "schema:name": source.title, "schema:sha256": text_sha256,
                       **({"schema:url": source.url} if source.url else {})},
            "selector": [
                {"type": "TextQuoteSelector", "exact": annotation.quote, "prefix": annotation.prefix,
                 "suffix": annotation.suffix},
                {"type": "TextPositionSelector", "start": annotation.start, "end": annotation.end},
            ],
        },
    }
    if annotation.created_by:
        data["creator"] = {"type": "Person", "name": annotation.created_by}
    if body:
        data["body"] = body
    return {k: v for k, v in data.items() if v is not None}


def export_annotations(session: Session, out: Path, source_ids: Sequence[int] | None = None) -> int:
    """Write the annotations of the chosen sources (all: None) as a W3C AnnotationCollection;
    orphaned annotations are left out (they have no place to point to). Returns how many."""
    from db.interchange.refi.from_archive import chosen_sources

    sources = chosen_sources(session, source_ids)
    items: list[dict[str, Any]] = []
    for source in sources:
        digest = sha256_of(source.text)
        for annotation in session.scalars(
            select(Annotation).where(Annotation.source_id == source.id, Annotation.orphaned.is_(False))
            .order_by(Annotation.start, Annotation.id)
        ):
            items.append(annotation_json(annotation, source, annotation.codes, digest))
    collection = {"@context": CONTEXT, "id": f"urn:uuid:{uuid4()}",
                  "type": "AnnotationCollection", "label": "Dossier annotations", "total": len(items),
                  "first": {"type": "AnnotationPage", "startIndex": 0, "items": items}}
    partial = out.with_name(out.name + ".part")
    try:
        partial.write_text(json.dumps(collection, ensure_ascii=False, indent=1), encoding="utf-8")
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return len(items)


# --- the model's rules ------------------------------------------------------------------------


def _is_iri(value: object) -> bool:
    return isinstance(value, str) and bool(_IRI.match(value))


def _selector_problems(selector: Any, where: str) -> Iterator[str]:
    if isinstance(selector, list):
        for item in selector:
            yield from _selector_problems(item, where)
        return
    if isinstance(selector, str):
        if not _is_iri(selector):
            yield f"{where}: a selector given by reference must be an IRI"
        return
    if not isinstance(selector, dict):
        yield f"{where}: a selector must be an object or an IRI"
        return
    kind = selector.get("type")
    if kind == "TextQuoteSelector" and not isinstance(selector.get("exact"), str):
        yield f"{where}: a TextQuoteSelector needs exactly one exact text"
    if kind == "TextPositionSelector":
        start, end = selector.get("start"), selector.get("end")
        if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end):
            yield f"{where}: a TextPositionSelector needs whole start <= end, not below 0"
    if kind == "FragmentSelector":
        if not isinstance(selector.get("value"), str):
            yield f"{where}: a FragmentSelector needs exactly one value"
        if "conformsTo" in selector and not _is_iri(selector["conformsTo"]):
            yield f"{where}: conformsTo must be one IRI"
    if "refinedBy" in selector:
        yield from _selector_problems(selector["refinedBy"], where)


def _resource_problems(resource: Any, where: str) -> Iterator[str]:
    if isinstance(resource, list):
        for item in resource:
            yield from _resource_problems(item, where)
        return
    if isinstance(resource, str):
        if not _is_iri(resource):
            yield f"{where} must be an IRI or an object"
        return
    if not isinstance(resource, dict):
        yield f"{where} must be an IRI or an object"
        return
    if "id" in resource and not _is_iri(resource["id"]):
        yield f"{where}: its id must be one IRI"
    kind = resource.get("type")
    if kind == "TextualBody" and not isinstance(resource.get("value"), str):
        yield f"{where}: a TextualBody needs exactly one value (text)"
    if kind == "SpecificResource" and "source" not in resource:
        yield f"{where}: a SpecificResource needs a source"
    if kind in ("Choice", "Composite", "List", "Independents"):
        items = resource.get("items")
        if not isinstance(items, list):
            yield f"{where}: a {kind} needs a list of items"
        else:
            yield from _resource_problems(items, where)
    for key in ("format", "language", "textDirection", "processingLanguage"):
        value = resource.get(key)
        if key in ("textDirection", "processingLanguage") and value is not None and not isinstance(value, str):
            yield f"{where}: {key} takes one value"
        if key == "textDirection" and isinstance(value, str) and value not in ("ltr", "rtl", "auto"):
            yield f"{where}: textDirection is ltr, rtl or auto"
    if "selector" in resource:
        yield from _selector_problems(resource["selector"], where)


def problems(annotation: Any) -> list[str]:
    """Where ``annotation`` breaks the MUSTs of the Web Annotation Data Model (empty: none).

    Checked: the context, one IRI as id, the type, a target, body rules (TextualBody value,
    ``body`` and ``bodyValue`` not both), agents and dates, IRIs of rights/via/canonical, and the
    selectors Dossier reads and writes.
    """
    if not isinstance(annotation, dict):
        return ["an annotation is a JSON object"]
    found: list[str] = []
    context = annotation.get("@context")
    if not (context == CONTEXT or (isinstance(context, list) and CONTEXT in context)):
        found.append(f"@context must be (or include) {CONTEXT}")
    if not _is_iri(annotation.get("id")):
        found.append("id must be exactly one IRI")
    kind = annotation.get("type")
    if not (kind == "Annotation" or (isinstance(kind, list) and "Annotation" in kind)):
        found.append("type must include Annotation")
    if "target" not in annotation:
        found.append("an annotation needs a target")
    else:
        found.extend(_resource_problems(annotation["target"], "target"))
    if "body" in annotation and "bodyValue" in annotation:
        found.append("body and bodyValue cannot both be given")
    if "bodyValue" in annotation and not isinstance(annotation["bodyValue"], str):
        found.append("bodyValue must be one string")
    if "body" in annotation:
        found.extend(_resource_problems(annotation["body"], "body"))
    for key in ("creator", "generator"):
        if key in annotation and not isinstance(annotation[key], str | dict | list):
            found.append(f"{key} must be an IRI or an agent")
    for key in ("created", "modified", "generated"):
        if key in annotation and not (isinstance(annotation[key], str) and _DATETIME.match(annotation[key])):
            found.append(f"{key} must be one xsd:dateTime")
    for key in ("rights", "via", "canonical"):
        value = annotation.get(key)
        if value is not None and not (_is_iri(value) or (isinstance(value, list) and key != "canonical" and all(map(_is_iri, value)))):
            found.append(f"{key} must be an IRI")
    return found


# --- import ---------------------------------------------------------------------------------


def _items(data: Any) -> list[Any]:
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if data.get("type") == "AnnotationCollection":
            first = data.get("first")
            return _items(first) if isinstance(first, dict) else []
        if data.get("type") == "AnnotationPage":
            return data.get("items") or []
        return [data]
    return []


def _target(annotation: dict[str, Any]) -> tuple[str | None, dict[str, Any]]:
    target = annotation.get("target")
    target = target[0] if isinstance(target, list) and target else target
    if not isinstance(target, dict):
        return (target if isinstance(target, str) else None), {}
    source = target.get("source")
    selectors: dict[str, Any] = {}
    stack = [target.get("selector")]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, dict):
            selectors.setdefault(str(item.get("type")), item)
            stack.append(item.get("refinedBy"))
    if isinstance(source, dict):
        selectors["_sha256"] = source.get("schema:sha256")
        source = source.get("id") or source.get("schema:url")
    return (source if isinstance(source, str) else None), selectors


def import_annotations(writer: Writer, path: Path, options: ImportOptions) -> list[ImportResult]:
    """A JSON-LD file of Web Annotations onto the sources they name, in one unit of work."""
    name = str(path)
    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError) as error:
        return [ImportResult(name, "failed", error=f"not a JSON-LD file of Web Annotations ({error})")]
    items = _items(data)
    if not items:
        return [ImportResult(name, "failed", error="no Web Annotations in it")]
    try:
        with writer.unit() as session:
            return _store(session, name, items, options)
    except SQLAlchemyError as error:
        return [ImportResult(name, "failed", error=f"could not be saved, nothing of it was imported ({error})")]


def _store(session: Session, name: str, items: list[Any], options: ImportOptions) -> list[ImportResult]:
    results: list[ImportResult] = []
    for number, item in enumerate(items, start=1):
        part = f"annotation {number}"
        wrong = problems(item)
        if wrong:
            results.append(ImportResult(name, "failed", error="; ".join(wrong), part=part))
            continue
        uuid = guid_of(str(item["id"]).removeprefix("urn:uuid:"), name)
        assert uuid is not None
        if existing(session, Annotation, [uuid]):
            results.append(ImportResult(name, "duplicate", part=part))
            continue
        source_ref, selectors = _target(item)
        source = _find_source(session, source_ref)
        if source is None:
            results.append(ImportResult(name, "failed", error=f"its source {source_ref} is not in the archive", part=part))
            continue
        span = _place(source.text, selectors)
        if span is None:
            results.append(ImportResult(name, "failed", source_id=source.id, part=part,
                                        error="its text is not in the source any more (no selector places it)"))
            continue
        quote, prefix, suffix = anchor_context(source.text, *span)
        note, codes = _body(session, item)
        creator = item.get("creator")
        annotation = Annotation(uuid=uuid, source_id=source.id, start=span[0], end=span[1], quote=quote, prefix=prefix,
                                suffix=suffix, note=note,
                                created_by=(creator.get("name") if isinstance(creator, dict) else None) or options.created_by)
        session.add(annotation)
        session.flush()
        if codes:
            session.execute(annotation_codes.insert(), [{"annotation_id": annotation.id, "code_id": c} for c in dict.fromkeys(codes)])
        results.append(ImportResult(name, "imported", source_id=source.id, part=part, title=quote[:60]))
    return results


def _find_source(session: Session, reference: str | None) -> Source | None:
    if not reference:
        return None
    if reference.startswith("urn:uuid:"):
        return session.scalars(select(Source).where(Source.uuid == reference[9:].lower())).first()
    return session.scalars(select(Source).where(Source.url == reference)).first()


def _place(text: str, selectors: dict[str, Any]) -> tuple[int, int] | None:
    quote = selectors.get("TextQuoteSelector") or {}
    position = selectors.get("TextPositionSelector") or {}
    exact = quote.get("exact") if isinstance(quote.get("exact"), str) else None
    start, end = position.get("start"), position.get("end")
    fits = isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)
    # a position alone is trusted only on the text version it was made on
    same = exact is not None or selectors.get("_sha256") in (None, sha256_of(text))
    if fits and same and (exact is None or text[start:end] == exact):
        return int(start), int(end)  # type: ignore[arg-type]
    if exact:
        guess = start if isinstance(start, int) else 0
        anchor = Anchor(guess, guess + len(exact), exact, str(quote.get("prefix") or ""), str(quote.get("suffix") or ""))
        [result] = reanchor(text, [anchor])
        if result.placement is not Placement.ORPHANED:
            return result.start, result.end
    return None


def _body(session: Session, annotation: dict[str, Any]) -> tuple[str | None, list[int]]:
    bodies = annotation.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes: list[str] = []
    if isinstance(annotation.get("bodyValue"), str):
        notes.append(annotation["bodyValue"])
    codes: list[int] = []
    for body in bodies:
        if not isinstance(body, dict) or body.get("type") != "TextualBody":
            continue
        value = str(body.get("value", "")).strip()
        if not value:
            continue
        if body.get("purpose") in ("tagging", "classifying", "identifying"):
            codes.append(_code(session, body.get("id"), value))
        else:
            notes.append(value)
    return ("\n\n".join(notes) or None), codes


def _code(session: Session, identifier: object, name: str) -> int:
    if isinstance(identifier, str) and identifier.startswith("urn:uuid:"):
        found = session.scalar(select(Code.id).where(Code.uuid == identifier[9:].lower()))
        if found is not None:
            return int(found)
    found = session.scalar(select(Code.id).where(Code.name == name[:300]).order_by(Code.parent_id.is_not(None), Code.id))
    if found is not None:
        return int(found)
    code = Code(name=name[:300])
    session.add(code)
    session.flush()
    return code.id
