"""One archive for a team on PostgreSQL: two clients see each other's changes, edits carry
their author, and the same merge runs from a laptop's SQLite file into the team archive and back."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select, text

from db import archive as archive_module
from db.archive import Archive
from db.commands import NewSource, add_actor, add_source, update_source
from db.live import Listener
from db.merge import merge_archives
from db.models import Source
from tests.db.merge.conftest import check_integrity, content

pytestmark = pytest.mark.postgres


@pytest.fixture
def team(postgres_url: str) -> Iterator[Archive]:
    opened = archive_module.open(postgres_url)
    with opened.engine.begin() as connection:  # each test starts from an empty team archive
        tables = ", ".join(["sources", "actors", "codes", "memos", "tombstones", "merge_peers",
                            "merge_history", "rejected_actor_pairs", "original_files", "saved_searches"])
        connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    yield opened
    opened.close()


def test_a_write_by_one_client_reaches_the_other_within_a_second(team: Archive, postgres_url: str) -> None:
    other = archive_module.open(postgres_url)
    listener = Listener(other)
    try:
        assert listener.wait(0.05) == []
        started = time.perf_counter()
        with team.session() as s:
            add_source(s, NewSource(text="Forty people were killed.", title="From the first client"))
        tables = listener.wait(5)
        assert time.perf_counter() - started < 1.0
        assert "sources" in tables
        with other.session() as s:
            assert s.scalar(select(Source.title)) == "From the first client"
    finally:
        listener.close()
        other.close()


def test_edits_carry_the_connections_user_and_a_version(team: Archive) -> None:
    with team.session() as s:
        source_id = add_source(s, NewSource(text="Text."))
    with team.session() as s:
        update_source(s, source_id, title="Edited")
    with team.session() as s:
        row = s.execute(select(Source.created_by, Source.modified_by, Source.version)).one()
    assert row == (team.author, team.author, 2)
    assert team.author  # the connection's user (postgres), unless a name was set once


def test_the_same_merge_from_a_laptop_into_the_team_archive_and_back(team: Archive, tmp_path: Path) -> None:
    laptop = archive_module.open(tmp_path / "laptop.sqlite")
    try:
        with team.session() as s:
            source_id = add_source(s, NewSource(text="Team report: 40 killed in Grozny.", title="Team"))
            add_actor(s, "Grozny", "place")
        merge_archives(laptop, team.location)  # the laptop takes the team archive along
        with laptop.session() as s:
            add_source(s, NewSource(text="Found in the field: 12 surrendered.", title="Field"))
            laptop_id = s.scalar(select(Source.id).where(Source.title == "Team"))
            assert laptop_id is not None
            update_source(s, laptop_id, author="Field researcher")
        with team.session() as s:
            update_source(s, source_id, url="https://example.org/team")

        into_team = merge_archives(team, laptop.location)
        assert into_team.added == {"sources": 1}
        assert into_team.updated == {"sources": 1}
        back = merge_archives(laptop, team.location)
        assert back.updated == {"sources": 1}
        assert back.conflicts == []
        assert content(team) == content(laptop)
        check_integrity(team)
        again = merge_archives(team, laptop.location)
        assert (again.added, again.updated, again.deleted) == ({}, {}, {})
    finally:
        laptop.close()


def test_two_people_editing_the_same_actor_get_changed_meanwhile_not_an_overwrite(team: Archive, postgres_url: str) -> None:
    from dataclasses import replace

    from db.actors import actor_state
    from db.models import Actor
    from db.undo import edit_actor
    from db.versions import ChangedMeanwhile, version_of

    with team.session() as s:
        actor_id = add_actor(s, "Rustam Asilderov", "person")
    colleague = archive_module.open(postgres_url)
    try:
        with team.session() as s:  # this window's editor opens the record
            shown, state = version_of(s, Actor, actor_id), actor_state(s, actor_id)
        with colleague.session() as s:  # a colleague saves first
            edit_actor(s, actor_id, replace(actor_state(s, actor_id), description="Amir of Dagestan"),
                       expected_version=version_of(s, Actor, actor_id))
        with pytest.raises(ChangedMeanwhile, match=r"changed by postgres meanwhile at \d\d:\d\d"), team.session() as s:
            edit_actor(s, actor_id, replace(state, description="Leader in Dagestan"), expected_version=shown)
        with team.session() as s:
            assert s.scalar(select(Actor.description)) == "Amir of Dagestan"
    finally:
        colleague.close()


def test_a_merge_into_the_team_archive_keeps_a_backup_of_it_first(
    team: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOSSIER_DATA_DIR", str(tmp_path / "data"))
    with team.session() as s:
        add_source(s, NewSource(text="Team report: 40 killed in Grozny.", title="Team"))
        add_actor(s, "Grozny", "place")
    before = content(team)
    laptop = archive_module.open(tmp_path / "laptop.sqlite")
    try:
        with laptop.session() as s:
            add_source(s, NewSource(text="Found in the field: 12 surrendered.", title="Field"))
        merged = merge_archives(team, laptop.location)
    finally:
        laptop.close()
    assert merged.added == {"sources": 1}
    assert merged.backup is not None
    assert merged.backup.parent == tmp_path / "data" / "backups"
    assert list(merged.backup.parent.iterdir()) == [merged.backup]  # filling the copy backs nothing up
    assert merged.backup.stat().st_mode & 0o077 == 0  # the team's sources, readable by this user only
    backup = archive_module.open(merged.backup)
    try:  # the team archive as it was before the merge, to put back if the merge was a mistake
        assert content(backup) == before
        check_integrity(backup)
    finally:
        backup.close()
    assert content(team) != before
    # a merge that changes nothing makes no backup
    again = merge_archives(team, tmp_path / "laptop.sqlite")
    assert again.backup is None


def test_the_packed_id_list_of_a_team_archive_is_its_listed_ids(team: Archive) -> None:
    from db.filters import SourceFilter
    from db.queries import source_id_array, source_ids

    with team.session() as session:
        for n in range(30):
            add_source(session, NewSource(text=f"Report {n} from Grozny.", title=f"{(n * 7) % 30:02d} report"))
    with team.session() as session:
        for where in (SourceFilter(), SourceFilter(sort="title", descending=True), SourceFilter(search="Grozny")):
            listed = source_ids(session, where)
            assert len(listed) == 30
            assert source_id_array(session, where).tolist() == listed


def test_the_statistics_list_filters_sorts_and_offers_choices_on_a_team_archive(team: Archive) -> None:
    from db.claims_list import ClaimFilter, claim_choices, claim_ids
    from db.commands import NewStatistic, add_statistic

    with team.session() as session:
        source = add_source(session, NewSource(text="Боевики убиты в Дагестане.", title="Отчёт"))
        for measure, value in (("Убитые", 5), ("раненые", 3), ("Killed", 7)):
            add_statistic(session, NewStatistic(source_id=source, measure=measure, value=value))
    with team.session() as session:
        by_measure = claim_ids(session, ClaimFilter(order="measure"))
        found = claim_ids(session, ClaimFilter(text="убитые"))  # case folded beyond ASCII
        choices = claim_choices(session)
    assert len(by_measure) == 3
    assert len(found) == 1
    assert choices.offered["measure"] == ["Killed", "раненые", "Убитые"]


def test_the_statistics_totals_and_conflicts_only_on_a_team_archive(team: Archive) -> None:
    from db.claims_list import GROUP_KEYS, ClaimFilter, claim_ids, claim_totals
    from db.commands import NewStatistic, add_statistic

    with team.session() as session:
        source = add_source(session, NewSource(text="Killed in Grozny.", title="Report"))
        made = [add_statistic(session, NewStatistic(source_id=source, measure="killed", value=v)) for v in (5, 7, 9)]
    with team.session() as session:
        totals = claim_totals(session, ClaimFilter(), GROUP_KEYS)
        within = claim_ids(session, ClaimFilter(within=frozenset(made[:2]), year_from=1990))
        kept = claim_ids(session, ClaimFilter(within=frozenset(made[:2])))
    [group] = totals.groups
    assert group[len(GROUP_KEYS):] == (3, 21, 5, 9)
    assert len(within) == 0  # undated claims are in no year
    assert sorted(kept) == sorted(made[:2])
