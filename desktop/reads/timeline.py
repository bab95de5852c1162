"""Reads of the timeline pane: what its filters offer, and the dated items the filters keep."""

from __future__ import annotations

from dataclasses import dataclass

from db import timeline as timeline_data
from db.archive import Archive
from db.timeline import Timeline, TimelineChoices, TimelineFilter


@dataclass(frozen=True)
class TimelineRead:
    choices: TimelineChoices
    timeline: Timeline


def timeline(archive: Archive, where: TimelineFilter) -> TimelineRead:
    """The filters' choices and the timeline they select, read in one Session."""
    with archive.session() as session:
        return TimelineRead(timeline_data.timeline_choices(session), timeline_data.timeline(session, where))
