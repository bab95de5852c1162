"""Full-text search: ranking, snippets, diacritics, Cyrillic, and the index kept in sync."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from db.archive import Archive
from db.commands import add_actor, delete_actor, delete_source, update_actor, update_source
from db.filters import SourceFilter
from db.search import check_index, fts_query, search_sources
from tests.factories import make_source


def _ids(archive: Archive, query: str) -> list[int]:
    with archive.session() as session:
        return [hit.source_id for hit in search_sources(session, query)]


def test_title_hits_rank_above_body_hits_and_snippets_mark_the_words(archive: Archive) -> None:
    body = make_source(archive, "The Caucasus Emirate was declared in 2007.", title="Chronology")
    titled = make_source(archive, "A short note.", title="The Caucasus Emirate")
    with archive.session() as session:
        hits = search_sources(session, "caucasus emirate")
    assert [h.source_id for h in hits] == [titled, body]
    assert hits[0].score > hits[1].score
    assert "[Caucasus] [Emirate]" in hits[1].snippet


def test_diacritics_and_cyrillic_are_found(archive: Archive) -> None:
    accented = make_source(archive, "Interview with José Martínez in Medellín.")
    cyrillic = make_source(archive, "Доку Умаров объявил о создании Имарата Кавказ.")
    assert _ids(archive, "martinez medellin") == [accented]
    assert _ids(archive, "Умаров") == [cyrillic]
    assert _ids(archive, "умаров") == [cyrillic]


def test_outlet_and_author_are_searchable(archive: Archive) -> None:
    source = make_source(archive, "Text.", outlet="Caucasus Knot", author="Anna Petrova")
    assert _ids(archive, "knot") == [source]
    assert _ids(archive, "petrova") == [source]


def test_index_follows_updates_renames_and_deletes(archive: Archive) -> None:
    source = make_source(archive, "Militants attacked a checkpoint.", outlet="Old Outlet Name")
    with archive.session() as session:
        update_source(session, source, title="Checkpoint attack in Nazran")
    assert _ids(archive, "nazran") == [source]

    with archive.session() as session:
        outlet_id = session.execute(text("SELECT outlet_id FROM sources WHERE id = :id"), {"id": source}).scalar()
        update_actor(session, outlet_id, name="Renamed Outlet")
    assert _ids(archive, "renamed") == [source]
    assert _ids(archive, "old outlet") == []

    with archive.session() as session:
        delete_actor(session, outlet_id)
    assert _ids(archive, "renamed") == []
    assert _ids(archive, "checkpoint") == [source]

    with archive.session() as session:
        delete_source(session, source)
    assert _ids(archive, "checkpoint") == []
    with archive.session() as session:
        assert check_index(session)


def test_index_stays_consistent_after_many_writes(archive: Archive) -> None:
    ids = [make_source(archive, f"Report number {n} on detentions.", outlet=f"Outlet {n % 3}") for n in range(30)]
    with archive.session() as session:
        for n, source_id in enumerate(ids):
            if n % 2:
                update_source(session, source_id, title=f"Edited {n}")
        actor = add_actor(session, "Unused")
        update_actor(session, actor, name="Still unused")
        for source_id in ids[:5]:
            delete_source(session, source_id)
        assert check_index(session)
    assert len(_ids(archive, "detentions")) == 25


@pytest.mark.parametrize(
    "typed",
    ['"unbalanced', "AND", "OR NOT", "a:b", "(", "*", "-", "NEAR(", "^x", "{x}", "'", ""],
)
def test_nothing_a_user_types_breaks_the_search(archive: Archive, typed: str) -> None:
    make_source(archive, "Some text about a b x.")
    with archive.session() as session:
        search_sources(session, typed)  # no exception


def test_query_syntax_phrases_prefixes_and_exclusion(archive: Archive) -> None:
    both = make_source(archive, "Security officials and militants were killed.")
    militants = make_source(archive, "Militants retreated to the mountains.")
    assert _ids(archive, '"security officials"') == [both]
    assert sorted(_ids(archive, "milit*")) == sorted([both, militants])
    assert _ids(archive, "militants -security") == [militants]
    assert fts_query("   ") is None


def _narrowed_hits(archive: Archive, query: str, where: SourceFilter, limit: int) -> list[int]:
    with archive.session() as session:
        return [h.source_id for h in search_sources(session, query, where=where, limit=limit)]


def _many_hits_one_from_the_outlet(archive: Archive, tag: str = "") -> tuple[int, int]:
    """30 sources about attacks; the one from a small outlet ranks low (one mention, long text)."""
    for n in range(30):
        make_source(archive, f"Attack{tag} attack{tag} attack{tag} report {n}.", title=f"Attack{tag} {n}",
                    outlet="Big Wire")
    filler = " ".join(["words"] * 400)
    low = make_source(archive, f"{filler} an attack{tag} {filler}", title="Weekly digest", outlet="Small Paper")
    with archive.session() as session:
        outlet = session.execute(text("SELECT outlet_id FROM sources WHERE id = :id"), {"id": low}).scalar()
    return low, int(outlet)


def test_search_is_narrowed_in_the_same_query_before_the_limit(archive: Archive) -> None:
    """The best hits among the sources the filter keeps, not the best hits then filtered."""
    low, outlet = _many_hits_one_from_the_outlet(archive)
    assert low not in _ids(archive, "attack")[:5]
    assert _narrowed_hits(archive, "attack", SourceFilter(text="small paper"), 5) == [low]
    assert _narrowed_hits(archive, "attack", SourceFilter(actor_id=outlet), 5) == [low]
    assert _narrowed_hits(archive, "attack", SourceFilter(kind="no such kind"), 5) == []
    assert len(_narrowed_hits(archive, "attack", SourceFilter(), 5)) == 5


@pytest.mark.postgres
def test_postgresql_search_follows_writes_renames_and_long_texts(postgres_url: str) -> None:
    """The stored, indexed search vector of PostgreSQL archives (migration 0003) stays right."""
    import uuid

    from db import archive as archive_module

    opened = archive_module.open(postgres_url)
    tag = uuid.uuid4().hex[:10]  # the database is shared with other tests
    try:
        source = make_source(opened, f"Militants attacked a checkpoint {tag}.", title=f"Report {tag}",
                             outlet=f"Outlet{tag}", author=f"Petrova{tag}")
        assert _ids(opened, f"checkpoint {tag}") == [source]
        assert _ids(opened, f"petrova{tag}") == [source]
        with opened.session() as session:
            update_source(session, source, title=f"Nazran{tag} attack")
            outlet_id = session.execute(text("SELECT outlet_id FROM sources WHERE id = :id"), {"id": source}).scalar()
            update_actor(session, outlet_id, name=f"Renamed{tag}")
        assert _ids(opened, f"nazran{tag}") == [source]
        assert _ids(opened, f"renamed{tag}") == [source]
        assert _ids(opened, f"outlet{tag}") == []
        # Beyond what one tsvector holds: stored whole, found by its beginning.
        words = " ".join(f"w{n}x{tag}" for n in range(150_000))
        long_source = make_source(opened, f"Opening{tag} words. {words}", title="A very long report")
        assert _ids(opened, f"opening{tag}") == [long_source]
        with opened.session() as session:
            delete_source(session, source)
        assert _ids(opened, f"nazran{tag}") == []
    finally:
        opened.close()


@pytest.mark.postgres
def test_postgresql_search_is_narrowed_in_the_same_query(postgres_url: str) -> None:
    import uuid

    from db import archive as archive_module

    opened = archive_module.open(postgres_url)
    tag = uuid.uuid4().hex[:10]
    try:
        low, outlet = _many_hits_one_from_the_outlet(opened, tag)
        assert _narrowed_hits(opened, f"attack{tag}", SourceFilter(actor_id=outlet), 5) == [low]
        assert _narrowed_hits(opened, f"attack{tag}", SourceFilter(text="small paper"), 40) == [low]
    finally:
        opened.close()


@pytest.mark.postgres
def test_postgresql_search_index_migrates_down_and_up_keeping_the_sources(postgres_url: str) -> None:
    import uuid

    from alembic import command
    from sqlalchemy import inspect

    from db import archive as archive_module

    opened = archive_module.open(postgres_url)
    tag = uuid.uuid4().hex[:10]
    source = make_source(opened, f"Kept through migrations {tag}.")
    config = archive_module.alembic_config()
    for revision in ("0002", "head"):
        with opened.engine.begin() as connection:
            config.attributes["connection"] = connection
            if revision == "head":
                command.upgrade(config, revision)
            else:
                command.downgrade(config, revision)
        columns = {c["name"] for c in inspect(opened.engine).get_columns("sources")}
        assert ("search_vector" in columns) == (revision == "head")
    assert _ids(opened, f"migrations {tag}") == [source]
    opened.close()
