"""The packed id list a lazy sources pane keeps: the same ids in the same order as the plain
list, for every order the pane offers, with a search, and when nothing is found."""

from __future__ import annotations

import random
from typing import get_args

import pytest

from db.archive import Archive
from db.dates import PartialDate
from db.filters import SourceFilter, SourceSortKey
from db.queries import source_id_array, source_ids
from tests.factories import make_source

WORDS = ["Grozny", "checkpoint", "militants", "ceasefire", "Makhachkala", "detained", "report"]


@pytest.fixture
def many(archive: Archive) -> Archive:
    rng = random.Random(7)
    for n in range(120):
        words = " ".join(rng.choice(WORDS) for _ in range(8))
        published = None if n % 9 == 0 else PartialDate(2010 + n % 7, 1 + n % 12, 1 + n % 28)
        make_source(archive, f"{words}.", title=f"{rng.choice(WORDS)} {n}", published=published,
                    outlet=rng.choice(["Kavkaz Uzel", "Reuters", None]))
    return archive


@pytest.mark.parametrize("sort", get_args(SourceSortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_the_packed_ids_are_the_listed_ids_in_order(many: Archive, sort: SourceSortKey, descending: bool) -> None:
    where = SourceFilter(sort=sort, descending=descending)
    with many.session() as session:
        listed = source_ids(session, where)
        packed = source_id_array(session, where)
    assert len(listed) == 120
    assert packed.typecode == "q"
    assert packed.tolist() == listed


def test_a_search_and_a_search_finding_nothing(many: Archive) -> None:
    with many.session() as session:
        hits = source_id_array(session, SourceFilter(search="ceasefire"))
        assert 0 < len(hits) < 120
        assert hits.tolist() == source_ids(session, SourceFilter(search="ceasefire"))
        assert len(source_id_array(session, SourceFilter(search="Vladikavkaz"))) == 0


def test_an_empty_archive_lists_nothing(archive: Archive) -> None:
    with archive.session() as session:
        assert len(source_id_array(session)) == 0
