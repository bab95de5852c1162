"""Annotations as W3C Web Annotations: checked against the W3C's examples and rules, and read
back onto their sources (by position, or by quote when the text changed)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from db.anchors import replace_source_text
from db.archive import Archive
from db.importer import import_paths
from db.interchange.web_annotation import export_annotations, problems
from db.models import Annotation, Mention, Source, Statistic
from tests.db.interchange.dump import dump


def _documents(folder: Path) -> list[object]:
    found = []
    for path in sorted(folder.glob("*.json")):
        try:
            found.append(json.loads(path.read_text(encoding="utf-8")))
        except ValueError:
            found.append(None)  # some of the W3C's wrong examples are not even JSON
    return found


@pytest.mark.shared
def test_the_rules_accept_the_w3c_s_examples_and_refuse_its_wrong_ones(shared_data: Path) -> None:
    folder = shared_data / "web-annotation"
    correct = [d for d in _documents(folder / "examples-2016") + _documents(folder / "wd2-correct")
               if isinstance(d, dict) and d.get("type") == "Annotation"]
    assert len(correct) > 50
    assert [problems(d) for d in correct] == [[] for _ in correct]
    wrong = _documents(folder / "wd2-incorrect")
    assert wrong
    assert [d for d in wrong if d is not None and not problems(d)] == []


def _export(archive: Archive, out: Path) -> dict[str, object]:
    with archive.session() as s:
        count = export_annotations(s, out)
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["type"] == "AnnotationCollection"
    assert data["total"] == count
    return data


def test_every_exported_annotation_follows_the_model(sample_archive: Archive, tmp_path: Path) -> None:
    data = _export(sample_archive, tmp_path / "a.jsonld")
    items = data["first"]["items"]  # type: ignore[index]
    assert items
    assert all(problems(item) == [] for item in items)
    coded = next(i for i in items if any(b.get("purpose") == "tagging" for b in i.get("body", [])))
    quote, position = coded["target"]["selector"]
    with sample_archive.session() as s:
        text = s.scalars(select(Source.text)).one()
    assert text[position["start"]:position["end"]] == quote["exact"]
    assert coded["target"]["source"]["schema:sha256"]


def test_annotations_come_back_onto_a_changed_text(sample_archive: Archive, tmp_path: Path) -> None:
    out = tmp_path / "a.jsonld"
    _export(sample_archive, out)
    before = dump(sample_archive)["annotations"]
    with sample_archive.session() as s:
        s.execute(delete(Mention))
        s.execute(delete(Statistic))
        s.execute(delete(Annotation))
        source = s.scalars(select(Source)).one()
        replace_source_text(s, source.id, "EDITOR'S NOTE: added later.\n\n" + source.text)
    results = import_paths(sample_archive, [out])
    assert {r.status for r in results} == {"imported"}
    after = {a["uuid"]: a for a in dump(sample_archive)["annotations"]}
    assert len(after) == len(before)
    for old in before:
        new = after[old["uuid"]]
        assert (new["quote"], new["codes"], new["note"]) == (old["quote"], old["codes"], old["note"])
        assert new["start"] == old["start"] + len("EDITOR'S NOTE: added later.\n\n")
    again = import_paths(sample_archive, [out])
    assert {r.status for r in again} == {"duplicate"}


def test_an_annotation_of_an_unknown_source_or_a_lost_quote_is_reported(archive: Archive, tmp_path: Path) -> None:
    from tests.factories import make_source

    source = make_source(archive, "Twelve people were killed in Grozny.")
    with archive.session() as s:
        uuid = s.scalars(select(Source.uuid)).one()
    base = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation"}
    items = [
        base | {"id": "http://example.org/anno/1", "target": {"source": f"urn:uuid:{uuid}", "selector": {"type": "TextQuoteSelector", "exact": "killed"}},
                "body": {"type": "TextualBody", "value": "Casualties", "purpose": "tagging"}},
        base | {"id": "http://example.org/anno/2", "target": {"source": "urn:uuid:00000000-0000-4000-8000-000000000000",
                                                              "selector": {"type": "TextQuoteSelector", "exact": "x"}}},
        base | {"id": "http://example.org/anno/3", "target": {"source": f"urn:uuid:{uuid}", "selector": {"type": "TextQuoteSelector", "exact": "Makhachkala"}}},
        {"id": "not an iri", "type": "Annotation", "target": "x"},
    ]
    path = tmp_path / "h.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    results = import_paths(archive, [path])
    assert [r.status for r in results] == ["imported", "failed", "failed", "failed"]
    assert results[0].source_id == source
    assert "not in the archive" in (results[1].error or "")
    assert "not in the source" in (results[2].error or "")
    assert "@context" in (results[3].error or "")
    with archive.session() as s:
        annotation = s.scalars(select(Annotation)).one()
        assert annotation.quote == "killed"
        assert [c.name for c in annotation.codes] == ["Casualties"]
