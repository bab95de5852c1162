"""Ukrainian names that reach past a run of capitalised words: an organisation's name written
before its quoted name ("Благодійний фонд «Платар»"), taken with it as one organisation."""

from __future__ import annotations

from db.extract.mentions import ukrainian

Found = tuple[int, int, str | None, str]  # start, end, kind, name as suggested

_ORGANISATIONS = {"organisation", "state_body", "armed_group", "media_outlet"}


def widen(text: str, found: list[Found]) -> list[Found]:
    """The names of a Ukrainian text (sorted by start, longest first) with the ones a name
    before them holds already left out, and an organisation followed by its quoted name taken
    with it ("Благодійного фонду «Платар»" -> "Благодійний фонд «Платар»")."""
    kept: list[Found] = []
    for name in found:
        if kept and name[0] < kept[-1][1]:
            continue  # a name that ran on over the next run holds it already
        kept.append(_with_quoted_name(text, name))
    return kept


def _with_quoted_name(text: str, name: Found) -> Found:
    start, end, kind, written = name
    if kind not in _ORGANISATIONS and kind is not None:
        return name
    last = text[start:end].split()[-1]
    if text[start:end].isupper() or not ukrainian.ORGANISATION_NOUN.search(last):
        return name
    close = ukrainian.quoted_end(text, end)
    if close is None:
        return name
    return (start, close, kind or "organisation",
            f"{written} {ukrainian.quoted(text[end:close])}")
