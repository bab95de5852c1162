"""Projects from NVivo, MAXQDA, ATLAS.ti, QualCoder and small tools: positions counted their
way land on the same words; what cannot be imported is named; importing again adds nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.archive import Archive
from db.importer import import_paths
from db.interchange.refi import offsets
from db.interchange.refi.model import Selection
from db.models import Actor, Annotation, Code, Memo, Mention, Source
from tests.db.interchange.dump import counts
from tests.db.interchange.refi.projects import (
    LINES,
    position_in,
    project_xml,
    selection_xml,
    spans,
    write_qdpx,
)

TEXT = "\n".join(LINES)
SOURCE = "C5E4C960-5296-4FDE-8C63-DEABA4E17F92"


def _selections(*, utf16: bool, crlf_two: bool, bom: bool, names: bool) -> str:
    parts = []
    for n, (start, end) in enumerate(spans(TEXT, "Khasavyurt") + spans(TEXT, "Grozny")):
        a = position_in(TEXT, start, utf16=utf16, crlf_two=crlf_two, bom=bom)
        b = position_in(TEXT, end, utf16=utf16, crlf_two=crlf_two, bom=bom)
        parts.append(selection_xml(f"0000{n:04d}-0000-4000-8000-00000000{n:04d}", a, b,
                                   name=TEXT[start:end] if names else None))
    return "".join(parts)


def _quotes(archive: Archive) -> list[str]:
    with archive.session() as s:
        return list(s.scalars(select(Annotation.quote).order_by(Annotation.start)))


VENDORS = {
    # NVivo counts UTF-16 code units, and a Windows text's CRLF as two
    "nvivo": ("NVivo 14", dict(utf16=True, crlf_two=True, bom=False, names=False), "Sources", b"\r\n", b""),
    # MAXQDA: lower-case sources/, upper-case GUIDs, CRLF counted as two code points
    "maxqda": ("MAXQDA 24 (Release 24.7.0)", dict(utf16=False, crlf_two=True, bom=False, names=False), "sources", b"\r\n", b""),
    # ATLAS.ti keeps CRLF in the file but counts each line end as one
    "atlas": ("ATLAS.ti Win 9.0.19", dict(utf16=False, crlf_two=False, bom=False, names=True), "sources", b"\r\n", b""),
    # QualCoder writes its texts with a BOM and counts code points after it
    "qualcoder": ("QualCoder 3.6", dict(utf16=False, crlf_two=False, bom=False, names=True), "sources", b"\n", b"\xef\xbb\xbf"),
}


@pytest.mark.parametrize("vendor", sorted(VENDORS))
def test_positions_counted_each_tool_s_way_land_on_the_words(vendor: str, archive: Archive, tmp_path: Path) -> None:
    origin, convention, folder, newline, bom = VENDORS[vendor]
    data = bom + TEXT.encode("utf-8").replace(b"\n", newline)
    xml = project_xml(origin, f'<TextSource guid="{SOURCE}" name="Field notes" plainTextPath="internal://{SOURCE}.txt">'
                              f"{_selections(**convention)}</TextSource>")
    path = write_qdpx(tmp_path / f"{vendor}.qdpx", xml, {f"{folder}/{SOURCE}.txt": data})
    results = import_paths(archive, [path])
    assert [r.status for r in results] == ["imported", "imported"], results
    quotes = _quotes(archive)
    assert len(quotes) == 16
    assert set(quotes) == {"Khasavyurt", "Grozny"}
    with archive.session() as s:
        assert s.scalars(select(Source.text)).one() == TEXT  # no BOM, \n line ends
        assert s.scalars(select(Code.name)).one() == "Casualties"
    assert results[-1].warnings[0].startswith("positions read as")
    again = import_paths(archive, [path])
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert len(_quotes(archive)) == 16


def test_the_convention_is_chosen_by_the_evidence_not_the_tool_s_name() -> None:
    """A MAXQDA-labelled project counted in UTF-16 units is still read in UTF-16 units."""
    raw = TEXT.replace("\n", "\r\n")
    maps = offsets.TextMap(raw)
    sels = [Selection(f"g{i}", position_in(TEXT, a, utf16=True), position_in(TEXT, b, utf16=True))
            for i, (a, b) in enumerate(spans(TEXT, "Khasavyurt"))]
    chosen = offsets.choose_convention([(maps, sels)], "MAXQDA 24")
    assert chosen.utf16
    assert chosen.crlf_two


def test_a_selection_past_the_text_is_reported_and_kept_orphaned(archive: Archive, tmp_path: Path) -> None:
    good = selection_xml("11111111-0000-4000-8000-000000000001", 18, 24)
    bad = selection_xml("11111111-0000-4000-8000-000000000002", 500, 520, name="a lost quote")
    xml = project_xml("MAXQDA 24", f'<TextSource guid="{SOURCE}" name="Notes"><PlainTextContent>{TEXT}</PlainTextContent>{good}{bad}</TextSource>')
    [source, summary] = import_paths(archive, [write_qdpx(tmp_path / "p.qdpx", xml, {})])
    assert source.status == "imported"
    assert any("11111111-0000-4000-8000-000000000002" in w and "past the end" in w for w in source.warnings)
    assert any("1 selection(s) could not be placed" in w for w in summary.warnings)
    with archive.session() as s:
        orphan = s.scalars(select(Annotation).where(Annotation.orphaned)).one()
        assert orphan.quote == "a lost quote"
        assert [c.name for c in orphan.codes] == ["Casualties"]  # its coding is kept with it


def test_a_small_tool_s_project_with_ids_that_are_not_guids(archive: Archive, tmp_path: Path) -> None:
    xml = ('<?xml version="1.0"?><Project xmlns="urn:QDA-XML:project:1.0" name="p">'
           '<CodeBook><Codes><Code guid="code-1" name="Theme A" color="#F57"/></Codes></CodeBook>'
           '<Sources><TextSource guid="s1" name="interview.txt" plainTextPath="interview.txt">'
           '<PlainTextSelection guid="sel-1" startPosition="0" endPosition="11"><Coding><CodeRef targetGUID="code-1"/></Coding>'
           "</PlainTextSelection></TextSource>"
           '<PictureSource guid="p1" name="map.png" path="internal://p1.png"/>'
           '<PDFSource guid="pdf-1" name="small.pdf" path="internal://pdf-1.pdf">'
           '<PDFSelection guid="a1" page="1" firstX="0" firstY="0" secondX="9" secondY="9"/>'
           '<Representation guid="r1" name="small.txt"><PlainTextContent>Hello world, a PDF.</PlainTextContent>'
           '<PlainTextSelection guid="sel-2" startPosition="6" endPosition="11"><Coding><CodeRef targetGUID="code-1"/></Coding></PlainTextSelection>'
           "</Representation></PDFSource></Sources></Project>")
    path = write_qdpx(tmp_path / "small.qdpx", xml, {"sources/interview.txt": b"Hello world, said the interviewee."})
    results = import_paths(archive, [path])
    assert [r.status for r in results] == ["imported", "imported", "imported"]
    assert any("picture source 'map.png'" in w for w in results[-1].warnings)
    assert any("1 area selection" in w for w in results[-1].warnings)
    assert sorted(_quotes(archive)) == ["Hello world", "world"]
    with archive.session() as s:
        assert s.scalars(select(Code.color)).one() == "#ff5577"
    before = counts(archive)
    import_paths(archive, [path])
    assert counts(archive) == before


def test_nvivo_notes_cases_and_case_codings(archive: Archive, tmp_path: Path) -> None:
    """NVivo: an annotation is a note linked to its selection; text coded to a case is a mention;
    MAXQDA: a selection with a Description and no coding is an annotation; a note nothing names
    is a journal."""
    case = "AAAAAAAA-0000-4000-8000-00000000CA5E"
    grozny, town = TEXT.index("Grozny"), TEXT.index("Khasavyurt")
    sel_case = selection_xml("22222222-0000-4000-8000-000000000001", grozny, grozny + 6, code=case)
    sel_note = selection_xml("22222222-0000-4000-8000-000000000002", position_in(TEXT, town, utf16=True),
                             position_in(TEXT, town + 10, utf16=True), code=None, description="Check this town")
    sel_link = selection_xml("22222222-0000-4000-8000-000000000003", 0, 8, code=None)
    extra = (f'<Cases><Case guid="{case}" name="Grozny"><Description>Capital of Chechnya</Description></Case>'
             '<Case guid="BBBBBBBB-0000-4000-8000-00000000CA5E"><SourceRef targetGUID="' + SOURCE + '"/></Case></Cases><!--sources-->'
             '<Notes><Note guid="33333333-0000-4000-8000-000000000001" name="Annotation"><PlainTextContent>NVivo annotation text</PlainTextContent></Note>'
             '<Note guid="33333333-0000-4000-8000-000000000002" name="Journal"><PlainTextContent>What I did today</PlainTextContent></Note></Notes>'
             '<Links><Link guid="44444444-0000-4000-8000-000000000001" originGUID="33333333-0000-4000-8000-000000000001" '
             'targetGUID="22222222-0000-4000-8000-000000000003"/></Links>')
    xml = project_xml("NVivo 14", f'<TextSource guid="{SOURCE}" name="Notes"><PlainTextContent>{TEXT}</PlainTextContent>'
                                  f"{sel_case}{sel_note}{sel_link}</TextSource>", extra)
    results = import_paths(archive, [write_qdpx(tmp_path / "n.qdpx", xml, {})])
    assert all(r.status == "imported" for r in results), results
    with archive.session() as s:
        notes = dict(s.execute(select(Annotation.quote, Annotation.note)).all())
        assert notes["Khasavyurt"] == "Check this town"  # MAXQDA-style description
        assert notes["Report 1"] == "NVivo annotation text"
        mention = s.scalars(select(Mention)).one()
        assert mention.actor.name == "Grozny"
        assert mention.annotation.quote == "Grozny"
        unnamed = s.scalars(select(Actor).where(Actor.name == "Case 2")).one()
        assert "Whole sources in this case" in (unnamed.notes or "")
        journal = s.scalars(select(Source).where(Source.kind == "note")).one()
        assert journal.title == "Journal"
        assert journal.text == "What I did today"
        assert s.scalars(select(Memo)).all() == []


@pytest.mark.shared
def test_codebooks_from_other_tools(archive: Archive, shared_data: Path) -> None:
    folder = shared_data / "refi" / "portableqda-qdc"
    results = import_paths(archive, sorted(folder.glob("*.qdc")))
    assert [r.status for r in results] == ["imported"] * 4, [r.error for r in results]
    with archive.session() as s:
        rows = s.execute(select(Code.uuid, Code.name, Code.parent_id, Code.description, Code.id)).all()
    by_name = {r.name: r for r in rows}
    assert by_name["code1.1"].parent_id == by_name["code1"].id  # ATLAS.ti 9, namespace version 0:4
    assert by_name["Economy"].uuid == "d7aa29da-519b-4946-9b90-253b6db8fd0a"  # braces and case
    assert by_name["SYS::REQ003"].description == "Unicode: -40° ±1%"  # description as an attribute
    before = counts(archive)
    import_paths(archive, sorted(folder.glob("*.qdc")))
    assert counts(archive) == before
