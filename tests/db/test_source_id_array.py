"""The packed id list a lazy sources pane keeps: the same ids in the same order as the plain
list, for every order the pane offers, with a search, and when nothing is found."""

from __future__ import annotations

import os
import random
import subprocess
import sys
from array import array
from pathlib import Path
from typing import get_args

import pytest

from db.archive import Archive
from db.dates import PartialDate
from db.filters import SourceFilter, SourceSortKey
from db.queries import source_id_array, source_ids
from tests.factories import make_source

ROOT = Path(__file__).resolve().parents[2]
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


def test_long_and_short_lists_are_read_alike() -> None:
    """Python parses a short list, numpy a long one: the same ids either way."""
    from db.packed import SHORT_TEXT, _parsed

    rng = random.Random(3)
    short = [rng.randrange(1, 10**12) for _ in range(50)]
    long = [rng.randrange(1, 10**12) for _ in range(SHORT_TEXT // 6)]
    for ids in (short, long):
        packed = array("q")
        packed.frombytes(_parsed(",".join(map(str, ids))))
        assert packed.tolist() == ids
    assert len(",".join(map(str, long))) > SHORT_TEXT


def test_a_first_page_is_read_without_numpy(tmp_path: Path) -> None:
    """The opening's first page of 200 ids does not wait for numpy's import (100-300 ms)."""
    code = (
        "import sys\n"
        "from db import archive\n"
        "from db.queries import source_id_array\n"
        "from tests.factories import make_source\n"
        f"opened = archive.open({str(tmp_path / 'a.sqlite')!r})\n"
        "for n in range(300):\n"
        "    make_source(opened, f'Text {n}.', title=f'Source {n}')\n"
        "with opened.session() as session:\n"
        "    page = source_id_array(session, limit=200)\n"
        "print(len(page), len(set(page)), 'numpy' in sys.modules)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT,
                         timeout=120, check=True).stdout.split()
    assert out == ["200", "200", "False"]
