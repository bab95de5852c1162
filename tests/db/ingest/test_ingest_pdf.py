"""PDF files: text per page with page boundaries, properties, encryption, scans, damage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from db.dates import PartialDate
from db.extract.statistics import suggest_statistics
from db.ingest import pdf, pdftext
from db.ingest.base import IngestError, ParsedSource, PasswordRequired

SAMPLES = "pdf/py-pdf-sample-files"
MakePdf = Callable[..., Path]


def read(path: Path, password: str | None = None) -> ParsedSource:
    sources = list(pdf.parse(path, password=password))
    assert len(sources) == 1
    return sources[0]


def test_text_pages_and_properties(make_pdf: MakePdf) -> None:
    path = make_pdf(
        "report.pdf",
        ["Casualties rose to 120 in May.", "Annex: the method (revised)."],
        title="Monthly report",
        author="Field team",
        created="D:20150711093000+03'00'",
    )
    source = read(path)
    assert source.title == "Monthly report"
    assert source.author == "Field team"
    assert source.published == PartialDate(2015, 7, 11)
    assert len(source.page_starts) == 2
    first, second = source.page_starts
    assert first == 0
    assert source.text[first:second].strip() == "Casualties rose to 120 in May."
    assert source.text[second:] == "Annex: the method (revised)."
    assert source.warnings == []


def test_words_broken_at_line_ends_are_mended(make_pdf: MakePdf) -> None:
    path = make_pdf(
        "typeset.pdf",
        [
            "The govern-\nment of Kabardino-\nBalkaria reported that well-\nknown militants were\nkilled; "
            "a well-known\nwarlord sur-\nrendered in Ab\u00ad\nkhazia.",
            "Page two contin-\nues.",
        ],
    )
    source = read(path)
    assert "The government of Kabardino-Balkaria reported" in source.text
    assert "that well-known militants" in source.text  # a compound the document spells so
    assert "warlord surrendered in Abkhazia." in source.text
    second = source.page_starts[1]
    assert source.text[second:] == "Page two continues."


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (["Lines ending in a dash -\nstay apart."], ["Lines ending in a dash -\nstay apart."]),
        (["From 2014-\n2015 on."], ["From 2014-\n2015 on."]),
        (["co-\noperation, and cooperation"], ["cooperation, and cooperation"]),
        (["co-\noperation, and co-operation"], ["co-operation, and co-operation"]),
        (["Ho\u2010\nmöomorphismus"], ["Homöomorphismus"]),
    ],
)
def test_only_hyphens_inside_words_are_mended(pages: list[str], expected: list[str]) -> None:
    assert pdftext.join_broken_words(pages) == expected


def test_page_numbers_and_running_heads_are_left_out(make_pdf: MakePdf) -> None:
    pages = [
        f"Human Rights Watch | March 2015\nFinding {n}: {n + 4} people were detained in sector {n}.\n{n + 11}"
        for n in range(1, 6)
    ]
    source = read(make_pdf("report.pdf", pages))
    assert "Human Rights Watch" not in source.text
    bodies = [source.text[a:b].strip() for a, b in zip(source.page_starts, [*source.page_starts[1:], None], strict=True)]
    assert bodies == [f"Finding {n}: {n + 4} people were detained in sector {n}." for n in range(1, 6)]


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        # "- 3 -", "Page 4 of 9", roman numerals in a preface
        (["Intro\n- 3 -", "More\n- 4 -", "End\n- 5 -"], ["Intro", "More", "End"]),
        (["Page 4 of 9\nA", "Page 5 of 9\nB", "Page 6 of 9\nC"], ["A", "B", "C"]),
        (["Preface\nii", "Thanks\niii", "Contents\niv"], ["Preface", "Thanks", "Contents"]),
        # numbers that do not count the pages are text: a table's last cells
        (["Shells\n25", "Dead\n3", "Wounded\n41"], ["Shells\n25", "Dead\n3", "Wounded\n41"]),
        # sentences that open every page alike are text, not running heads
        ([f"Finding {n}: {n} people were detained.\nMore." for n in range(1, 5)],
         [f"Finding {n}: {n} people were detained.\nMore." for n in range(1, 5)]),
        # two pages are too few to tell furniture from text
        (["Report\n1", "Annex\n2"], ["Report\n1", "Annex\n2"]),
    ],
)
def test_only_what_repeats_on_the_pages_is_furniture(pages: list[str], expected: list[str]) -> None:
    assert pdftext.drop_page_furniture(pages) == expected


def test_without_a_title_property_the_first_line_is_the_title(make_pdf: MakePdf) -> None:
    source = read(make_pdf("untitled.pdf", ["Situation update, week 12"]))
    assert source.title == "Situation update, week 12"


def test_a_placeholder_title_property_is_ignored(make_pdf: MakePdf) -> None:
    path = make_pdf("export.pdf", ["Ceasefire monitoring, May"], title="Microsoft Word - cf.docx")
    assert read(path).title == "Ceasefire monitoring, May"


def test_encrypted_pdf_opens_with_its_password(make_pdf: MakePdf) -> None:
    path = make_pdf("locked.pdf", ["Confidential interview notes."], password="s3cret")
    assert read(path, password="s3cret").text == "Confidential interview notes."


def test_encrypted_pdf_without_password_asks_for_one(make_pdf: MakePdf) -> None:
    path = make_pdf("locked.pdf", ["Confidential interview notes."], password="s3cret")
    with pytest.raises(PasswordRequired, match="encrypted"):
        read(path)


def test_encrypted_pdf_with_a_wrong_password(make_pdf: MakePdf) -> None:
    path = make_pdf("locked.pdf", ["Confidential interview notes."], password="s3cret")
    with pytest.raises(PasswordRequired, match="wrong password"):
        read(path, password="guess")


def test_image_only_pdf_is_kept_with_a_warning(make_pdf: MakePdf) -> None:
    source = read(make_pdf("scan.pdf", [None, None], title="Scanned leaflet"))
    assert source.text == ""
    assert source.title == "Scanned leaflet"
    assert source.warnings == [pdf.NO_TEXT_WARNING]
    assert "OCR" in source.warnings[0]


def test_a_page_without_text_is_named_in_a_warning(make_pdf: MakePdf) -> None:
    source = read(make_pdf("mixed.pdf", ["Typed page.", None]))
    assert source.text.startswith("Typed page.")
    assert any("page(s) 2" in w for w in source.warnings)


def test_truncated_pdf_is_an_error(make_pdf: MakePdf, tmp_path: Path) -> None:
    whole = make_pdf("whole.pdf", ["Some text here."]).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(IngestError):
        read(cut)


def test_not_a_pdf_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "letter.pdf"
    path.write_text("Dear colleague, this is not a PDF.")
    with pytest.raises(IngestError, match="not a PDF"):
        read(path)


def test_zero_byte_pdf_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.touch()
    with pytest.raises(IngestError, match="empty file"):
        read(path)


def test_pypdf_noise_stays_off_the_log(
    make_pdf: MakePdf, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    whole = make_pdf("whole.pdf", ["Some text here."]).read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(whole[:-40])
    with pytest.raises(IngestError, match="truncated"):
        read(cut)
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]


@pytest.mark.shared
def test_shared_encrypted_sample(shared_data: Path) -> None:
    path = shared_data / SAMPLES / "005-libreoffice-writer-password_libreoffice-writer-password.pdf"
    with pytest.raises(PasswordRequired):
        read(path)
    with pytest.raises(PasswordRequired, match="wrong password"):
        read(path, password="permission")
    source = read(path, password="openpassword")
    assert source.text.startswith("Lorem ipsum dolor sit amet")


@pytest.mark.shared
def test_shared_image_only_sample(shared_data: Path) -> None:
    source = read(shared_data / SAMPLES / "007-imagemagick-images_imagemagick-CCITTFaxDecode.pdf")
    assert source.text == ""
    assert pdf.NO_TEXT_WARNING in source.warnings
    assert source.title == "imagemagick-CCITTFaxDecode"  # its title property, NUL removed


@pytest.mark.shared
def test_shared_arabic_sample(shared_data: Path) -> None:
    source = read(shared_data / SAMPLES / "015-arabic_habibi.pdf")
    assert "حَبيبي" in source.text
    assert "habibi" in source.text


@pytest.mark.shared
def test_shared_multicolumn_sample(shared_data: Path) -> None:
    source = read(shared_data / SAMPLES / "026-latex-multicolumn_multicolumn.pdf")
    assert len(source.page_starts) == 3
    assert source.text.startswith("Two-Column Document with Lorem Ipsum")
    assert source.published == PartialDate(2024, 1, 3)
    # The "ﬁ" ligature is spelled out so that searches for "filled" find it.
    assert "two columns filled" in source.text


@pytest.mark.shared
def test_shared_four_pages_keep_their_boundaries(shared_data: Path) -> None:
    source = read(shared_data / SAMPLES / "004-pdflatex-4-pages_pdflatex-4-pages.pdf")
    starts = source.page_starts
    assert len(starts) == 4
    assert starts == sorted(starts)
    pages = [source.text[a:b] for a, b in zip(starts, [*starts[1:], len(source.text)], strict=True)]
    assert all(page.strip() for page in pages)


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("masculinity-survey_masculinity-survey.pdf", "Masculinity Survey"),
        ("non-voters_nonvoters_codebook.pdf", "Are you a U.S. citizen?"),
    ],
)
def test_shared_fivethirtyeight(shared_data: Path, name: str, words: str) -> None:
    source = read(shared_data / "pdf" / "fivethirtyeight" / name)
    assert words in source.text
    assert "\u200b" not in source.text
    assert len(source.page_starts) > 1


def test_words_set_apart_without_a_space_character_stay_apart(make_pdf: MakePdf) -> None:
    # "279" and "people" with a gap of a quarter of the type size and no space drawn: pdfplumber's
    # fixed tolerance of 3 points read "279people"
    path = make_pdf("kerned.pdf", [b"[(At least 279) -240 (people were sentenced.)] TJ"])
    assert "At least 279 people were sentenced." in read(path).text


def test_glyphs_mapped_to_no_character_are_left_out() -> None:
    assert pdf._tidy("(cid:3) In January, 6 people were killed.\na (cid:2) b") == \
        "In January, 6 people were killed.\na b"


def test_a_running_foot_and_page_number_inside_the_page_are_furniture() -> None:
    # a page in two columns read one after the other: the left column's foot comes mid-page
    words = ["Armed groups", "Police", "Soldiers", "Militias", "Guards"]
    pages = [f"{word} killed at least\n{n + 5} people.\nAnnual Report 2011\n{n + 40}\n"
             f"Death penalty\nThe right column goes on." for n, word in enumerate(words, start=1)]
    mended = pdftext.drop_page_furniture(pages)
    assert mended[2] == "Soldiers killed at least\n8 people.\nDeath penalty\nThe right column goes on."
    # a heading without a number repeats on every page and stays
    assert all("Death penalty" in page for page in mended)


def test_a_heading_is_set_apart_from_the_sentence_it_heads(make_pdf: MakePdf) -> None:
    path = make_pdf("heading.pdf", [
        b"/F2 14 Tf (Arbitrary arrests) Tj 0 -20 Td /F1 12 Tf (According to the HRCP, 130 relatives were held) Tj "
        b"0 -14 Td (in a camp guarded by the army.) Tj 0 -14 Td (Most of them were released in May.) Tj"])
    text = read(path).text
    assert text.startswith("Arbitrary arrests\n\nAccording to the HRCP, 130 relatives were held\n")
    [figure] = suggest_statistics(text)
    assert (figure.value, figure.claimant) == (130, "HRCP")


def test_furniture_set_apart_by_blank_lines_leaves_one_sentence() -> None:
    words = ["Armed groups", "Police", "Soldiers", "Militias", "Guards"]
    pages = [f"{word} detained many\n\nAnnual Report 2011\n\nof their members in May.\nMore."
             for word in words]
    assert pdftext.drop_page_furniture(pages)[1] == "Police detained many\nof their members in May.\nMore."


def test_a_word_whose_hyphen_is_set_in_another_font_stays_one(make_pdf: MakePdf) -> None:
    path = make_pdf("hyphen.pdf", [b"(In Bosnia) Tj /F2 12 Tf (-) Tj /F1 12 Tf (Herzegovina 6 attacks were recorded.) Tj"])
    assert "In Bosnia-Herzegovina 6 attacks were recorded." in read(path).text
