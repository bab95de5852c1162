"""Likely duplicates: spellings, initials and transliterations of the same name."""

from __future__ import annotations

from db.actors import likely_duplicates, skeleton
from db.archive import Archive
from db.commands import add_actor


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
