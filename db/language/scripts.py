"""Which writing system a word is in, by its first letter: what search and detection go by when
a word's language is not the source's."""

from __future__ import annotations

#: (first code point, last code point, script); letters outside these count as "Other"
_RANGES: tuple[tuple[int, int, str], ...] = (
    (0x0041, 0x024F, "Latin"),
    (0x0370, 0x03FF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"),
    (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"),
    (0x0600, 0x06FF, "Arabic"),
    (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"),
    (0x0B80, 0x0BFF, "Tamil"),
    (0x10A0, 0x10FF, "Georgian"),
    (0x1C80, 0x1C8F, "Cyrillic"),
    (0x1E00, 0x1EFF, "Latin"),
    (0x1F00, 0x1FFF, "Greek"),
    (0xFB50, 0xFDFF, "Arabic"),
    (0xFE70, 0xFEFF, "Arabic"),
)


def script_of(word: str) -> str:
    """The script of a word's first character ("Latin", "Cyrillic" ...; "Other" elsewhere)."""
    if not word:
        return "Other"
    code = ord(word[0])
    if code < 0x80:
        return "Latin" if word[0].isalpha() else "Other"
    for first, last, script in _RANGES:
        if first <= code <= last:
            return script
    return "Other"


def main_script(text: str, sample: int = 4000) -> str:
    """The script most letters of the start of ``text`` are written in."""
    counts: dict[str, int] = {}
    for char in text[:sample]:
        if char.isalpha():
            script = script_of(char)
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else "Other"


#: the scripts read from right to left
RIGHT_TO_LEFT = frozenset({"Arabic", "Hebrew"})


def right_to_left(text: str, script: str | None = None) -> bool:
    """Whether ``text`` is read from right to left: by ``script`` (its language's) when given,
    else by the script most letters of its start are in."""
    return (script if script is not None else main_script(text)) in RIGHT_TO_LEFT
