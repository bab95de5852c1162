"""The actor registry: detail, relations, merging and undoing it, likely duplicates."""

from __future__ import annotations

from dataclasses import replace

import pytest

from db.archive import Archive
from db.commands import (
    CommandError,
    NewStatistic,
    add_actor,
    add_annotation,
    add_mention,
    add_relation,
    add_statistic,
    find_actor,
)
from db.dates import PartialDate
from db.queries import list_actors, list_statistics, source_rows
from db.registry import (
    ActorState,
    RelationData,
    actor_detail,
    actor_state,
    apply_actor_state,
    delete_relation,
    likely_duplicates,
    merge_actors,
    remove_actor,
    restore_actor,
    restore_relation,
    skeleton,
    unmerge,
    update_relation,
)
from tests.factories import make_source

TEXT = (
    "Dagestani Amir Rustam Asilderov pledged loyalty to ISIS. "
    "Abu Muhammad al-Kadarskii, as he is also known, leads the Vilaiyat. "
    "Some 40 militants were killed in Dagestan, Caucasus Knot reported."
)


@pytest.fixture
def two_asilderovs(archive: Archive) -> dict[str, int]:
    """The same man recorded twice, each record with its own mentions, relations and statistics."""
    source = make_source(archive, TEXT, outlet="Kavkazsky Uzel")
    with archive.session() as s:
        rustam = add_actor(s, "Rustam Asilderov", "person", aliases=[("Рустам Асильдеров", "ru")])
        abu = add_actor(
            s,
            "Abu Muhammad al-Kadarskii",
            "person",
            aliases=["Abu Mukhammad Kadarsky"],
            description="Amir of the Vilaiyat in Dagestan.",
        )
        isis = add_actor(s, "ISIS", "armed_group")
        vilaiyat = add_actor(s, "Vilaiyat Dagestan", "armed_group")
        knot = find_actor(s, "Kavkazsky Uzel")
        assert knot is not None
        add_mention(s, source, TEXT.index("Rustam"), TEXT.index("Rustam") + 16, rustam)
        add_mention(s, source, TEXT.index("Abu"), TEXT.index("Abu") + 25, abu)
        evidence = add_annotation(s, source, 0, TEXT.index("ISIS") + 4)
        add_relation(
            s, rustam, "pledged allegiance to", isis,
            start=PartialDate(2015, 6), evidence_annotation_id=evidence,
        )
        add_relation(s, abu, "leader of", vilaiyat, start=PartialDate(2015))
        add_relation(s, rustam, "same person as", abu)
        statistic = add_statistic(
            s,
            NewStatistic(
                value=40, measure="killed", subject="militants", approximate=True,
                claimant="Abu Muhammad al-Kadarskii", place="Dagestan", source_id=source,
                start=TEXT.index("Some 40"), end=TEXT.index("Some 40") + 18,
            ),
        )
    return {
        "source": source, "rustam": rustam, "abu": abu, "isis": isis, "vilaiyat": vilaiyat,
        "knot": knot, "statistic": statistic,
    }


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


def test_merge_moves_everything_to_the_survivor(
    archive: Archive, two_asilderovs: dict[str, int]
) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        merge_actors(s, ids["rustam"], ids["abu"])
    with archive.session() as s:
        detail = actor_detail(s, ids["rustam"])
        assert actor_detail(s, ids["abu"]) is None
        assert find_actor(s, "Abu Mukhammad Kadarsky") == ids["rustam"]
        [stat] = list_statistics(s)
    assert detail is not None
    assert {a.name for a in detail.aliases} == {
        "Рустам Асильдеров", "Abu Muhammad al-Kadarskii", "Abu Mukhammad Kadarsky",
    }
    assert detail.description == "Amir of the Vilaiyat in Dagestan."
    assert [(m.source.id, m.mentions) for m in detail.sources] == [(ids["source"], 2)]
    # the relation between the two records is meaningless after the merge and goes
    assert sorted(r.describe() for r in detail.relations) == [
        "Rustam Asilderov leader of Vilaiyat Dagestan (from 2015)",
        "Rustam Asilderov pledged allegiance to ISIS (from 2015-06)",
    ]
    assert stat.claimant == "Rustam Asilderov"


def test_unmerge_restores_both_actors_exactly(
    archive: Archive, two_asilderovs: dict[str, int]
) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        before = {a.id: a for a in list_actors(s)}
        before_rustam = actor_detail(s, ids["rustam"])
        before_abu = actor_detail(s, ids["abu"])
    with archive.session() as s:
        record = merge_actors(s, ids["rustam"], ids["abu"])
    with archive.session() as s:
        assert unmerge(s, record) == ids["abu"]
    with archive.session() as s:
        after = {a.id: a for a in list_actors(s)}
        assert actor_detail(s, ids["rustam"]) == before_rustam
        assert actor_detail(s, ids["abu"]) == before_abu
    assert after == before


def test_merge_undo_redo_undo(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        before = actor_detail(s, ids["abu"])
    for _ in range(2):
        with archive.session() as s:
            record = merge_actors(s, ids["rustam"], ids["abu"])
        with archive.session() as s:
            unmerge(s, record)
    with archive.session() as s:
        assert actor_detail(s, ids["abu"]) == before


def test_merge_with_itself_is_refused(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    with archive.session() as s, pytest.raises(CommandError, match="itself"):
        merge_actors(s, two_asilderovs["abu"], two_asilderovs["abu"])


def test_merge_moves_place_and_outlet(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        uzel = add_actor(s, "Caucasian Knot", "media_outlet")
        dagestan = find_actor(s, "Dagestan")
        daghestan = add_actor(s, "Daghestan", "place")
        assert dagestan is not None
        record = merge_actors(s, uzel, ids["knot"])
        place_record = merge_actors(s, daghestan, dagestan)
    with archive.session() as s:
        [row] = source_rows(s, [ids["source"]])
        [stat] = list_statistics(s)
    assert row.outlet == "Caucasian Knot"
    assert stat.place == "Daghestan"
    with archive.session() as s:
        unmerge(s, place_record)
        unmerge(s, record)
    with archive.session() as s:
        [row] = source_rows(s, [ids["source"]])
        [stat] = list_statistics(s)
    assert row.outlet == "Kavkazsky Uzel"
    assert stat.place == "Dagestan"


def test_remove_and_restore_an_actor(archive: Archive, two_asilderovs: dict[str, int]) -> None:
    ids = two_asilderovs
    with archive.session() as s:
        before = actor_detail(s, ids["abu"])
        snapshot = remove_actor(s, ids["abu"])
    with archive.session() as s:
        assert actor_detail(s, ids["abu"]) is None
        assert list_statistics(s)[0].claimant is None
    with archive.session() as s:
        restore_actor(s, snapshot)
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


def test_skeleton_folds_transliterations() -> None:
    assert skeleton("Abu Muhammad al-Kadarskii") == skeleton("Abu Mukhammad Kadarsky")
    assert skeleton("Asilderov") == skeleton("Asil'derov")
    assert skeleton("Dokku Umarov") == skeleton("Doku Umarov")


def test_likely_duplicates_finds_spellings_initials_and_transliterations(archive: Archive) -> None:
    with archive.session() as s:
        rustam = add_actor(s, "Rustam Asilderov", "person")
        initials = add_actor(s, "R. Asilderov", "person")
        abu = add_actor(s, "Abu Muhammad al-Kadarskii", "person")
        kadarsky = add_actor(s, "Abu Mukhammad Kadarsky", "person")
        dokku = add_actor(s, "Dokku Umarov", "person")
        doku = add_actor(s, "Doku Umarov", "other")
        add_actor(s, "Ramzan Kadyrov", "person")
        add_actor(s, "Akhmad Kadyrov", "person")
        add_actor(s, "Chechnya", "place")
        add_actor(s, "Chechen Republic", "state_body")
        # the same name in another kind: a place and a state body are not the same actor
        add_actor(s, "Dagestan", "place")
        add_actor(s, "Dagestan", "state_body")
        alias_owner = add_actor(s, "Caucasus Emirate", "armed_group", aliases=["Imarat Kavkaz"])
        other_record = add_actor(s, "Imarat Kavkaz", "armed_group")
        pairs = {
            (d.first_id, d.second_id): d for d in likely_duplicates(s)
        }
    assert set(pairs) == {
        (rustam, initials), (abu, kadarsky), (dokku, doku), (alias_owner, other_record),
    }
    assert pairs[(rustam, initials)].reason == "initials"
    assert pairs[(alias_owner, other_record)].score == 100
    assert pairs[(alias_owner, other_record)].first_name == "Imarat Kavkaz"


def test_likely_duplicates_threshold(archive: Archive) -> None:
    with archive.session() as s:
        add_actor(s, "Caucasus Knot", "media_outlet")
        add_actor(s, "Caucasian Knot", "media_outlet")
        assert likely_duplicates(s, threshold=99) == []
        assert len(likely_duplicates(s, threshold=80)) == 1
