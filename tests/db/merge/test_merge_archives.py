"""Merging a colleague's archive: what comes in, what is taken, what is a conflict, what is kept."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from db import archive as archive_module
from db.actors import merge_actors
from db.anchors import replace_source_text
from db.archive import Archive
from db.commands import (
    NewSource,
    NewStatistic,
    add_actor,
    add_alias,
    add_annotation,
    add_source,
    add_statistic,
    delete_annotation,
    set_memo,
    update_actor,
    update_source,
)
from db.merge import merge_archives, reject_pair
from db.models import Actor, MergeHistory, Source, Statistic, Tombstone
from db.queries import list_actors, list_sources
from db.statistic_edits import update_statistic
from tests.db.merge.conftest import check_integrity, content

TEXT = "Some 40 people were killed in Grozny on Tuesday, officials said. The army denied it."


def _source(archive: Archive, text: str = TEXT, **fields: object) -> int:
    with archive.session() as s:
        return add_source(s, NewSource(text=text, **fields))  # type: ignore[arg-type]


def _shared_source(pair: tuple[Archive, Archive], tmp_path: Path) -> tuple[Archive, Archive, int]:
    """A source both have from the ancestor (sent after it was made)."""
    ours, _ = pair
    source_id = _source(ours, title="Grozny report")
    with ours.session() as s:
        add_annotation(s, source_id, 5, 7, note="forty")
    copy = tmp_path / "copy.sqlite"
    from db.merge.sending import send_copy

    send_copy(ours, copy)
    return ours, archive_module.open(copy), source_id


def test_a_field_changed_on_one_side_is_taken_and_both_sides_meet(pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    ours, theirs, source_id = _shared_source(pair, tmp_path)
    with ours.session() as s:
        update_source(s, source_id, title="Grozny, 40 killed")
    with theirs.session() as s:
        update_source(s, source_id, author="A. Reporter")
        add_source(s, NewSource(text="A report only the colleague has."))

    result = merge_archives(ours, theirs.location)

    assert result.conflicts == []
    assert result.added == {"sources": 1}
    assert result.updated == {"sources": 1}
    with ours.session() as s:
        rows = {r.title: r for r in list_sources(s)}
    assert rows["Grozny, 40 killed"].author == "A. Reporter"
    assert result.backup is not None
    assert result.backup.exists()
    # and back: the colleague gets ours, and the two hold the same
    back = merge_archives(theirs, ours.location)
    assert back.updated == {"sources": 1}
    assert back.added == {}
    assert content(ours) == content(theirs)
    check_integrity(ours)
    theirs.close()


def test_merging_again_changes_nothing(pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    ours, theirs, source_id = _shared_source(pair, tmp_path)
    with theirs.session() as s:
        update_source(s, source_id, title="Their title")
        add_actor(s, "Rustam Asilderov", "person")
    merge_archives(ours, theirs.location)
    before = content(ours)
    again = merge_archives(ours, theirs.location)
    assert (again.added, again.updated, again.deleted, again.conflicts) == ({}, {}, {}, [])
    data = again.to_json()
    assert set(data) >= {"added", "updated", "unchanged", "conflicts"}
    assert set(data["added"]) == {"sources", "actors", "aliases", "relations", "codes", "annotations",
                                  "mentions", "statistics", "memos"}
    assert content(ours) == before
    theirs.close()


def test_a_field_both_changed_is_a_conflict_the_later_edit_wins_and_the_other_is_kept(
    pair: tuple[Archive, Archive], tmp_path: Path
) -> None:
    ours, theirs, source_id = _shared_source(pair, tmp_path)
    with theirs.session() as s:
        update_source(s, source_id, title="Theirs, earlier")
    with ours.session() as s:
        update_source(s, source_id, title="Ours, later")

    preview = merge_archives(ours, theirs.location, dry_run=True)
    [conflict] = preview.conflicts
    assert (conflict.field, conflict.ours, conflict.theirs, conflict.kept) == (
        "title", "Ours, later", "Theirs, earlier", "ours")
    assert content(ours)["sources"][0][1] == "Ours, later"  # a dry run writes nothing

    # the researcher picks theirs: ours goes to the merge history
    merge_archives(ours, theirs.location, choices={("sources", conflict.uuid, "title"): "theirs"})
    with ours.session() as s:
        assert s.scalar(select(Source.title).where(Source.id == source_id)) == "Theirs, earlier"
        kept = s.execute(select(MergeHistory.field, MergeHistory.value, MergeHistory.reason)).all()
    assert kept == [("title", '"Ours, later"', "conflict")]
    theirs.close()


def test_deletions_travel_unless_the_other_side_edited_the_row(pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    ours, theirs, source_id = _shared_source(pair, tmp_path)
    other_id = _source(ours, "A second report, about Makhachkala.", title="Second")
    from db.merge.sending import send_copy

    copy = tmp_path / "second-copy.sqlite"
    send_copy(ours, copy)
    theirs.close()
    theirs = archive_module.open(copy)
    with theirs.session() as s:
        s.execute(Source.__table__.delete().where(Source.id == source_id))
        s.execute(Source.__table__.delete().where(Source.id == other_id))
    with ours.session() as s:
        update_source(s, other_id, title="Second, edited here")  # edited here, deleted there

    result = merge_archives(ours, theirs.location)

    assert result.deleted == {"sources": 1, "annotations": 1}
    assert [(c.field, c.ours, c.theirs, c.kept) for c in result.conflicts] == [
        ("(deleted)", "edited", "deleted", "ours")]
    with ours.session() as s:
        assert [r.title for r in list_sources(s)] == ["Second, edited here"]
        # the deleted source's annotation went with it, and both deletions are remembered
        assert s.scalar(select(Tombstone.kind).where(Tombstone.kind == "annotations")) == "annotations"
    check_integrity(ours)
    theirs.close()


def test_sources_imported_separately_are_recognised_and_annotations_follow_the_text(
    pair: tuple[Archive, Archive],
) -> None:
    ours, theirs = pair
    _source(ours, TEXT, title="Ours", sha256="f" * 64)
    corrected = "Breaking: " + TEXT
    theirs_id = _source(theirs, corrected, title="Ours", sha256="f" * 64)
    with theirs.session() as s:
        start = corrected.index("Grozny")
        add_annotation(s, theirs_id, start, start + len("Grozny"), note="place")

    result = merge_archives(ours, theirs.location)

    assert result.added == {"annotations": 1}  # the same source (by its file's sha256) is not added again
    with ours.session() as s:
        [source] = list_sources(s)
        from db.queries import annotations_of

        [annotation] = annotations_of(s, source.id)
        body = s.scalar(select(Source.text))
    # the texts differ and neither was recorded: a conflict, the later text kept, the other in history
    assert [(c.field, c.kept) for c in result.conflicts] == [("text", "theirs")]
    assert body == corrected
    assert annotation.quote == "Grozny"
    assert corrected[annotation.start : annotation.end] == "Grozny"
    check_integrity(ours)


def test_an_actor_merged_on_one_side_and_edited_on_the_other_follows_the_redirect(
    pair: tuple[Archive, Archive], tmp_path: Path
) -> None:
    ours, _ = pair
    with ours.session() as s:
        rustam = add_actor(s, "Rustam Asilderov", "person")
        abu = add_actor(s, "Abu Muhammad al-Kadarskii", "person")
    from db.merge.sending import send_copy

    send_copy(ours, tmp_path / "c.sqlite")
    theirs = archive_module.open(tmp_path / "c.sqlite")
    with ours.session() as s:
        merge_actors(s, rustam, abu)
    with theirs.session() as s:
        add_alias(s, abu, "Abu Mukhammad Kadarsky")
        source_id = add_source(s, NewSource(text="Abu Muhammad al-Kadarskii spoke."))
        from db.commands import add_mention

        add_mention(s, source_id, 0, 25, abu)

    merge_archives(ours, theirs.location)
    merge_archives(theirs, ours.location)

    for archive in (ours, theirs):
        with archive.session() as s:
            [actor] = list_actors(s)
        assert actor.name == "Rustam Asilderov"
        assert set(actor.aliases) == {"Abu Muhammad al-Kadarskii", "Abu Mukhammad Kadarsky"}
        assert actor.mention_count == 1
        check_integrity(archive)
    theirs.close()


def test_a_changed_number_is_a_new_version_and_the_old_claim_is_kept(pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    ours, _ = pair
    source_id = _source(ours)
    with ours.session() as s:
        statistic_id = add_statistic(s, NewStatistic(value=40, measure="killed", source_id=source_id, start=5, end=7))
    from db.merge.sending import send_copy

    send_copy(ours, tmp_path / "c.sqlite")
    theirs = archive_module.open(tmp_path / "c.sqlite")
    with theirs.session() as s:
        update_statistic(s, statistic_id, {"value": 41})

    merge_archives(ours, theirs.location)

    with ours.session() as s:
        statistic = s.get(Statistic, statistic_id)
        assert statistic is not None
        assert statistic.value == 41
        assert statistic.version > 1
        kept = s.execute(select(MergeHistory.field, MergeHistory.value, MergeHistory.reason)).all()
    assert kept == [("value", "40", "superseded")]
    theirs.close()


def test_actors_with_the_same_name_are_suggested_never_merged_and_a_rejected_pair_is_remembered(
    pair: tuple[Archive, Archive],
) -> None:
    ours, theirs = pair
    with ours.session() as s:
        add_actor(s, "Rustam Asilderov", "person")
    with theirs.session() as s:
        add_actor(s, "Abu Muhammad", "person", aliases=["RUSTAM ASILDEROV"])

    preview = merge_archives(ours, theirs.location, dry_run=True)
    [suggestion] = preview.suggestions
    assert (suggestion.ours_name, suggestion.theirs_name) == ("Rustam Asilderov", "Abu Muhammad")
    with ours.session() as s:
        reject_pair(s, suggestion.theirs_uuid, suggestion.ours_uuid)
    assert merge_archives(ours, theirs.location, dry_run=True).suggestions == []
    result = merge_archives(ours, theirs.location)
    assert result.added == {"actors": 1, "aliases": 1}
    with ours.session() as s:
        assert len(s.scalars(select(Actor)).all()) == 2


def test_undo_takes_the_whole_merge_back_and_redo_makes_it_again(pair: tuple[Archive, Archive], tmp_path: Path) -> None:
    ours, theirs, source_id = _shared_source(pair, tmp_path)
    with ours.session() as s:
        set_memo(s, "source", s.get(Source, source_id).uuid, "Check the army's denial.")  # type: ignore[union-attr]
    with theirs.session() as s:
        update_source(s, source_id, title="Theirs")
        new_id = add_source(s, NewSource(text="Only theirs."))
        add_annotation(s, new_id, 0, 4)
        replace_source_text(s, source_id, "Update: " + TEXT)
        delete_annotation(s, s.scalars(select(Source.id)).first() or 0)
        update_actor  # noqa: B018  (imported for the other tests)
    before = content(ours)
    result = merge_archives(ours, theirs.location)
    after = content(ours)
    assert after != before
    assert result.change is not None
    with ours.session() as s:
        undone = result.change.revert(s)
    assert content(ours) == before
    with ours.session() as s:
        undone.revert(s)
    assert content(ours) == after
    # the recorded ancestor came back with the undo: merging again does it all again
    check_integrity(ours)
    theirs.close()


def test_merging_an_archive_with_its_own_copy_changes_nothing(archive: Archive, tmp_path: Path) -> None:
    source_id = _source(archive)
    with archive.session() as s:
        add_annotation(s, source_id, 0, 4, note="some")
    copy = tmp_path / "plain-copy.sqlite"
    archive.close()
    shutil.copyfile(archive.location, copy)
    opened = archive_module.open(archive.location)
    before = content(opened)
    result = merge_archives(opened, copy)
    assert (result.added, result.updated, result.deleted, result.conflicts) == ({}, {}, {}, [])
    assert content(opened) == before
    opened.close()
