"""Annotations stay on their words when a source's text changes; what cannot be placed is kept."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db.anchors import Anchor, Placement, orphans_of, place_orphan, reanchor, replace_source_text
from db.archive import Archive
from db.codebook import add_code
from db.commands import add_annotation, add_mention, anchor_context, find_or_add_actor
from db.queries import annotations_of, source_text
from tests.factories import make_source, make_statistic

TEXT = (
    "On Monday the monitoring mission reported that 5,816 people had been killed in eastern "
    "Ukraine since mid-April. The mission said shelling continued near Donetsk. "
    "Local officials said shelling continued near Luhansk as well."
)


def anchor(text: str, quote: str, occurrence: int = 0) -> Anchor:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    end = start + len(quote)
    quote_, prefix, suffix = anchor_context(text, start, end)
    return Anchor(start, end, quote_, prefix, suffix)


def place(old: str, new: str, a: Anchor, *, with_old: bool = True) -> tuple[Placement, str, int]:
    (result,) = reanchor(new, [a], old if with_old else None)
    assert new[result.start : result.end] == result.quote or result.placement is Placement.ORPHANED
    return result.placement, new[result.start : result.end], result.start


@pytest.mark.parametrize("with_old", [True, False])
def test_an_insertion_before_the_span_moves_it(with_old: bool) -> None:
    a = anchor(TEXT, "5,816 people")
    new = "UPDATED: " + TEXT
    assert place(TEXT, new, a, with_old=with_old) == (Placement.MOVED, "5,816 people", a.start + 9)


@pytest.mark.parametrize("with_old", [True, False])
def test_an_edit_after_the_span_leaves_it_in_place(with_old: bool) -> None:
    a = anchor(TEXT, "5,816 people")
    new = TEXT.replace("Luhansk as well.", "Luhansk.")
    placement, quote, start = place(TEXT, new, a, with_old=with_old)
    assert (placement, quote, start) == (Placement.PLACED, "5,816 people", a.start)


def test_a_deletion_before_the_span_moves_it_back() -> None:
    a = anchor(TEXT, "near Luhansk")
    new = TEXT.replace("On Monday the monitoring", "The monitoring")
    assert place(TEXT, new, a) == (Placement.MOVED, "near Luhansk", a.start - len("On Monday ") + 0)


def test_an_insertion_inside_the_span_widens_it() -> None:
    a = anchor(TEXT, "5,816 people had been killed")
    new = TEXT.replace("people had been killed", "people had reportedly been killed")
    placement, quote, _ = place(TEXT, new, a)
    assert placement is Placement.MOVED
    assert quote == "5,816 people had reportedly been killed"


def test_a_typo_fixed_inside_the_span_keeps_it_without_the_old_text() -> None:
    text = TEXT.replace("monitoring mission", "monitorng mission")
    a = anchor(text, "the monitorng mission reported")
    placement, quote, _ = place(text, TEXT, a, with_old=False)
    assert placement is Placement.MOVED
    assert quote == "the monitoring mission reported"


def test_a_deletion_inside_the_span_shrinks_it() -> None:
    a = anchor(TEXT, "killed in eastern Ukraine since mid-April")
    new = TEXT.replace("eastern Ukraine", "Ukraine")
    placement, quote, _ = place(TEXT, new, a)
    assert placement is Placement.MOVED
    assert quote == "killed in Ukraine since mid-April"


def test_repeated_quotes_each_stay_on_their_own_occurrence() -> None:
    first = anchor(TEXT, "shelling continued near", 0)
    second = anchor(TEXT, "shelling continued near", 1)
    # an insertion between the two, and one before both, with no old text to lean on
    new = "Note. " + TEXT.replace("Local officials", "Later, local officials")
    (r1, r2) = reanchor(new, [first, second])
    assert new[r1.end : r1.end + 8] == " Donetsk"
    assert new[r2.end : r2.end + 8] == " Luhansk"


def test_a_deleted_span_is_orphaned_and_keeps_its_quote() -> None:
    a = anchor(TEXT, "The mission said shelling continued near Donetsk. ")
    new = TEXT.replace("The mission said shelling continued near Donetsk. ", "")
    (result,) = reanchor(new, [a], TEXT)
    assert result.placement is Placement.ORPHANED
    assert result.quote == a.quote
    assert 0 <= result.start <= result.end <= len(new)


def test_a_short_quote_is_not_guessed_elsewhere() -> None:
    text = "Casualties: 40. The end."
    a = anchor(text, "40")
    (result,) = reanchor("A completely different text with 40 in it.", [a], text)
    assert result.placement is Placement.ORPHANED


def test_text_beyond_the_bmp_counts_code_points() -> None:
    old = "🙂 Донецк: قالت الأمم المتحدة إن 𝟝 قتلوا 👩‍👩‍👧 near Donetsk."
    a = anchor(old, "𝟝 قتلوا")
    new = "🎉🎉 " + old.replace("👩‍👩‍👧", "")
    for with_old in (True, False):
        placement, quote, start = place(old, new, a, with_old=with_old)
        assert (placement, quote) == (Placement.MOVED, "𝟝 قتلوا")
        assert start == a.start + 3


def test_replace_source_text_updates_every_annotation_in_the_database(archive: Archive) -> None:
    source_id = make_source(archive, TEXT)
    statistic_id = make_statistic(archive, source_id, "5,816 people")
    with archive.session() as s:
        code = add_code(s, "shelling")
        coded = add_annotation(
            s, source_id, TEXT.index("near Luhansk"), TEXT.index("near Luhansk") + 12,
            code_ids=[code], note="second report",
        )
        actor = find_or_add_actor(s, "Donetsk", "place")
        add_mention(s, source_id, TEXT.index("Donetsk"), TEXT.index("Donetsk") + 7, actor)
        doomed = add_annotation(s, source_id, TEXT.index("On Monday"), TEXT.index("On Monday") + 9)
    new = "Correction appended. " + TEXT.replace("On Monday the", "The").replace(
        "Luhansk", "Luhansk (Lugansk)"
    )
    with archive.session() as s:
        report = replace_source_text(s, source_id, new)
    assert report.total == 4
    assert [o.annotation_id for o in report.orphaned] == [doomed]
    assert report.orphaned[0].quote == "On Monday"
    with archive.session() as s:
        assert source_text(s, source_id) == new
        rows = {r.id: r for r in annotations_of(s, source_id)}
        assert len(rows) == 4
        for row in rows.values():
            if not row.orphaned:
                assert new[row.start : row.end] == row.quote
        assert rows[coded].quote == "near Luhansk"
        assert rows[coded].codes == ("shelling",)
        assert rows[coded].note == "second report"
        assert rows[doomed].orphaned
        assert {r.quote for r in rows.values() if r.statistic_id == statistic_id} == {"5,816 people"}
        assert {r.quote for r in rows.values() if r.mention_id} == {"Donetsk"}
        assert [o.annotation_id for o in orphans_of(s, [source_id])] == [doomed]
        # the user places the orphan by hand
        place_orphan(s, doomed, new.index("The monitoring"), new.index("The monitoring") + 3)
    with archive.session() as s:
        assert orphans_of(s) == []
        assert {r.id: r for r in annotations_of(s, source_id)}[doomed].quote == "The"


def test_an_orphan_finds_its_place_again_when_the_text_comes_back(archive: Archive) -> None:
    source_id = make_source(archive, TEXT)
    with archive.session() as s:
        annotation = add_annotation(s, source_id, 0, 9)
    with archive.session() as s:
        assert [o.annotation_id for o in replace_source_text(s, source_id, TEXT[10:]).orphaned] == [
            annotation
        ]
    with archive.session() as s:
        report = replace_source_text(s, source_id, TEXT)
        assert report.orphaned == []
        assert report.moved == [annotation]
    with archive.session() as s:
        (row,) = annotations_of(s, source_id)
        assert (row.start, row.end, row.quote, row.orphaned) == (0, 9, "On Monday", False)


def test_an_unchanged_text_places_everything(archive: Archive) -> None:
    source_id = make_source(archive, TEXT)
    with archive.session() as s:
        ids = [add_annotation(s, source_id, i, i + 5) for i in range(0, 100, 10)]
        report = replace_source_text(s, source_id, TEXT)
    assert report.placed == ids
    assert report.moved == report.orphaned == []


@given(
    st.text(alphabet="ab 🙂Жن.\n", min_size=20, max_size=200),
    st.data(),
)
def test_an_edit_outside_a_span_never_loses_it(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    a = Anchor(start, end, *anchor_context(text, start, end))
    # one insertion or deletion wholly before or after the span
    before = data.draw(st.booleans())
    low, high = (0, start) if before else (end, len(text))
    at = data.draw(st.integers(low, high))
    cut = data.draw(st.integers(0, high - at))
    inserted = data.draw(st.text(alphabet="xy🎉", max_size=10))
    new = text[:at] + inserted + text[at + cut :]
    shift = len(inserted) - cut if before else 0
    (result,) = reanchor(new, [a], text)
    assert result.placement is not Placement.ORPHANED
    assert new[result.start : result.end] == a.quote
    if cut == 0:  # inserted letters the text does not have: only one reading of the edit
        assert (result.start, result.end) == (start + shift, end + shift)
    else:  # deleting from a run of equal letters can be read several ways
        assert abs(result.start - (start + shift)) <= cut
    # without the old text the quote is still found, though maybe on a twin of it
    (blind,) = reanchor(new, [a])
    if blind.placement is not Placement.ORPHANED:
        assert new[blind.start : blind.end] == a.quote
