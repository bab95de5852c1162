"""Suggestions for one source: the extractors in :mod:`db.extract` run against the archive.

Nothing is saved here. What the researcher already recorded (a mention or statistic on the same
span) or rejected earlier is left out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.dates import iso_or_none
from db.extract.candidates import MentionCandidate, StatisticCandidate
from db.models import RejectedSuggestion
from db.queries import actor_names, annotations_of, source_detail


@dataclass(frozen=True)
class SourceSuggestions:
    source_id: int
    mentions: tuple[MentionCandidate, ...]
    statistics: tuple[StatisticCandidate, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "mentions": [
                {
                    "name": m.name,
                    "kind": m.kind,
                    "actor_id": m.actor_id,
                    "start": m.start,
                    "end": m.end,
                    "quote": m.quote,
                }
                for m in self.mentions
            ],
            "statistics": [statistic_json(s, self.source_id) for s in self.statistics],
        }


def statistic_json(candidate: StatisticCandidate, source_id: int) -> dict[str, Any]:
    return {
        "value": candidate.value,
        "low": candidate.low,
        "high": candidate.high,
        "approximate": candidate.approximate,
        "measure": candidate.measure,
        "unit": candidate.unit,
        "subject": candidate.subject,
        "period_start": iso_or_none(candidate.period_start),
        "period_end": iso_or_none(candidate.period_end),
        "place": candidate.place,
        "claimant": candidate.claimant,
        "source_id": source_id,
        "start": candidate.start,
        "end": candidate.end,
        "quote": candidate.quote,
    }


def mention_key(candidate: MentionCandidate) -> str:
    return f"{candidate.actor_id or ''}:{candidate.name}"


def statistic_key(candidate: StatisticCandidate) -> str:
    return f"{candidate.value}:{candidate.low}:{candidate.high}"


def suggestions_for_source(session: Session, source_id: int) -> SourceSuggestions | None:
    detail = source_detail(session, source_id)
    if detail is None:
        return None
    text = detail.text
    rejected = {
        (kind, start, end, key)
        for kind, start, end, key in session.execute(
            select(
                RejectedSuggestion.kind,
                RejectedSuggestion.start,
                RejectedSuggestion.end,
                RejectedSuggestion.key,
            ).where(RejectedSuggestion.source_id == source_id)
        )
    }
    annotations = annotations_of(session, source_id)
    mentioned = {(a.start, a.end) for a in annotations if a.mention_id is not None}
    found = _found_in(text, detail.row.language, detail.row.published, actor_names(session))
    mentions = sorted(
        (m for m in found.known + found.new
         if (m.start, m.end) not in mentioned and ("mention", m.start, m.end, mention_key(m)) not in rejected),
        key=lambda m: (m.start, m.end),
    )
    recorded = [(s.start, s.end) for s in detail.statistics if s.start is not None and s.end is not None]
    statistics = [
        s
        for s in found.statistics
        if ("statistic", s.start, s.end, statistic_key(s)) not in rejected
        and not any(start <= s.start < end or s.start <= start < s.end for start, end in recorded)
    ]
    return SourceSuggestions(source_id, tuple(mentions), tuple(statistics))


def reject_suggestion(session: Session, source_id: int, kind: str, start: int, end: int, key: str) -> int:
    """Remember that the researcher turned a suggestion down, so it is not offered again.

    Returns the id of the row that remembers it (deleting it offers the suggestion again).
    """
    rejected = RejectedSuggestion(source_id=source_id, kind=kind, start=start, end=end, key=key)
    session.add(rejected)
    session.flush()
    return rejected.id


@dataclass(frozen=True)
class _Found:
    """What the extractors found in a text: known actors, new names, statistics."""

    known: list[MentionCandidate]
    new: list[MentionCandidate]
    statistics: list[StatisticCandidate]


#: the texts last looked at: the reader asks again after every annotation, and the extractors
#: (named-entity model, statistic rules) take 50-200 ms a news article, holding the interpreter
_FOUND_KEPT = 16
_found: OrderedDict[tuple[Any, ...], _Found] = OrderedDict()
_found_lock = threading.Lock()


def _found_in(text: str, language: str | None, published: Any, names: list[tuple[int, str, str, str | None]]) -> _Found:
    """The extractors' findings in ``text``, worked out once for that text, language, date and
    set of actor names (any change to them works it out again)."""
    key = (len(text), hash(text), language, published, hash(tuple(names)))
    with _found_lock:
        if (kept := _found.get(key)) is not None:
            _found.move_to_end(key)
            return kept
    # imported on the first text looked at (on a worker thread): the rules and models take a
    # tenth of a second to load, which the window's start-up need not wait for
    from db.extract.mentions import ActorMatcher, suggest_new_actors
    from db.extract.statistics import suggest_statistics

    matcher = ActorMatcher(names)
    found = _Found(
        known=matcher.find(text),
        new=suggest_new_actors(text, matcher, language),
        statistics=suggest_statistics(text, published, language),
    )
    with _found_lock:
        _found[key] = found
        while len(_found) > _FOUND_KEPT:
            _found.popitem(last=False)
    return found
