"""Suggestions for a source are worked out once for its text (the reader asks again after every
annotation) and again whenever what they depend on changes: the text, its language and date, the
actors the archive knows."""

from __future__ import annotations

import pytest

from db import suggestions
from db.archive import Archive
from db.commands import add_actor, update_source
from db.dates import PartialDate
from db.models import ActorKind, Source
from db.suggestions import suggestions_for_source
from tests.factories import make_source

TEXT = ("Rustam Asilderov was seen in Makhachkala on Monday. Some 40 people were killed in "
        "Grozny in 2014, officials said.")


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts the statistic rules were run on."""
    from db.extract import statistics  # where the suggester takes them from when it first runs

    ran: list[str] = []
    original = statistics.suggest_statistics

    def counting(text: str, *args: object) -> object:
        ran.append(text)
        return original(text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(statistics, "suggest_statistics", counting)
    monkeypatch.setattr(suggestions, "_found", type(suggestions._found)())
    return ran


def _names(archive: Archive, source_id: int) -> list[tuple[str, int | None]]:
    with archive.session() as session:
        found = suggestions_for_source(session, source_id)
    assert found is not None
    return [(m.name, m.actor_id) for m in found.mentions]


def test_asking_again_for_the_same_text_reuses_what_was_found(archive: Archive, extractions: list[str]) -> None:
    source = make_source(archive, TEXT)
    first = _names(archive, source)
    assert _names(archive, source) == first
    assert len(extractions) == 1
    with archive.session() as session:
        found = suggestions_for_source(session, source)
    assert found is not None
    assert [s.value for s in found.statistics] == [40.0]


def test_a_new_actor_an_edited_text_or_date_are_looked_at_anew(archive: Archive, extractions: list[str]) -> None:
    source = make_source(archive, TEXT)
    assert ("Rustam Asilderov", None) in _names(archive, source)  # a new name to register
    with archive.session() as session:
        actor = add_actor(session, "Rustam Asilderov", ActorKind.PERSON)
    assert ("Rustam Asilderov", actor) in _names(archive, source)  # now the known actor
    with archive.session() as session:
        update_source(session, source, published=PartialDate(2015, 3, 1))
    _names(archive, source)
    with archive.session() as session:
        session.get_one(Source, source).text = TEXT.replace("Some 40", "Some 45")  # corrected
        session.flush()
        found = suggestions_for_source(session, source)
    assert found is not None
    assert [s.value for s in found.statistics] == [45.0]
    assert len(extractions) == 4
