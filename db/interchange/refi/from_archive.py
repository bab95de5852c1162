"""The archive (or chosen sources) as a REFI-QDA :class:`Project` and the files of its ``.qdpx``.

What REFI has an element for goes there, so NVivo, MAXQDA, ATLAS.ti and QualCoder show it:
sources as text sources (their text in ``Sources/GUID.txt``, UTF-8, code points; a Word original
as ``richTextPath``, a PDF as a ``PDFSource`` with the text as its representation), the codes
with their colours, annotations as selections (the quote as ``name``, the note as
``Description``, one ``Coding`` per code), memos as notes, actors as cases (their mentions as
``SelectionRef``), relations between actors as links, a source's metadata and grading as
variables. What REFI has no element for (statistics as claims, a relation's dates and evidence,
actors' kinds and aliases, exact anchors) is kept in ``dossier/dossier.json``, which other tools
ignore and Dossier reads back; every row keeps its UUID as its GUID, so importing the export
into an archive that has the rows adds nothing.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dates import iso_or_none
from db.interchange.refi.model import (
    Case,
    Code,
    Link,
    Note,
    Project,
    Selection,
    TextSource,
    User,
    derived_guid,
)
from db.models import (
    Actor,
    Alias,
    Annotation,
    Memo,
    Mention,
    OriginalFile,
    Relation,
    Source,
    Statistic,
    annotation_codes,
)
from db.models import Code as CodeModel
from db.queries import in_chunks
from db.rows import partial

#: a source's metadata as REFI variables (shown by other tools as document attributes)
SOURCE_VARIABLES = ("Published", "Outlet", "Author", "URL", "Language", "Kind", "Reliability", "Credibility")
ACTOR_VARIABLES = ("Actor kind", "Aliases")
DEFAULT_USER = "Dossier"
_SUFFIXES = {"application/pdf": ".pdf", "text/html": ".html", "message/rfc822": ".eml", "text/csv": ".csv",
             "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}


@dataclass
class Export:
    project: Project
    #: members of the .qdpx besides project.qde, by path
    files: dict[str, bytes] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)


def user_guid(name: str | None) -> str:
    return derived_guid("user", name or DEFAULT_USER)


def chosen_sources(session: Session, source_ids: Sequence[int] | None) -> list[Source]:
    """The sources an export is asked for (None: all), by id; ValueError naming ids not in the archive."""
    query = select(Source).order_by(Source.id)
    if source_ids is None:
        return list(session.scalars(query))
    found: list[Source] = []
    for chunk in in_chunks(sorted(set(source_ids))):
        found.extend(session.scalars(query.where(Source.id.in_(chunk))))
    missing = set(source_ids) - {s.id for s in found}
    if missing:
        raise ValueError(f"no source {', '.join(map(str, sorted(missing)))}")
    return sorted(found, key=lambda s: s.id)


def _codes(session: Session) -> tuple[list[Code], dict[int, str]]:
    rows = session.execute(select(CodeModel.id, CodeModel.uuid, CodeModel.parent_id, CodeModel.name,
                                  CodeModel.color, CodeModel.description).order_by(CodeModel.name)).all()
    by_id = {r.id: Code(r.uuid, r.name, _rgb(r.color), r.description) for r in rows}
    top: list[Code] = []
    for r in rows:
        (by_id[r.parent_id].children if r.parent_id in by_id else top).append(by_id[r.id])
    return top, {r.id: r.uuid for r in rows}


def _rgb(color: str | None) -> str | None:
    """Dossier's #rrggbb or #rrggbbaa as REFI's #rrggbb."""
    if color and color.startswith("#") and len(color) in (7, 9):
        return color[:7]
    return None


def build_export(session: Session, source_ids: Sequence[int] | None = None) -> Export:
    """Everything the .qdpx holds, read in a few queries (a 1,000-source archive in one go)."""
    sources = chosen_sources(session, source_ids)
    chosen = {s.id for s in sources}
    whole = source_ids is None
    export = Export(Project(name="Dossier export", origin="Dossier"))
    project = export.project
    project.codes, code_uuid = _codes(session)
    extras: dict[str, Any] = {"dossier": 1, "offsets": "code points", "sources": {}, "annotations": {},
                              "actors": {}, "mentions": [], "relations": [], "statistics": [], "memos": {}}
    project.extras = extras
    users = {DEFAULT_USER}

    annotations = [a for chunk in in_chunks(sorted(chosen)) for a in session.scalars(
        select(Annotation).where(Annotation.source_id.in_(chunk)).order_by(Annotation.source_id, Annotation.start, Annotation.id))]
    annotation_ids = {a.id: a.uuid for a in annotations}
    codes_of: dict[int, list[str]] = defaultdict(list)
    for chunk in in_chunks(sorted(annotation_ids)):
        for annotation_id, code_id in session.execute(
            select(annotation_codes.c.annotation_id, annotation_codes.c.code_id).where(annotation_codes.c.annotation_id.in_(chunk))
        ):
            codes_of[annotation_id].append(code_uuid[code_id])
    mentions = [m for chunk in in_chunks(sorted(annotation_ids)) for m in session.scalars(
        select(Mention).where(Mention.annotation_id.in_(chunk)).order_by(Mention.id))]
    statistics = list(session.scalars(select(Statistic).order_by(Statistic.id))) if whole else [
        s for chunk in in_chunks(sorted(chosen)) for s in session.scalars(
            select(Statistic).where(Statistic.source_id.in_(chunk)).order_by(Statistic.id))]

    # actors: all of them, or those the chosen sources name (mentions, outlets, claims)
    actor_ids = {m.actor_id for m in mentions} | {s.outlet_id for s in sources if s.outlet_id} | {
        i for s in statistics for i in (s.place_id, s.claimant_id) if i}
    actors = list(session.scalars(select(Actor).order_by(Actor.id)))
    actor_names = {a.id: a.name for a in actors}
    if not whole:
        actors = [a for a in actors if a.id in actor_ids]
    actor_uuid = {a.id: a.uuid for a in actors}
    aliases: dict[int, list[Alias]] = defaultdict(list)
    for alias in session.scalars(select(Alias).order_by(Alias.id)):
        if alias.actor_id in actor_uuid:
            aliases[alias.actor_id].append(alias)
    cases = {a.id: Case(a.uuid, a.name, a.description, variables={
        k: v for k, v in (("Actor kind", a.kind), ("Aliases", "; ".join(x.name for x in aliases[a.id]))) if v})
        for a in actors}
    for actor in actors:
        extras["actors"][actor.uuid] = {
            "name": actor.name, "kind": actor.kind, "description": actor.description, "notes": actor.notes,
            "aliases": [[x.name, x.language] for x in aliases[actor.id]], "created_by": actor.created_by}
    for mention in mentions:
        if mention.actor_id in cases:
            cases[mention.actor_id].selection_refs.append(annotation_ids[mention.annotation_id])
            extras["mentions"].append([mention.uuid, annotation_ids[mention.annotation_id],
                                       actor_uuid[mention.actor_id], mention.created_by])
    project.cases = list(cases.values())

    claim_of = {s.annotation_id: s for s in statistics if s.annotation_id}
    claim_rows = _claim_rows(session, [s.id for s in claim_of.values()])
    selections: dict[int, list[Selection]] = defaultdict(list)
    selection_by_uuid: dict[str, Selection] = {}
    for a in annotations:
        description = a.note
        if description is None and a.id in claim_of:
            # other tools show the claim in words; Dossier reads back that the note was empty
            description = claim_rows.get(claim_of[a.id].id, "Statistic")
            extras["annotations"][a.uuid] = {"note": None}
        users.add(a.created_by or DEFAULT_USER)
        selection = Selection(a.uuid, a.start, a.end, name=a.quote, description=description,
                              code_refs=codes_of.get(a.id, []), creating_user=user_guid(a.created_by),
                              created=_stamp(a.created_at))
        selections[a.source_id].append(selection)
        selection_by_uuid[a.uuid] = selection
        if a.orphaned:
            extras["annotations"].setdefault(a.uuid, {}).update(
                quote=a.quote, prefix=a.prefix, suffix=a.suffix, orphaned=True)

    originals = _originals(session, {s.original_file_id for s in sources if s.original_file_id})
    text_sources: dict[str, TextSource] = {}
    for s in sources:
        users.add(s.created_by or DEFAULT_USER)
        text_path = f"Sources/{s.uuid}.txt"
        export.files[text_path] = s.text.encode("utf-8")
        source = TextSource(s.uuid, s.title or f"Source {s.id}", plain_text_path=f"internal://{s.uuid}.txt",
                            description=s.notes, selections=selections.get(s.id, []),
                            creating_user=user_guid(s.created_by), created=_stamp(s.created_at))
        published = partial(s.published, s.published_precision)
        outlet = actor_names.get(s.outlet_id or -1)
        values = (iso_or_none(published), outlet, s.author, s.url, s.language, s.kind, s.reliability,
                  None if s.credibility is None else str(s.credibility))
        source.variables = {k: v for k, v in zip(SOURCE_VARIABLES, values, strict=True) if v}
        record: dict[str, Any] = {
            "title": s.title, "published": iso_or_none(published), "outlet": actor_uuid.get(s.outlet_id or -1),
            "author": s.author, "url": s.url, "language": s.language, "kind": s.kind, "reliability": s.reliability,
            "credibility": s.credibility, "notes": s.notes, "sha256": s.sha256, "original_part": s.original_part,
            "page_starts": s.page_starts, "created_by": s.created_by}
        original = originals.get(s.original_file_id or -1)
        if original is not None:
            name = f"Sources/{original.sha256}{_suffix(original)}"
            export.files.setdefault(name, original.data)
            record["original"] = {"member": name, "file_name": original.file_name, "media_type": original.media_type}
            if name.endswith(".docx"):
                source.rich_text_path = "internal://" + name.removeprefix("Sources/")
            elif name.endswith(".pdf"):
                source.pdf_path = "internal://" + name.removeprefix("Sources/")
        extras["sources"][s.uuid] = record
        text_sources[s.uuid] = source
    project.sources = list(text_sources.values())

    for relation in session.scalars(select(Relation).order_by(Relation.id)):
        if relation.subject_id in actor_uuid and relation.object_id in actor_uuid:
            project.links.append(Link(relation.uuid, relation.predicate, actor_uuid[relation.subject_id],
                                      actor_uuid[relation.object_id], "OneWay"))
            extras["relations"].append({
                "uuid": relation.uuid, "subject": actor_uuid[relation.subject_id], "object": actor_uuid[relation.object_id],
                "predicate": relation.predicate,
                "start": iso_or_none(partial(relation.start, relation.start_precision)),
                "end": iso_or_none(partial(relation.end, relation.end_precision)),
                "evidence": annotation_ids.get(relation.evidence_annotation_id or -1), "notes": relation.notes})

    source_uuid = {s.id: s.uuid for s in sources}
    for st in statistics:
        extras["statistics"].append({
            "uuid": st.uuid, "value": st.value, "low": st.low, "high": st.high, "approximate": st.approximate,
            "measure": st.measure, "unit": st.unit, "subject": st.subject,
            "period_start": iso_or_none(partial(st.period_start, st.period_start_precision)),
            "period_end": iso_or_none(partial(st.period_end, st.period_end_precision)),
            "place": actor_uuid.get(st.place_id or -1), "claimant": actor_uuid.get(st.claimant_id or -1),
            "source": source_uuid.get(st.source_id or -1), "annotation": annotation_ids.get(st.annotation_id or -1),
            "confidence": st.confidence, "dataset": st.dataset, "notes": st.notes, "created_by": st.created_by})

    _memos(session, export, text_sources, selection_by_uuid, cases, claim_of, annotation_ids)
    project.users = [User(user_guid(name), name) for name in sorted(users)]
    export.counts = {"sources": len(sources), "codes": len(code_uuid), "annotations": len(annotations),
                     "actors": len(actors), "statistics": len(statistics), "memos": len(project.notes)}
    return export


def _memos(session: Session, export: Export, sources: dict[str, TextSource], selections: dict[str, Selection],
           cases: dict[int, Case], claim_of: dict[int, Statistic], annotation_ids: dict[int, str]) -> None:
    """Memos as notes, referred to from what they are about; an actor's or a claim without a
    span's memo is linked to it (cases and projects have no NoteRef in every place)."""
    project = export.project
    assert project.extras is not None
    codes = {c.guid: c for c in project.all_codes()}
    case_by_uuid = {c.guid: c for c in cases.values()}
    statistic_selection = {st.uuid: annotation_ids.get(a) for a, st in claim_of.items()}
    for memo in session.scalars(select(Memo).order_by(Memo.id)):
        kind, target = memo.target_kind, memo.target_uuid
        holder: Any = None
        if kind == "source":
            holder = sources.get(target)
        elif kind == "code":
            holder = codes.get(target)
        elif kind == "annotation":
            holder = selections.get(target)
        elif kind == "statistic":
            span = statistic_selection.get(target)
            holder = selections.get(span) if span else None
            if holder is None and not any(s["uuid"] == target for s in project.extras["statistics"]):
                continue
        elif kind == "actor":
            if target not in case_by_uuid:
                continue
            project.links.append(Link(derived_guid("memo", memo.uuid), "memo", memo.uuid, target, "OneWay"))
        else:
            continue
        if kind in ("source", "code", "annotation") and holder is None:
            continue  # about a row this export does not hold
        if holder is not None:
            holder.note_refs.append(memo.uuid)
        elif kind == "statistic":
            project.note_refs.append(memo.uuid)
        project.notes.append(Note(memo.uuid, _memo_name(kind), memo.text, user_guid(memo.created_by)))
        project.extras["memos"][memo.uuid] = {"target_kind": kind, "target_uuid": target}


def _memo_name(kind: str) -> str:
    return f"Memo on the {kind}"


def _claim_rows(session: Session, ids: list[int]) -> dict[int, str]:
    """Each claim in words, for the selection of its sentence (what other tools show)."""
    from db import values
    from db.queries import list_statistics

    found: dict[int, str] = {}
    for chunk in in_chunks(ids):
        for row in list_statistics(session, ids=list(chunk)):
            found[row.id] = _claim_words(row, values.format(row))
    return found


def _claim_words(row: Any, number: str) -> str:
    parts = [f"Statistic: {number} {row.measure}".strip()]
    if row.subject:
        parts.append(row.subject)
    if row.place:
        parts.append(f"in {row.place}")
    period = "–".join(dict.fromkeys(str(d) for d in (row.period_start, row.period_end) if d))
    if period:
        parts.append(period)
    if row.claimant:
        parts.append(f"claimed by {row.claimant}")
    return ", ".join(parts)


def _stamp(value: Any) -> str | None:
    return value.strftime("%Y-%m-%dT%H:%M:%SZ") if value is not None else None


def _originals(session: Session, ids: set[int]) -> dict[int, OriginalFile]:
    found: dict[int, OriginalFile] = {}
    for chunk in in_chunks(sorted(ids)):
        found.update((f.id, f) for f in session.scalars(select(OriginalFile).where(OriginalFile.id.in_(chunk))))
    return found


def _suffix(original: OriginalFile) -> str:
    name = original.file_name.rsplit(".", 1)
    if len(name) == 2 and 1 <= len(name[1]) <= 8 and name[1].isalnum():
        return "." + name[1].lower()
    return _SUFFIXES.get(original.media_type, ".bin")
