"""The chart pane's door to the archive: what can be charted, a chart's frame, the saved charts.

Each function opens one Session, calls :mod:`db.chartdata` and returns plain data (dataclasses, a
pandas frame), so it runs on a worker of the window's task runner: reads on ``tasks.read``,
:func:`save` and :func:`delete` (they write) on ``tasks.write``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from db import chartdata
from db.apart import read_apart
from db.archive import Archive
from db.chartdata import ClaimDetail, GroupBy, SavedChart

if TYPE_CHECKING:
    import pandas as pd

#: (measure, subject, number of statistics) of one kind of statistic in the archive
Choice = tuple[str, str | None, int]


@dataclass(frozen=True)
class Choices:
    """What a chart can show: every measure and subject with its count, and the saved charts."""

    counts: list[Choice]
    saved: list[SavedChart]


@dataclass(frozen=True)
class FrameOptions:
    """Which statistics a chart frame holds and what it colours them by."""

    measures: tuple[str, ...]
    #: none: every subject of the measures
    subjects: tuple[str, ...] = ()
    group_by: GroupBy = "claimant"
    include_reference: bool = True


def choices(archive: Archive) -> Choices:
    """The measures and subjects in the archive, most common first, and the saved charts by name."""
    with archive.session() as session:
        return Choices(chartdata.chart_choices(session), chartdata.list_charts(session))


def frame(archive: Archive, options: FrameOptions) -> pd.DataFrame:
    """One row per statistic the options choose, what is drawn of it only (columns:
    :data:`db.chartdata.DRAWN_COLUMNS`; :func:`details` reads the rest); on a large archive
    read in a process of its own (:mod:`db.apart`: only the frame comes back)."""
    from desktop.reads.statistics import apart_location

    args = (list(options.measures), list(options.subjects) or None, options.group_by, options.include_reference,
            False)

    def here() -> pd.DataFrame:
        with archive.session() as session:
            return chartdata.chart_frame(session, *args)

    return read_apart(apart_location(archive), chartdata.chart_frame, *args, here=here)


def details(archive: Archive, ids: list[int]) -> dict[int, ClaimDetail]:
    """The source title and quote of the statistics of ``ids`` (a hovered point, an export)."""
    with archive.session() as session:
        return chartdata.claim_details(session, ids)


def save(archive: Archive, name: str, settings: dict[str, Any]) -> list[SavedChart]:
    """Save ``settings`` under ``name`` (replacing a chart of that name); the saved charts after."""
    with archive.session() as session:
        chartdata.save_chart(session, name, settings)
        return chartdata.list_charts(session)


def delete(archive: Archive, name: str) -> list[SavedChart]:
    """Delete the chart saved under ``name`` (if there is one); the saved charts after."""
    with archive.session() as session:
        chartdata.delete_chart(session, name)
        return chartdata.list_charts(session)

