"""Claims about militants killed in the North Caucasus, told by several outlets and claimants."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from db.archive import Archive
from db.commands import (
    NewSource,
    NewStatistic,
    add_relation,
    add_source,
    add_statistic,
    find_or_add_actor,
)
from db.dates import PartialDate
from db.vocabulary import ActorKind


@dataclass
class Seeder:
    """Adds sources and their claims; ``claim`` returns the statistic's id."""

    archive: Archive
    sources: dict[str, int] = field(default_factory=dict)

    def source(self, outlet: str, text: str = "", *, reliability: str | None = None,
               published: str | None = None, title: str | None = None) -> int:
        with self.archive.session() as session:
            source_id = add_source(session, NewSource(
                text=text or f"A report by {outlet}.", title=title or f"Report by {outlet}", outlet=outlet,
                reliability=reliability, published=PartialDate.from_iso(published) if published else None,
            ))
        self.sources[outlet] = source_id
        return source_id

    def claim(self, source_id: int | None, value: float | None, *, quote: str | None = None,
              period: str | None = "2014", place: str | None = "North Caucasus", **fields: object) -> int:
        with self.archive.session() as session:
            start = end = None
            if quote is not None and source_id is not None:
                from db.queries import source_text

                text = source_text(session, source_id) or ""
                start = text.index(quote)
                end = start + len(quote)
            values: dict[str, object] = {
                "measure": "killed", "subject": "militants", "unit": "people", **fields,
            }
            # int(): add_statistic hands back the id as a float on SQLite (seen on main; reported)
            return int(add_statistic(session, NewStatistic(
                value=value, source_id=source_id, start=start, end=end, place=place,
                period_start=PartialDate.from_iso(period) if period else None,
                **values,  # type: ignore[arg-type]
            )))

    def within(self, inner: str, outer: str) -> None:
        with self.archive.session() as session:
            add_relation(session, find_or_add_actor(session, inner, ActorKind.PLACE), "part of",
                         find_or_add_actor(session, outer, ActorKind.PLACE))


@pytest.fixture
def seed(archive: Archive) -> Seeder:
    return Seeder(archive)
