"""A source's metadata set by the researcher: its language (what search, suggestions and
matching read it by)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from db.commands import CommandError, update_source
from db.language import normalise_code
from db.models import Source
from db.undo.base import Change


@dataclass(frozen=True)
class SourceLanguageSet(Change):
    """The language a source had before the edit (None: not set)."""

    source_id: int
    language: str | None

    def revert(self, session: Session) -> SourceLanguageSet:
        return set_source_language(session, self.source_id, self.language)


def set_source_language(session: Session, source_id: int, code: str | None) -> SourceLanguageSet:
    """Set the language of a source ("ru", "uk" ...; None clears it); its words are searched
    in the new language's forms from the next commit on."""
    source = session.get(Source, source_id)
    if source is None:
        raise CommandError(f"no source {source_id}")
    wanted = normalise_code(code) if code else None
    if code and wanted is None:
        raise CommandError(f"not a language code: {code!r}")
    before = source.language
    update_source(session, source_id, language=wanted)
    return SourceLanguageSet(source_id, before)


__all__ = ["SourceLanguageSet", "set_source_language"]
