"""Two records of the same man, each with its own mentions, relations and statistics."""

from __future__ import annotations

import pytest

from db.archive import Archive
from db.commands import (
    NewStatistic,
    add_actor,
    add_annotation,
    add_mention,
    add_relation,
    add_statistic,
    find_actor,
)
from db.dates import PartialDate
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
