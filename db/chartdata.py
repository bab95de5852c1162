"""The data behind a chart: one row per statistic, with its time span, group and provenance.

Built with one SQL query straight into pandas (no ORM object per row) and integer-coded
pandas work: 100,000 statistics take about 0.8 s of CPU on the 2-core test machines, conflict
flags included (benchmarks/bench_chart.py). pandas is imported lazily: the window should not
pay for it before a chart is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

from sqlalchemy import String, and_, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

from db.conflicts import STORED_COLUMNS, conflicting_ids_in, conflicting_statistic_ids
from db.dates import PartialDate, from_columns
from db.frames import read_frame
from db.models import Actor, Annotation, Mention, SavedSearch, Source, Statistic

if TYPE_CHECKING:
    import pandas as pd

GroupBy = Literal["claimant", "place", "source", "actor"]
GROUPINGS: tuple[GroupBy, ...] = ("claimant", "place", "source", "actor")

#: the frame's columns, in order (tests and the CSV export rely on them)
COLUMNS = (
    "id",
    "value",
    "low",
    "high",
    "approximate",
    "measure",
    "unit",
    "subject",
    "x_start",
    "x_end",
    "period",
    "group",
    "claimant",
    "place",
    "source_id",
    "source_title",
    "quote",
    "dataset",
    "is_reference",
    "conflict",
)

#: what only a point's tooltip and the CSV export say, read by claim id when asked for
#: (:func:`claim_details`) rather than held for every point: at 100,000 claims some 20 MB
DETAILS = ("source_title", "quote")
#: the columns of a frame read without its details
DRAWN_COLUMNS = tuple(c for c in COLUMNS if c not in DETAILS)

#: a claim in a source that names nobody else is the author's (as everywhere in Dossier)
AUTHOR = "(the author)"
NO_CLAIMANT = "(no claimant)"
NO_PLACE = "(no place)"
NO_SOURCE = "(no source)"
NO_ACTOR = "(no actor)"

CHART_KIND = "chart"
#: the frame's time columns: seconds cover years 1 to 9999 (nanoseconds only 1677 to 2262)
DATETIME: Final = "datetime64[s]"


def _actors_in_spans(session: Session, statistic_ids: set[int] | None) -> dict[int, str]:
    """For each statistic, the first actor marked inside its sentence span, other than its
    claimant or place: who the number is about ("249 militants of the Caucasus Emirate").

    Driven from the mentions (few) rather than from every statistic, so it stays cheap.
    """
    mention_span = aliased(Annotation)
    claim_span = aliased(Annotation)
    query = (
        select(Statistic.id, mention_span.start, Actor.name)
        .select_from(Mention)
        .join(mention_span, mention_span.id == Mention.annotation_id)
        .join(Actor, Actor.id == Mention.actor_id)
        .join(
            claim_span,
            and_(
                claim_span.source_id == mention_span.source_id,
                claim_span.start <= mention_span.start,
                claim_span.end >= mention_span.end,
            ),
        )
        .join(Statistic, Statistic.annotation_id == claim_span.id)
        .where(
            Mention.actor_id.is_distinct_from(Statistic.claimant_id),
            Mention.actor_id.is_distinct_from(Statistic.place_id),
        )
    )
    first: dict[int, tuple[int, str]] = {}
    for statistic_id, start, name in session.execute(query):
        if statistic_ids is not None and statistic_id not in statistic_ids:
            continue
        if statistic_id not in first or start < first[statistic_id][0]:
            first[statistic_id] = (start, name)
    return {k: v[1] for k, v in first.items()}


def _names(session: Session, model: Any, column: Any, ids: Any) -> dict[int, Any]:
    wanted = [int(i) for i in ids if i == i and i is not None]
    if not wanted:
        return {}
    if len(wanted) > 5000:
        rows = session.execute(select(model.id, column))
    else:
        rows = session.execute(select(model.id, column).where(model.id.in_(wanted)))
    return {r[0]: r[1] for r in rows}


#: what the rules of db.conflicts read, and who claimed it where
_BASE_COLUMNS = (
    *STORED_COLUMNS,
    Statistic.claimant_id.label("claimant_id"),
    Statistic.source_id.label("source_id"),
    Statistic.dataset.label("dataset"),
)


def chart_frame(
    session: Session,
    measures: Sequence[str] | None = None,
    subjects: Sequence[str] | None = None,
    group_by: GroupBy = "claimant",
    include_reference: bool = True,
    details: bool = True,
) -> pd.DataFrame:
    """One row per statistic matching ``measures``/``subjects`` (all when None), ready to plot.

    Without ``details`` the frame has :data:`DRAWN_COLUMNS` only (no source title nor quote:
    :func:`claim_details` reads them for the claims that need them).

    ``x_start``/``x_end`` are the first day of the period's start and the last day of its end
    (a year means the whole year); a statistic with no period falls back to its source's
    publication date, and is NaT when that is unknown too. ``group`` is the label the chart
    colours by. ``conflict`` marks claims that disagree with another claim on the same thing.
    """
    import pandas as pd

    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group a chart by {group_by!r}; choose one of {', '.join(GROUPINGS)}")
    query = (
        select(*_BASE_COLUMNS, Annotation.quote.label("quote"))
        .select_from(Statistic)
        .outerjoin(Annotation, Annotation.id == Statistic.annotation_id)
        .order_by(Statistic.id)
        if details
        else select(*_BASE_COLUMNS).order_by(Statistic.id)
    )
    filtered = bool(measures or subjects or not include_reference)
    if measures:
        query = query.where(Statistic.measure.in_(list(measures)))
    if subjects:
        query = query.where(func.coalesce(Statistic.subject, "").in_(list(subjects)))
    if not include_reference:
        query = query.where(Statistic.dataset.is_(None))
    raw = read_frame(session, query)
    # Names and titles through small lookups instead of joins repeating them on every row.
    actors = _names(session, Actor, Actor.name, pd.unique(pd.concat([raw["place_id"], raw["claimant_id"]])))
    raw["place"] = raw["place_id"].map(actors)
    raw["claimant"] = raw["claimant_id"].map(actors)
    # the titles when they are shown (details) or coloured by (grouping by source)
    titled = details or group_by == "source"
    sources = read_frame(
        session,
        select(
            Source.id.label("source_id"),
            *([Source.title.label("source_title")] if titled else []),
            type_coerce(Source.published, String).label("published"),
            Source.published_precision.label("published_precision"),
        ).where(Source.id.in_(select(Statistic.source_id).where(Statistic.source_id.is_not(None)).distinct())),
    )
    raw = raw.merge(sources, on="source_id", how="left", sort=False)
    if group_by == "actor":
        raw["actor"] = raw["id"].map(_actors_in_spans(session, set(raw["id"].tolist()) if filtered else None))
    frame = _shape(raw, group_by, COLUMNS if details else DRAWN_COLUMNS)
    if frame.empty:
        conflicts: set[int] = set()
    elif filtered:
        conflicts = conflicting_ids(session, measures=measures)
    else:
        conflicts = conflicting_ids_in(raw)
    frame["conflict"] = frame["id"].isin(conflicts)
    return frame


def _span_of(start: PartialDate | None, end: PartialDate | None) -> tuple[Any, Any, str]:
    """(first day, last day, label) of a statistic's period; (None, None, "") when unknown.

    A claim with an end but no start ("have gone to fight", as of the article's date) is a
    count at that end: its last day, not a span nobody gave.
    """
    if start is None and end is None:
        return None, None, ""
    if start is None:
        assert end is not None
        return end.last_day(), end.last_day(), f"until {end.iso()}"
    end = end or start
    label = start.iso() if start == end else f"{start.iso()} – {end.iso()}"
    return start.first_day(), end.last_day(), label


def _datetimes(days: list[dt.date | None]) -> Any:
    import numpy as np

    return np.array([np.datetime64("NaT") if d is None else np.datetime64(d, "D") for d in days], dtype=DATETIME)


def _spans(start: pd.Series, start_precision: pd.Series, end: pd.Series, end_precision: pd.Series) -> tuple[
    pd.Series, pd.Series, pd.Series
]:
    """First day, last day and label of each row's period.

    Worked out once per distinct period (a few thousand at most) rather than per row.
    """
    import numpy as np
    import pandas as pd

    # One integer per distinct (start, precision, end, precision): factorize each column, combine.
    codes = np.zeros(len(start), dtype=np.int64)
    columns = (start, start_precision, end, end_precision)
    for column in columns:
        column_codes, column_uniques = pd.factorize(column, use_na_sentinel=False)
        # Re-factorize at each step so the combined codes stay small.
        codes = pd.factorize(codes * (len(column_uniques) + 1) + column_codes)[0]
    first_of = pd.Series(np.arange(len(codes))).groupby(codes).first().to_numpy()
    uniques = [tuple(column.iloc[r] for column in columns) for r in first_of]
    firsts, lasts, labels = [], [], []
    for s, sp, e, ep in uniques:
        first, last, label = _span_of(from_columns(s, sp), from_columns(e, ep))
        firsts.append(first)
        lasts.append(last)
        labels.append(label)
    # Seconds, not pandas' default nanoseconds: those end in 2262 and begin in 1677, and
    # archives hold older events (and mistyped years).
    unique_first = _datetimes(firsts)
    unique_last = _datetimes(lasts)
    unique_label = pd.Series(labels, dtype=object).to_numpy()
    index = start.index
    if len(uniques) == 0:
        empty = pd.Series(pd.NaT, index=index, dtype=DATETIME)
        return empty, empty.copy(), pd.Series("", index=index, dtype=object)
    return (
        pd.Series(unique_first[codes], index=index),
        pd.Series(unique_last[codes], index=index),
        pd.Series(unique_label[codes], index=index),
    )


def _shared(column: pd.Series) -> pd.Series:
    """The same column with one string object per distinct value: the driver makes a new one
    for every row ("killed" 100,000 times), 50 bytes or more each."""
    import numpy as np
    import pandas as pd

    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    shared = np.empty(len(uniques), dtype=object)
    shared[:] = [None if u is None or u != u else u for u in uniques]  # missing stays None
    return pd.Series(shared[codes], index=column.index, dtype=object)


def _shape(raw: pd.DataFrame, group_by: GroupBy, columns: Sequence[str] = COLUMNS) -> pd.DataFrame:
    import pandas as pd

    frame = raw
    x_start, x_end, period = _spans(
        frame["period_start"], frame["start_precision"], frame["period_end"], frame["end_precision"]
    )
    # No period at all: the claim holds at its source's publication.
    published_start, published_end, _label = _spans(
        frame["published"], frame["published_precision"], frame["published"], frame["published_precision"]
    )
    has_period = x_start.notna()
    frame["x_start"] = x_start.where(has_period, published_start).astype(DATETIME)
    frame["x_end"] = x_end.where(has_period, published_end).astype(DATETIME)
    frame["period"] = period.astype(str)

    frame["approximate"] = frame["approximate"].fillna(False).astype(bool)
    frame["is_reference"] = frame["dataset"].notna()
    # Reference data is claimed by its dataset when no claimant was named.
    frame["claimant"] = frame["claimant"].where(frame["claimant"].notna(), frame["dataset"])
    if group_by == "claimant":
        unclaimed = frame["source_id"].notna().map({True: AUTHOR, False: NO_CLAIMANT})
        group = frame["claimant"].fillna(unclaimed)
    elif group_by == "place":
        group = frame["place"].fillna(NO_PLACE)
    elif group_by == "source":
        group = frame["source_title"].where(frame["source_title"].notna(), frame["dataset"])
        group = group.fillna(NO_SOURCE)
    else:
        group = frame["actor"].where(frame["actor"].notna(), frame["subject"]).fillna(NO_ACTOR)
    frame["group"] = group.astype(str)
    frame["conflict"] = False
    for column in ("value", "low", "high"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["source_id"] = frame["source_id"].astype("Int64")
    for column in ("measure", "unit", "subject", "group", "dataset"):
        frame[column] = _shared(frame[column])
    return frame.loc[:, list(columns)].reset_index(drop=True)


@dataclass(frozen=True)
class ClaimDetail:
    """What a chart's point says beyond what is drawn: its source's title and its quote."""

    source_title: str | None
    quote: str | None


def claim_details(session: Session, ids: Sequence[int]) -> dict[int, ClaimDetail]:
    """The source title and quote of each statistic of ``ids`` (those that exist)."""
    from db.queries import in_chunks

    found: dict[int, ClaimDetail] = {}
    for chunk in in_chunks(sorted({int(i) for i in ids}), 5000):
        query = (
            select(Statistic.id, Source.title, Annotation.quote)
            .select_from(Statistic)
            .outerjoin(Source, Source.id == Statistic.source_id)
            .outerjoin(Annotation, Annotation.id == Statistic.annotation_id)
            .where(Statistic.id.in_(chunk))
        )
        for statistic_id, title, quote in session.execute(query):
            found[statistic_id] = ClaimDetail(title, quote)
    return found


def with_details(frame: pd.DataFrame, found: dict[int, ClaimDetail]) -> pd.DataFrame:
    """A frame read without its details (:data:`DRAWN_COLUMNS`) with them, from ``found``
    (:func:`claim_details` of its ids), in :data:`COLUMNS`' order (other columns after)."""
    import pandas as pd

    missing = ClaimDetail(None, None)
    details = [found.get(int(i), missing) for i in frame["id"]]
    frame = frame.assign(
        source_title=pd.Series([d.source_title for d in details], index=frame.index, dtype=object),
        quote=pd.Series([d.quote for d in details], index=frame.index, dtype=object),
    )
    return frame.loc[:, [c for c in COLUMNS if c in frame] + [c for c in frame if c not in COLUMNS]]


def conflicting_ids(session: Session, measures: Sequence[str] | None = None) -> set[int]:
    """Ids of the statistics that conflict with another: :func:`db.conflicts.conflicting_statistic_ids`.

    With ``measures``, only statistics whose measure reads the same as one of them are looked at.
    """
    return conflicting_statistic_ids(session, measures=measures)


# --- saved charts ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedChart:
    id: int
    name: str
    settings: dict[str, Any]
    modified_at: dt.datetime


def save_chart(session: Session, name: str, settings: dict[str, Any]) -> int:
    """Save ``settings`` under ``name`` (replacing a chart of that name); returns its id."""
    name = name.strip()
    if not name:
        raise ValueError("a saved chart needs a name")
    existing = session.scalars(
        select(SavedSearch).where(SavedSearch.kind == CHART_KIND, SavedSearch.name == name)
    ).first()
    if existing is None:
        existing = SavedSearch(name=name, kind=CHART_KIND, query="")
        session.add(existing)
    existing.settings = dict(settings)
    session.flush()
    return existing.id


def list_charts(session: Session) -> list[SavedChart]:
    """The saved charts, by name."""
    rows = session.scalars(
        select(SavedSearch).where(SavedSearch.kind == CHART_KIND).order_by(SavedSearch.name)
    )
    return [SavedChart(r.id, r.name, dict(r.settings or {}), r.modified_at) for r in rows]


def load_chart(session: Session, name: str) -> dict[str, Any] | None:
    """The settings saved under ``name``, or None."""
    settings = session.scalars(
        select(SavedSearch.settings).where(SavedSearch.kind == CHART_KIND, SavedSearch.name == name)
    ).first()
    return None if settings is None else dict(settings)


def delete_chart(session: Session, name: str) -> None:
    row = session.scalars(
        select(SavedSearch).where(SavedSearch.kind == CHART_KIND, SavedSearch.name == name)
    ).first()
    if row is not None:
        session.delete(row)


def chart_choices(session: Session) -> list[tuple[str, str | None, int]]:
    """(measure, subject, count) of every measure and subject in the archive, most common first."""
    rows = session.execute(
        select(Statistic.measure, Statistic.subject, func.count(Statistic.id))
        .group_by(Statistic.measure, Statistic.subject)
        .order_by(func.count(Statistic.id).desc(), Statistic.measure)
    )
    return [(m, s, int(n)) for m, s, n in rows]
