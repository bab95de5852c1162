"""Dossier → .qdpx → Dossier: every source, code, annotation (exact quote), memo, actor with its
mentions, relation and statistic comes back, and the .qdpx validates against REFI-QDA 1.0."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from db.archive import Archive
from db.codebook import add_code
from db.commands import add_annotation, set_memo, update_source
from db.importer import import_paths
from db.interchange.refi.project import export_qdc, export_qdpx
from db.models import Actor, Annotation, Code, Source, Statistic
from tests.db.interchange.dump import counts, dump
from tests.factories import make_source

XSD = Path("../shared/data/refi/Project-mrt2019.xsd")


def _curate(archive: Archive) -> None:
    """The sample plus what it lacks: memos on every kind of row, a child code, an orphaned
    annotation, text outside the Basic Multilingual Plane, a note, grading."""
    with archive.session() as s:
        source = s.scalars(select(Source)).first()
        assert source is not None
        code = s.scalars(select(Code).where(Code.parent_id.is_(None))).first()
        assert code is not None
        child = add_code(s, "Child code 🚩", "#123456", parent_id=code.id)
        annotation = s.scalars(select(Annotation).where(Annotation.note.is_(None))).first()
        actor = s.scalars(select(Actor)).first()
        statistic = s.scalars(select(Statistic)).first()
        assert annotation is not None
        assert actor is not None
        assert statistic is not None
        for kind, uuid in (("source", source.uuid), ("code", code.uuid), ("annotation", annotation.uuid),
                           ("actor", actor.uuid), ("statistic", statistic.uuid)):
            set_memo(s, kind, uuid, f"A memo on the {kind}: «quoted» & <marked>")
        update_source(s, source.id, notes="Found through a Telegram channel.", reliability="B", credibility=2)
        orphan_id = add_annotation(s, source.id, 10, 20, code_ids=[child], note="lost its place")
        orphan = s.get(Annotation, orphan_id)
        assert orphan is not None
        orphan.orphaned = True
    emoji = make_source(archive, "Flags 🇺🇦 and 🚩: 12 killed.\nSecond line.", title="Emoji")
    with archive.session() as s:
        add_annotation(s, emoji, 16, 26, note="after astral characters")


@pytest.fixture
def curated(sample_archive: Archive) -> Archive:
    _curate(sample_archive)
    return sample_archive


@pytest.mark.shared
def test_the_export_validates_against_the_refi_schema(curated: Archive, tmp_path: Path) -> None:
    out = tmp_path / "project.qdpx"
    with curated.session() as s:
        assert export_qdpx(s, out) == 2
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(out) as z:
        document = etree.fromstring(z.read("project.qde"))
        names = set(z.namelist())
    assert schema.validate(document), schema.error_log
    # every text named by the project is in the ZIP, where other tools look for it
    paths = [e.get("plainTextPath") for e in document.iter("{urn:QDA-XML:project:1.0}TextSource")]
    assert paths
    assert all(p.startswith("internal://") and "Sources/" + p.removeprefix("internal://") in names for p in paths)


@pytest.mark.shared
def test_the_shipped_schema_is_the_shared_one() -> None:
    shipped = Path("db/interchange/refi/Project-mrt2019.xsd").read_bytes()
    assert shipped == XSD.read_bytes()


def test_round_trip_loses_nothing(curated: Archive, fresh: Archive, tmp_path: Path) -> None:
    out = tmp_path / "project.qdpx"
    with curated.session() as s:
        export_qdpx(s, out)
    if True:
        results = import_paths(fresh, [out])
        assert [r.status for r in results] == ["imported", "imported", "imported"]
        before, after = dump(curated), dump(fresh)
        for kind in before:
            assert after[kind] == before[kind], kind
        assert len(before["memos"]) == 5
        assert len(before["statistics"]) == 3
        assert before["mentions"]
        orphan = next(a for a in after["annotations"] if a["orphaned"])
        assert orphan["note"] == "lost its place"
        with fresh.session() as s:
            emoji = s.scalars(select(Annotation).where(Annotation.note == "after astral characters")).one()
            assert emoji.quote == "12 killed."


def test_importing_the_same_project_twice_adds_nothing(curated: Archive, fresh: Archive, tmp_path: Path) -> None:
    out = tmp_path / "project.qdpx"
    with curated.session() as s:
        export_qdpx(s, out)
    before = counts(curated)
    results = import_paths(curated, [out])  # into the archive it came from
    assert {r.status for r in results} == {"duplicate"}
    assert counts(curated) == before
    if True:
        import_paths(fresh, [out])
        once = counts(fresh)
        again = import_paths(fresh, [out])
        assert counts(fresh) == once
        assert again[-1].describe().endswith("already in the archive (nothing new)")


def test_an_export_of_chosen_sources_holds_them_and_what_they_name(curated: Archive, tmp_path: Path) -> None:
    out = tmp_path / "one.qdpx"
    with curated.session() as s:
        emoji = s.scalars(select(Source).where(Source.title == "Emoji")).one()
        assert export_qdpx(s, out, [emoji.id]) == 1
    with zipfile.ZipFile(out) as z:
        extras = json.loads(z.read("dossier/dossier.json"))
    assert list(extras["sources"]) == [emoji.uuid]
    assert extras["statistics"] == []
    assert extras["mentions"] == []
    with curated.session() as s, pytest.raises(ValueError, match="no source 999"):
        export_qdpx(s, tmp_path / "none.qdpx", [999])
    assert not (tmp_path / "none.qdpx").exists()


def test_other_tools_see_claims_and_metadata_in_refi_elements(curated: Archive, tmp_path: Path) -> None:
    """What REFI has no element for is said where a tool without Dossier's data shows it."""
    out = tmp_path / "project.qdpx"
    with curated.session() as s:
        export_qdpx(s, out)
    ns = {"q": "urn:QDA-XML:project:1.0"}
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("project.qde"))
    descriptions = [d.text for d in root.findall(".//q:PlainTextSelection/q:Description", ns)]
    assert any(d and d.startswith("Statistic: ") for d in descriptions)
    variables = {v.get("name") for v in root.findall(".//q:Variable", ns)}
    assert {"Published", "Outlet", "Reliability", "Credibility", "Actor kind"} <= variables
    assert root.findall(".//q:Link", ns)  # relations between actors (and an actor's memo)


def test_codebook_export_reimports_into_an_empty_archive(curated: Archive, fresh: Archive, tmp_path: Path) -> None:
    out = tmp_path / "codes.qdc"
    with curated.session() as s:
        assert export_qdc(s, out) == 5
    if True:
        [result] = import_paths(fresh, [out])
        assert result.status == "imported"
        assert result.summary == "5 codes"
        assert dump(fresh)["codes"] == dump(curated)["codes"]
