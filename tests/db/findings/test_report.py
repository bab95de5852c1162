"""The claims dossier as a reader sees it: DOCX re-read with python-docx, PDF with pypdf, HTML as text."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest

from db.archive import Archive
from db.commands import set_memo
from db.findings.estimates import Selection
from db.findings.report.build import EmptyReport, ReportOptions
from db.findings.report.write import write_report
from db.findings.rules import Rule
from db.models import Source

RUSSIAN = "По данным МВД, в Дагестане убиты 249 боевиков."
ARABIC = "قالت الوزارة إن 260 مسلحا قتلوا في داغستان."


@pytest.fixture
def dossier(seed: Any, archive: Archive) -> dict[str, int]:
    """Three claims about one group, in English, Russian and Arabic; a conflicting fourth."""
    english = seed.source("Kommersant", "Officials said 240 militants were killed in 2014.",
                          published="2015-01-10", title="Officials count the dead")
    russian = seed.source("RIA", RUSSIAN, published="2015-01-12", title="Итоги года")
    arabic = seed.source("Al Jazeera", ARABIC, published="2015-02-01", title="حصيلة العام")
    return {
        "english": seed.claim(english, 240, quote="240 militants were killed", claimant="Interior Ministry"),
        "russian": seed.claim(russian, 249, quote="в Дагестане убиты 249 боевиков", claimant="МВД"),
        "arabic": seed.claim(arabic, 260, quote="260 مسلحا قتلوا", claimant="الوزارة"),
        "conflict": seed.claim(english, 5000, quote="Officials said", claimant="Rumour Mill"),
    }


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.mark.parametrize("suffix", [".docx", ".pdf", ".html"])
def test_the_report_shows_each_estimate_its_rule_claims_conflicts_and_sources(
    archive: Archive, dossier: dict[str, int], tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"dossier{suffix}"
    shown = write_report(archive, out, ReportOptions(rule=Rule.MEDIAN))
    assert shown == 4
    text = {".docx": docx_text, ".pdf": pdf_text, ".html": lambda p: p.read_text("utf-8")}[suffix](out)
    flat = " ".join(text.split())
    assert "Claims dossier" in flat
    assert "militants killed — North Caucasus — 2014" in flat
    assert "Rule: Median." in flat
    assert "240 militants were killed" in flat
    assert "Interior Ministry" in flat
    assert "Conflicting claims" in flat
    assert "Rumour Mill" in flat
    assert "Bibliography" in flat
    assert "Kommersant. 2015. “Officials count the dead.” January 10." in flat
    # Cyrillic as written; Arabic present (pypdf gives it in visual order, so letters are checked)
    assert "в Дагестане убиты 249 боевиков" in flat
    assert "Итоги года" in flat
    if suffix == ".pdf":
        assert {"م", "س", "ل", "ح"} <= set(text)
    else:
        assert "260 مسلحا قتلوا" in flat
        assert "حصيلة العام" in flat


def test_the_docx_opens_in_python_docx_with_its_tables_and_chart(archive: Archive, dossier: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "dossier.docx"
    write_report(archive, out, ReportOptions())
    document = docx.Document(str(out))
    claims_table = next(t for t in document.tables if t.rows[0].cells[1].text == "Claimant")
    assert [c.text for c in claims_table.rows[0].cells] == ["#", "Claimant", "Value", "Low–high", "Quote", "Where", "Source", "Counted"]
    assert len(claims_table.rows) == 1 + 4
    assert len(document.inline_shapes) == 1  # the estimate's chart
    assert document.core_properties.author == ""
    # Arabic paragraphs and cells are marked right to left for Word
    xml = out.read_bytes()
    import zipfile

    body = zipfile.ZipFile(io.BytesIO(xml)).read("word/document.xml").decode("utf-8")
    arabic_cell = re.search(r"<w:p><w:pPr>(.*?)</w:pPr><w:r><w:rPr>(.*?)</w:rPr><w:t[^>]*>260 مسلحا", body)
    assert arabic_cell is not None
    assert "<w:bidi/>" in arabic_cell.group(1)
    assert "<w:rtl/>" in arabic_cell.group(2)


def test_the_pdf_has_its_pages_fonts_and_chart(archive: Archive, dossier: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "dossier.pdf"
    write_report(archive, out, ReportOptions())
    reader = pypdf.PdfReader(out)
    assert reader.metadata is not None
    assert reader.metadata.title == "Claims dossier"
    fonts = {str(f) for page in reader.pages for f in (page["/Resources"].get("/Font") or {}).values()}
    assert fonts
    images = [image for page in reader.pages for image in page.images]
    assert len(images) == 1


def test_the_same_archive_gives_the_same_html_byte_for_byte(archive: Archive, dossier: dict[str, int], tmp_path: Path) -> None:
    first, second = tmp_path / "a.html", tmp_path / "b.html"
    write_report(archive, first, ReportOptions(annotated=True))
    write_report(archive, second, ReportOptions(annotated=True))
    assert first.read_bytes() == second.read_bytes()
    html = first.read_text("utf-8")
    assert "<script" not in html
    assert re.search(r'src="(?!data:)', html) is None  # self-contained: no outside files
    assert 'dir="auto"' in html


def test_redacted_reports_hold_no_trace_of_the_chosen_actors(seed: Any, archive: Archive, tmp_path: Path) -> None:
    """Marker names in every place a name can reach: claimant, place, quote, title, outlet,
    author, memo and coded segment; none may survive in any format."""
    informant, victim = "Zarema Markerova", "Маркер Иванов"
    text = (f"{informant} told us that 12 people died in Markerovka; {victim} was among them. "
            f"ZAREMA MARKEROVA later repeated it.")
    source = seed.source("Markerova Weekly", text, title=f"Interview with {informant}")
    with archive.session() as session:
        row = session.get(Source, source)
        assert row is not None
        row.author = informant
        set_memo(session, "source", row.uuid, f"{victim}'s family asked to stay anonymous.")
        from db.codebook import add_code
        from db.commands import add_actor, add_annotation, set_annotation_codes

        add_actor(session, informant, "person", aliases=["Zarema M."])
        add_actor(session, victim, "person", aliases=["Marker Ivanov"])
        annotation = add_annotation(session, source, 0, len(informant) + 10)
        set_annotation_codes(session, annotation, [add_code(session, "Witness")])
    seed.claim(source, 12, quote=f"{informant} told us that 12 people died", claimant=informant,
               place="Markerovka")
    seed.claim(seed.source("Other"), 14, claimant=victim, place="Markerovka")
    options = ReportOptions(redact=(informant, "Marker Ivanov", "Markerovka", "Markerova Weekly"), annotated=True)
    for suffix in (".html", ".docx", ".pdf"):
        out = tmp_path / f"redacted{suffix}"
        write_report(archive, out, options)
        text_seen = {".docx": docx_text, ".pdf": pdf_text, ".html": lambda p: p.read_text("utf-8")}[suffix](out)
        for marker in ("Zarema", "ZAREMA", "Markerova", "Маркер", "Marker Ivanov", "Markerovka"):
            assert marker.casefold() not in text_seen.casefold(), (suffix, marker)
        assert "Person A" in text_seen
        assert "Person B" in text_seen
        assert "Place A" in text_seen
        raw = out.read_bytes()
        for marker in ("Zarema", "Markerova", "Markerovka"):
            assert marker.encode() not in raw, (suffix, marker)


def test_an_empty_selection_says_so(archive: Archive, dossier: dict[str, int], tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    with pytest.raises(EmptyReport, match="the selection has no claims"):
        write_report(archive, out, ReportOptions(selection=Selection(period="1999")))
    assert not out.exists()
