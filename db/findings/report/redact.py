"""Redaction: chosen actors (informants, victims) replaced by pseudonyms everywhere.

Every text that goes into a redacted report passes through :meth:`Redactor.apply`: titles,
quotes, claimant and place names, memos, notes, the bibliography. An actor's name and all its
aliases (transliterations, other scripts) are replaced, whole words only, case-insensitively, the
longest first so "Rustam Asilderov" is not left half-done by "Rustam". A name given that is no
actor of the archive is still replaced wherever it occurs as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import Actor, Alias
from db.text import fold

_KIND_WORD = {"person": "Person", "organisation": "Organisation", "armed_group": "Group",
              "state_body": "Body", "place": "Place", "media_outlet": "Outlet"}


def _letters(n: int) -> str:
    """A, B, … Z, AA, AB …"""
    text = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        text = chr(ord("A") + rest) + text
    return text


class Redactor:
    """Replaces names by pseudonyms; with no names it changes nothing."""

    def __init__(self, names: Sequence[tuple[str, str]] = ()) -> None:
        #: (name, pseudonym) for every name and alias, longest name first
        self.names = tuple(sorted(names, key=lambda pair: (-len(pair[0]), pair[0])))
        self._lookup = {fold(name): pseudonym for name, pseudonym in self.names}
        self._pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n, _ in self.names) + r")(?!\w)", re.IGNORECASE)
            if self.names
            else None
        )

    @property
    def active(self) -> bool:
        return bool(self.names)

    @property
    def pseudonyms(self) -> tuple[str, ...]:
        return tuple(sorted({p for _, p in self.names}))

    def apply(self, text: str) -> str:
        if self._pattern is None or not text:
            return text
        return self._pattern.sub(lambda m: self._lookup.get(fold(m.group(0)), "[redacted]"), text)

    def maybe(self, text: str | None) -> str | None:
        return None if text is None else self.apply(text)


def redactor_for(session: Session, names: Sequence[str]) -> Redactor:
    """A redactor for the actors named (by name or alias), pseudonyms in the order given."""
    if not names:
        return Redactor()
    actors = session.execute(select(Actor.id, Actor.name, Actor.kind)).all()
    aliases: dict[int, list[str]] = {}
    for actor_id, alias in session.execute(select(Alias.actor_id, Alias.name)):
        aliases.setdefault(actor_id, []).append(alias)
    by_name: dict[str, tuple[int, str, str]] = {}
    for actor_id, name, kind in actors:
        for n in (name, *aliases.get(actor_id, ())):
            by_name.setdefault(fold(n), (actor_id, name, kind))
    counters: dict[str, int] = {}
    pseudonym_of: dict[object, str] = {}
    pairs: list[tuple[str, str]] = []
    for given in names:
        found = by_name.get(fold(given))
        key: object = found[0] if found else ("name", fold(given))
        if key not in pseudonym_of:
            word = _KIND_WORD.get(found[2], "Actor") if found else "Name"
            counters[word] = counters.get(word, 0) + 1
            pseudonym_of[key] = f"{word} {_letters(counters[word] - 1)}"
        pseudonym = pseudonym_of[key]
        if found:
            actor_id, name, _ = found
            pairs += [(n, pseudonym) for n in (name, *aliases.get(actor_id, ()))]
        pairs.append((given, pseudonym))
    unique = {fold(n): (n, p) for n, p in pairs if n.strip()}
    return Redactor(tuple(unique.values()))
