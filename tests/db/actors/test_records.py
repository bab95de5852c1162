"""An actor's record: what the archive knows of it, its relations, editing it whole, deleting it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.actors import (
    ActorState,
    RelationData,
    actor_detail,
    actor_state,
    apply_actor_state,
    delete_relation,
    restore_relation,
    update_relation,
)
from db.archive import Archive
from db.commands import CommandError
from db.dates import PartialDate
from db.queries import list_statistics
from db.snapshots import capture_and_delete, restore


def test_actor_detail_shows_aliases_relations_sources_and_statistics(
    archive: Archive, two_asilderovs: dict[str, int]
) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        rustam = actor_detail(s, ids["rustam"])
        abu = actor_detail(s, ids["abu"])
        vilaiyat = actor_detail(s, ids["vilaiyat"])
        knot = actor_detail(s, ids["knot"])
        assert actor_detail(s, 9999) is None
    assert rustam is not None
    assert abu is not None
    assert vilaiyat is not None
    assert knot is not None
    assert [a.name for a in rustam.aliases] == ["Рустам Асильдеров"]
    pledge = next(r for r in rustam.relations if r.predicate == "pledged allegiance to")
    assert pledge.outgoing
    assert pledge.object == "ISIS"
    assert pledge.start == PartialDate(2015, 6)
    assert pledge.evidence_quote is not None
    assert pledge.evidence_quote.endswith("to ISIS")
    assert pledge.describe() == "Rustam Asilderov pledged allegiance to ISIS (from 2015-06)"
    # incoming relations are shown on the object too
    [led] = vilaiyat.relations
    assert not led.outgoing
    assert led.other() == (ids["abu"], "Abu Muhammad al-Kadarskii")
    assert [(m.source.id, m.mentions) for m in rustam.sources] == [(ids["source"], 1)]
    assert [st.id for st in abu.statistics_as_claimant] == [ids["statistic"]]
    assert [o.id for o in knot.outlet_of] == [ids["source"]]


def test_remove_and_restore_an_actor(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        before = actor_detail(s, ids["abu"])
        snapshot = capture_and_delete(s, [("actors", ids["abu"])])
    with archive.session() as s:
        assert actor_detail(s, ids["abu"]) is None
        assert list_statistics(s)[0].claimant is None
    with archive.session() as s:
        restore(s, snapshot)
    with archive.session() as s:
        assert actor_detail(s, ids["abu"]) == before


def test_update_delete_and_restore_a_relation(
    archive: Archive, two_asilderovs: dict[str, int]
) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        [led] = actor_detail(s, ids["vilaiyat"]).relations  # type: ignore[union-attr]
        data = RelationData(
            ids["abu"], "amir of", ids["vilaiyat"], PartialDate(2015, 6), PartialDate(2016, 12)
        )
        previous = update_relation(s, led.id, data)
        assert previous.predicate == "leader of"
    with archive.session() as s:
        [changed] = actor_detail(s, ids["vilaiyat"]).relations  # type: ignore[union-attr]
        assert changed.describe() == (
            "Abu Muhammad al-Kadarskii amir of Vilaiyat Dagestan (2015-06 to 2016-12)"
        )
        deleted = delete_relation(s, changed.id)
    with archive.session() as s:
        assert actor_detail(s, ids["vilaiyat"]).relations == ()  # type: ignore[union-attr]
        restore_relation(s, deleted)
    with archive.session() as s:
        assert actor_detail(s, ids["vilaiyat"]).relations == (changed,)  # type: ignore[union-attr]


def test_relation_that_ends_before_it_starts_is_refused(
    archive: Archive, two_asilderovs: dict[str, int]
) -> None:
    ids = two_asilderovs
    bad = RelationData(ids["abu"], "leader of", ids["isis"], PartialDate(2016), PartialDate(2015))
    with archive.session() as s, pytest.raises(CommandError, match="ends"):
        restore_relation(s, bad)


def test_apply_actor_state_edits_and_undoes(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        before = actor_state(s, ids["rustam"])
        after = ActorState(
            name="Rustam Asilderov",
            kind="person",
            description="Dagestani amir.",
            notes="Killed in December 2016.",
            aliases=(("Рустам Асильдеров", "ru"), ("Abu Muhammad Kadarsky", None)),
            relations=(
                *(r for r in before.relations if r.predicate != "same person as"),
                RelationData(ids["rustam"], "member of", ids["vilaiyat"], PartialDate(2015)),
            ),
        )
        apply_actor_state(s, ids["rustam"], after)
    with archive.session() as s:
        detail = actor_detail(s, ids["rustam"])
        assert detail is not None
        assert detail.notes == "Killed in December 2016."
        assert [a.name for a in detail.aliases] == ["Рустам Асильдеров", "Abu Muhammad Kadarsky"]
        assert sorted(r.predicate for r in detail.relations) == [
            "member of", "pledged allegiance to",
        ]
        apply_actor_state(s, ids["rustam"], before)
    with archive.session() as s:
        assert actor_state(s, ids["rustam"]) == before
        # redo gives the same relation back (same UUID), not a copy
        apply_actor_state(s, ids["rustam"], after)
        apply_actor_state(s, ids["rustam"], after)
        assert actor_state(s, ids["rustam"]).relations == actor_state(s, ids["rustam"]).relations
        assert len(actor_state(s, ids["rustam"]).relations) == 2


def test_apply_actor_state_refuses_empty_name(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    with archive.session() as s:
        state = actor_state(s, two_asilderovs["rustam"])
    with archive.session() as s, pytest.raises(CommandError, match="name"):
        apply_actor_state(s, two_asilderovs["rustam"], replace(state, name="  "))
