"""Code points <-> UTF-16 positions, the way Qt counts them (no Qt needed)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.views.textpos import (
    OffsetMap,
    astral_offsets,
    display_text,
    to_codepoint,
    to_utf16,
    utf16_length,
)


def utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


MIXED = "Отчёт 🙂 من حلب: 5,816 killed 👩‍👩‍👧 in 𝟚𝟘𝟙𝟜, 𠀋 end"


def test_ascii_and_bmp_scripts_count_the_same() -> None:
    for text in ("plain ASCII", "Донецк и Луганск", "قالت الأمم المتحدة", "naïve café"):
        positions = OffsetMap(text)
        assert not positions.has_astral
        assert positions.utf16_length == len(text)
        assert [positions.to_utf16(i) for i in range(len(text) + 1)] == list(range(len(text) + 1))
        assert [positions.to_codepoint(i) for i in range(len(text) + 1)] == list(
            range(len(text) + 1)
        )


def test_emoji_take_two_units_and_shift_what_follows() -> None:
    positions = OffsetMap("a🙂b")
    assert positions.utf16_length == 4
    assert [positions.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    assert [positions.to_codepoint(u, round_down=True) for u in range(5)] == [0, 1, 1, 2, 3]
    assert [positions.to_codepoint(u) for u in range(5)] == [0, 1, 2, 2, 3]


def test_a_selection_inside_a_surrogate_pair_keeps_whole_characters() -> None:
    positions = OffsetMap("a🙂b")
    assert positions.span_to_codepoints(0, 2) == (0, 2)
    assert positions.span_to_codepoints(2, 4) == (1, 3)
    assert positions.span_to_codepoints(3, 2) == (1, 2)


def test_every_offset_of_a_mixed_text_agrees_with_utf16_encoding() -> None:
    positions = OffsetMap(MIXED)
    assert positions.utf16_length == utf16_units(MIXED)
    for offset in range(len(MIXED) + 1):
        expected = utf16_units(MIXED[:offset])
        assert positions.to_utf16(offset) == expected
        assert positions.to_codepoint(expected) == offset
        assert positions.to_codepoint(expected, round_down=True) == offset


def test_a_quote_round_trips_through_utf16() -> None:
    start = MIXED.index("𝟚𝟘𝟙𝟜")
    end = start + len("𝟚𝟘𝟙𝟜")
    positions = OffsetMap(MIXED)
    u_start, u_end = positions.span_to_utf16(start, end)
    assert u_end - u_start == 8
    assert MIXED.encode("utf-16-le")[2 * u_start : 2 * u_end].decode("utf-16-le") == "𝟚𝟘𝟙𝟜"
    assert positions.span_to_codepoints(u_start, u_end) == (start, end)


def test_out_of_range_is_clamped() -> None:
    positions = OffsetMap("🙂x")
    assert positions.to_utf16(-5) == 0
    assert positions.to_utf16(99) == 3
    assert positions.to_codepoint(99) == 2
    assert positions.to_codepoint(-1) == 0


def test_module_functions() -> None:
    assert astral_offsets(MIXED) == [i for i, ch in enumerate(MIXED) if ord(ch) > 0xFFFF]
    assert utf16_length(MIXED) == utf16_units(MIXED)
    assert to_utf16("🙂🙂x", 2) == 4
    assert to_codepoint("🙂🙂x", 4) == 2
    assert to_codepoint("", 0) == 0


def test_display_text_keeps_offsets_when_lines_end_in_crlf() -> None:
    text = "one\r\ntwo\rthree"
    shown = display_text(text)
    assert len(shown) == len(text)
    assert shown.index("two") == text.index("two")
    assert "\r" not in shown


@pytest.mark.parametrize("text", ["", "🙂", "🙂🙂", "x🙂", "🙂x", "\U0010ffff\U00010000"])
def test_edges(text: str) -> None:
    positions = OffsetMap(text)
    assert positions.to_utf16(len(text)) == utf16_units(text)
    assert positions.to_codepoint(utf16_units(text)) == len(text)


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60), st.data())
def test_conversion_matches_python_utf16(text: str, data: st.DataObject) -> None:
    positions = OffsetMap(text)
    offset = data.draw(st.integers(0, len(text)))
    unit = utf16_units(text[:offset])
    assert positions.to_utf16(offset) == unit
    assert positions.to_codepoint(unit) == offset
    assert positions.to_codepoint(unit, round_down=True) == offset
