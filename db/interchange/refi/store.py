"""Writing a read :class:`Project` into the archive, inside the caller's unit of work.

Every row keeps its GUID as its UUID, so a project imported twice adds nothing the second time
(and a Dossier export imported back finds its own rows). Codes with the same name under the same
parent, and cases named like a known actor, join what the archive has. Positions are converted
to code points by :mod:`offsets`; a selection that cannot be placed is kept as an orphaned
annotation (its codes and note with it) and named in the warnings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from db.commands import (
    NewSource,
    OriginalData,
    add_alias,
    add_sources,
    anchor_context,
    find_actor,
    sha256_of,
    store_originals,
)
from db.dates import PartialDate, to_columns
from db.interchange.refi.model import Case, Code, Project, Selection, TextSource, derived_guid
from db.interchange.refi.offsets import Convention, place_selections
from db.interchange.refi.safety import MemberError, ProjectFiles
from db.models import (
    Actor,
    Annotation,
    Memo,
    Mention,
    Relation,
    Source,
    Statistic,
    annotation_codes,
)
from db.models import Code as CodeModel
from db.queries import in_chunks
from db.vocabulary import ActorKind

DEFAULT_COLOR = "#ffd54f"
_KINDS = {k.value for k in ActorKind}


@dataclass
class SourceOutcome:
    source: TextSource
    source_id: int | None = None
    status: str = "imported"
    warnings: list[str] = field(default_factory=list)


@dataclass
class Stored:
    sources: list[SourceOutcome] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    warnings: list[str] = field(default_factory=list)
    convention: Convention | None = None


def existing(session: Session, model: Any, uuids: Iterable[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in in_chunks(sorted(set(uuids))):
        found.update((u, i) for u, i in session.execute(select(model.uuid, model.id).where(model.uuid.in_(chunk))))
    return found


def _date(value: object) -> PartialDate | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return PartialDate.from_iso(value[:10])
    except ValueError:
        return None


def _color(value: str | None) -> str:
    if value and value.startswith("#"):
        digits = value[1:]
        if len(digits) == 3 and all(c in "0123456789abcdefABCDEF" for c in digits):
            return "#" + "".join(c * 2 for c in digits).lower()
        if len(digits) in (6, 8) and all(c in "0123456789abcdefABCDEF" for c in digits):
            return "#" + digits[:6].lower()
    return DEFAULT_COLOR


class Store:
    def __init__(self, session: Session, project: Project, files: ProjectFiles | None = None,
                 created_by: str | None = None) -> None:
        self.session = session
        self.files = files
        #: selections coded with a case's GUID (NVivo codes text to a case): (case, selection)
        self.case_codings: list[tuple[str, str]] = []
        self.project = project
        self.extras: dict[str, Any] = project.extras or {}
        self.own = self.extras.get("dossier") == 1
        self.users = {u.guid: u.name for u in project.users}
        if self.own:  # Dossier writes its rows without an author as by the user "Dossier"
            self.users.pop(derived_guid("user", "Dossier"), None)
        self.created_by = created_by
        self.stored = Stored()
        self.code_ids: dict[str, int] = {}
        self.actor_ids: dict[str, int] = {}
        self.annotation_ids: dict[str, int] = {}
        self.source_ids: dict[str, int] = {}
        self.case_guids = {c.guid for c in project.cases}
        # NVivo: a note linked to a selection is that selection's annotation text
        notes = {n.guid: n for n in project.notes}
        self.linked_notes: dict[str, list[str]] = defaultdict(list)
        for link in project.links:
            if link.origin in notes and link.target and link.target not in self.case_guids:
                self.linked_notes[link.target].append(link.origin)

    def user(self, guid: str | None) -> str | None:
        return self.users.get(guid or "") or self.created_by

    # --- codes -------------------------------------------------------------------------

    def codes(self, codes: list[Code], parent_id: int | None = None) -> None:
        known = existing(self.session, CodeModel, [c.guid for c in codes])
        siblings = dict(self.session.execute(
            select(CodeModel.name, CodeModel.id).where(
                CodeModel.parent_id.is_(None) if parent_id is None else CodeModel.parent_id == parent_id)).all())
        taken = {name.casefold() for name in siblings}
        for code in codes:
            name = " ".join(code.name.split())[:300]
            if code.guid in known:
                code_id = known[code.guid]
            elif name in siblings:
                code_id = siblings[name]  # the archive's code of that name: the codebook again
            else:
                unique, n = name, 2
                while unique.casefold() in taken:
                    unique, n = f"{name} ({n})", n + 1
                if unique != name:
                    self.stored.warnings.append(f"code {name!r} appears twice under one parent; the second is {unique!r}")
                row = CodeModel(uuid=code.guid, parent_id=parent_id, name=unique, color=_color(code.color),
                                description=code.description)
                self.session.add(row)
                self.session.flush()
                code_id = row.id
                siblings[unique] = code_id
                taken.add(unique.casefold())
                self.stored.counts["codes"] += 1
            self.code_ids[code.guid] = code_id
            self.codes(code.children, code_id)

    # --- actors ------------------------------------------------------------------------

    def actors(self) -> None:
        cases = self.project.cases
        known = existing(self.session, Actor, [c.guid for c in cases])
        records: dict[str, Any] = self.extras.get("actors", {})
        titles = {s.guid: s.name for s in self.project.sources}
        for number, case in enumerate(cases, start=1):
            if case.guid in known:
                self.actor_ids[case.guid] = known[case.guid]
                continue
            record = records.get(case.guid) or {}
            name = " ".join((record.get("name") or case.name or "").split())[:500] or f"Case {number}"
            found = None if record else find_actor(self.session, name)
            if found is not None:
                self.actor_ids[case.guid] = found
                continue
            kind = record.get("kind") or case.variables.get("Actor kind") or ActorKind.OTHER.value
            notes = record.get("notes") if record else self._case_notes(case, titles)
            actor = Actor(uuid=case.guid, name=name, kind=kind if kind in _KINDS else ActorKind.OTHER.value,
                          description=record.get("description", case.description), notes=notes,
                          created_by=record.get("created_by") if record else self.created_by)
            self.session.add(actor)
            self.session.flush()
            self.actor_ids[case.guid] = actor.id
            self.stored.counts["actors"] += 1
            aliases = record.get("aliases") if record else [
                [a.strip(), None] for a in case.variables.get("Aliases", "").split(";") if a.strip()]
            for alias_name, language in aliases or []:
                if alias_name:
                    add_alias(self.session, actor.id, str(alias_name), language)

    def _case_notes(self, case: Case, titles: dict[str, str]) -> str | None:
        lines = [f"{k}: {v}" for k, v in case.variables.items() if k not in ("Actor kind", "Aliases")]
        if case.source_refs:
            names = [titles.get(g, g) for g in case.source_refs]
            lines.append("Whole sources in this case (from the imported project): " + "; ".join(names))
        return "\n".join(lines) or None

    # --- sources -----------------------------------------------------------------------

    def sources(self, sources: list[TextSource]) -> None:
        readable = [s for s in sources if s.problem is None]
        for s in sources:
            if s.problem is not None:
                self.stored.sources.append(SourceOutcome(s, status="failed", warnings=[s.problem]))
        known = existing(self.session, Source, [s.guid for s in readable])
        if self.own:
            texts = {s.guid: s.raw_text or "" for s in readable}
            spans = [[self._own_span(texts[s.guid], sel) for sel in s.selections] for s in readable]
        else:
            convention, maps, placed = place_selections(readable, self.project.origin)
            self.stored.convention = convention
            texts = {guid: m.text for guid, m in maps.items()}
            spans = [[(p.span, p.why) for p in row] for row in placed]
        fresh = [s for s in readable if s.guid not in known]
        ids = iter(add_sources(self.session, [self._new_source(s, texts[s.guid]) for s in fresh]))
        outcomes = {}
        for s in readable:
            outcome = SourceOutcome(s)
            if s.guid in known:
                outcome.source_id, outcome.status = known[s.guid], "duplicate"
            else:
                outcome.source_id = next(ids)
                self.stored.counts["sources"] += 1
            self.source_ids[s.guid] = outcome.source_id
            outcomes[s.guid] = outcome
            self.stored.sources.append(outcome)
        self.annotations(readable, texts, spans, outcomes)

    def _own_span(self, text: str, selection: Selection) -> tuple[tuple[int, int] | None, str | None]:
        if 0 <= selection.start <= selection.end <= len(text):
            return (selection.start, selection.end), None
        return None, f"positions {selection.start}-{selection.end} are past the end of the text ({len(text)})"

    def _new_source(self, source: TextSource, text: str) -> NewSource:
        record: dict[str, Any] = self.extras.get("sources", {}).get(source.guid) or {}
        variables = {k.casefold(): v for k, v in source.variables.items()}
        outlet_guid = record.get("outlet")
        outlet = (self.extras.get("actors", {}).get(outlet_guid) or {}).get("name") if outlet_guid else None
        credibility = record.get("credibility", variables.get("credibility"))
        try:
            credibility = int(credibility) if credibility not in (None, "") else None
        except (TypeError, ValueError):
            credibility = None
        reliability = record.get("reliability", variables.get("reliability"))
        if record:
            notes = record.get("notes")
        else:
            known = {"published", "outlet", "author", "url", "language", "kind", "reliability", "credibility"}
            extra = [f"{k}: {v}" for k, v in source.variables.items() if k.casefold() not in known]
            notes = "\n".join([p for p in (source.description, *extra) if p]) or None
        return NewSource(
            uuid=source.guid,
            text=text,
            title=(record.get("title") if record else source.name) or "",
            published=_date(record.get("published") if record else variables.get("published")),
            outlet=outlet if record else variables.get("outlet"),
            author=record.get("author") if record else variables.get("author"),
            url=record.get("url") if record else variables.get("url"),
            language=record.get("language") if record else variables.get("language"),
            kind=(record.get("kind") if record else variables.get("kind")) or "article",
            sha256=record.get("sha256") or sha256_of(text),
            original_file_id=self._original(source, record, text),
            original_part=record.get("original_part"),
            page_starts=record.get("page_starts") or (),
            reliability=reliability if reliability in ("A", "B", "C", "D", "E", "F") else None,
            credibility=credibility if credibility in range(1, 7) else None,
            notes=notes,
            created_by=record.get("created_by") if record else self.user(source.creating_user),
        )

    def _original(self, source: TextSource, record: dict[str, Any], text: str) -> int:
        original = record.get("original") or {}
        data = None
        if original and self.files is not None:
            try:
                data = self.files.member(original.get("member", ""))
            except MemberError as error:
                self.stored.warnings.append(f"source {source.name!r}: its original file was not read ({error})")
        if data is not None:
            item = OriginalData(data, original.get("file_name") or source.name, original.get("media_type") or "application/octet-stream")
        elif source.original is not None:
            name = source.original_name or source.name
            media = "application/pdf" if name.lower().endswith(".pdf") else (
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document" if name.lower().endswith(".docx") else "application/octet-stream")
            item = OriginalData(source.original, source.name if "." in source.name else name, media)
        else:
            item = OriginalData(text.encode("utf-8"), f"{source.name or source.guid}.txt", "text/plain")
        return store_originals(self.session, [item])[0]

    # --- annotations and mentions ------------------------------------------------------

    def annotations(self, sources: list[TextSource], texts: dict[str, str],
                    spans: list[list[tuple[tuple[int, int] | None, str | None]]],
                    outcomes: dict[str, SourceOutcome]) -> None:
        records: dict[str, Any] = self.extras.get("annotations", {})
        notes = {n.guid: n for n in self.project.notes}
        all_selections = [sel.guid for s in sources for sel in s.selections]
        known = existing(self.session, Annotation, all_selections)
        self.annotation_ids.update(known)
        rows: list[dict[str, Any]] = []
        codes: list[tuple[str, list[str]]] = []
        for source, row_spans in zip(sources, spans, strict=True):
            text = texts[source.guid]
            outcome = outcomes[source.guid]
            for selection, (span, why) in zip(source.selections, row_spans, strict=True):
                if selection.guid in known:
                    continue
                record = records.get(selection.guid) or {}
                note = record.get("note", selection.description)
                linked = [notes[g].text for g in self.linked_notes.get(selection.guid, []) if notes[g].text]
                note = "\n\n".join([p for p in (note, *linked) if p]) or None
                row: dict[str, Any] = {"uuid": selection.guid, "source_id": outcome.source_id, "note": note,
                                       "created_by": self.user(selection.creating_user), "orphaned": False}
                if record.get("orphaned"):
                    start = min(selection.start, len(text))
                    row.update(start=start, end=max(start, min(selection.end, len(text))), quote=record.get("quote", ""),
                               prefix=record.get("prefix", ""), suffix=record.get("suffix", ""), orphaned=True)
                elif span is None:
                    row.update(start=0, end=0, quote=selection.name or "", prefix="", suffix="", orphaned=True)
                    outcome.warnings.append(
                        f"selection {selection.guid} ({selection.name or 'no text given'}) could not be placed: {why}; "
                        "kept as an orphaned annotation")
                    self.stored.counts["unplaced"] += 1
                else:
                    quote, prefix, suffix = anchor_context(text, *span)
                    row.update(start=span[0], end=span[1], quote=quote, prefix=prefix, suffix=suffix)
                rows.append(row)
                codes.append((selection.guid, selection.code_refs))
        if rows:
            self.session.connection().execute(insert(cast(Table, Annotation.__table__)), rows)
            self.annotation_ids.update(existing(self.session, Annotation, [r["uuid"] for r in rows]))
            self.stored.counts["annotations"] += len(rows)
        links: list[dict[str, int]] = []
        unknown: set[str] = set()
        for guid, refs in codes:
            for ref in dict.fromkeys(refs):
                if ref in self.code_ids:
                    links.append({"annotation_id": self.annotation_ids[guid], "code_id": self.code_ids[ref]})
                elif ref in self.case_guids:
                    self.case_codings.append((ref, guid))
                else:
                    unknown.add(ref)
        if links:
            self.session.execute(annotation_codes.insert(), links)
            self.stored.counts["codings"] += len(links)
        if unknown:
            self.stored.warnings.append(f"{len(unknown)} code(s) named by codings are not in the project's codebook; those codings were left out")

    def mentions(self) -> None:
        records = self.extras.get("mentions")
        # (uuid, annotation guid, case guid, who made it); Dossier's own records say who
        pairs: list[tuple[str, str, str, str | None]]
        if records is None:
            pairs = [(derived_guid("mention", c.guid, s), s, c.guid, self.created_by)
                     for c in self.project.cases for s in c.selection_refs]
            pairs += [(derived_guid("mention", case, s), s, case, self.created_by) for case, s in self.case_codings]
        else:
            pairs = [(m[0], m[1], m[2], m[3] if len(m) == 4 else self.created_by)
                     for m in records if isinstance(m, list) and len(m) in (3, 4)]
        known = existing(self.session, Mention, [p[0] for p in pairs])
        rows = [{"uuid": uuid, "annotation_id": self.annotation_ids[a], "actor_id": self.actor_ids[c], "created_by": by}
                for uuid, a, c, by in dict.fromkeys(pairs)
                if uuid not in known and a in self.annotation_ids and c in self.actor_ids]
        if rows:
            self.session.connection().execute(insert(cast(Table, Mention.__table__)), rows)
            self.stored.counts["mentions"] += len(rows)

    # --- relations, statistics, memos --------------------------------------------------

    def relations(self) -> None:
        records = self.extras.get("relations")
        if records is None:
            records = [{"uuid": link.guid, "subject": link.origin, "object": link.target, "predicate": link.name or "related to"}
                       for link in self.project.links if link.origin in self.case_guids and link.target in self.case_guids]
        known = existing(self.session, Relation, [r["uuid"] for r in records])
        for r in records:
            subject, target = self.actor_ids.get(r.get("subject") or ""), self.actor_ids.get(r.get("object") or "")
            if r["uuid"] in known or subject is None or target is None or subject == target:
                continue
            start, start_precision = to_columns(_date(r.get("start")))
            end, end_precision = to_columns(_date(r.get("end")))
            self.session.add(Relation(uuid=r["uuid"], subject_id=subject, object_id=target, predicate=(r.get("predicate") or "related to")[:200],
                                      start=start, start_precision=start_precision, end=end, end_precision=end_precision,
                                      evidence_annotation_id=self.annotation_ids.get(r.get("evidence") or ""), notes=r.get("notes")))
            self.stored.counts["relations"] += 1

    def statistics(self) -> None:
        records = self.extras.get("statistics") or []
        known = existing(self.session, Statistic, [r["uuid"] for r in records])
        for r in records:
            if r["uuid"] in known:
                continue
            if r.get("source") and r["source"] not in self.source_ids:
                continue
            start, start_precision = to_columns(_date(r.get("period_start")))
            end, end_precision = to_columns(_date(r.get("period_end")))
            self.session.add(Statistic(
                uuid=r["uuid"], value=r.get("value"), low=r.get("low"), high=r.get("high"), approximate=bool(r.get("approximate")),
                measure=r.get("measure") or "", unit=r.get("unit"), subject=r.get("subject"), period_start=start,
                period_start_precision=start_precision, period_end=end, period_end_precision=end_precision,
                place_id=self.actor_ids.get(r.get("place") or ""), claimant_id=self.actor_ids.get(r.get("claimant") or ""),
                source_id=self.source_ids.get(r.get("source") or ""), annotation_id=self.annotation_ids.get(r.get("annotation") or ""),
                confidence=r.get("confidence"), dataset=r.get("dataset"), notes=r.get("notes"), created_by=r.get("created_by")))
            self.stored.counts["statistics"] += 1

    def memos(self) -> None:
        """Notes referred to from a source, code, selection (or linked to a case) become memos on
        it; a note nothing refers to (a journal) becomes a source of kind ``note``."""
        project = self.project
        records: dict[str, Any] = self.extras.get("memos", {})
        targets: dict[str, tuple[str, str]] = {}
        for source in project.sources:
            for ref in source.note_refs:
                targets.setdefault(ref, ("source", source.guid))
            for selection in source.selections:
                for ref in selection.note_refs:
                    targets.setdefault(ref, ("annotation", selection.guid))
        for code in project.all_codes():
            for ref in code.note_refs:
                targets.setdefault(ref, ("code", code.guid))
        for link in project.links:
            if link.origin and link.target in self.case_guids:
                targets.setdefault(link.origin, ("actor", link.target))
        linked = {g for guids in self.linked_notes.values() for g in guids}
        known = existing(self.session, Memo, [n.guid for n in project.notes])
        journals: list[TextSource] = []
        for note in project.notes:
            if note.guid in known or note.guid in linked:
                continue
            record = records.get(note.guid)
            target = (record["target_kind"], record["target_uuid"]) if record else targets.get(note.guid)
            if target is None:
                if note.selections:
                    self.stored.warnings.append(f"note {note.name or note.guid!r} has selections of its own that no source names; not imported")
                    continue
                journals.append(TextSource(note.guid, note.name or "Note", raw_text=note.text, creating_user=note.creating_user))
                continue
            self.session.add(Memo(uuid=note.guid, target_kind=target[0], target_uuid=target[1], text=note.text,
                                  created_by=self.user(note.creating_user)))
            self.stored.counts["memos"] += 1
        there = existing(self.session, Source, [j.guid for j in journals])
        fresh = [j for j in journals if j.guid not in there]
        if fresh:
            ids = add_sources(self.session, [NewSource(uuid=j.guid, text=j.raw_text or "", title=j.name, kind="note",
                                                       created_by=self.user(j.creating_user)) for j in fresh])
            for journal, source_id in zip(fresh, ids, strict=True):
                self.stored.sources.append(SourceOutcome(journal, source_id))
            self.stored.counts["notes as sources"] += len(fresh)

    def run(self) -> Stored:
        self.codes(self.project.codes)
        self.actors()
        self.sources(self.project.sources)
        self.mentions()
        self.relations()
        self.session.flush()
        self.statistics()
        self.memos()
        self.session.flush()
        return self.stored

