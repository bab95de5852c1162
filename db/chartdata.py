"""The data behind a chart: one row per statistic, with its time span, group and provenance.

Built with one SQL query straight into pandas (no ORM object per row), so a chart over
100,000 statistics is ready in well under a second. pandas is imported lazily: the window
should not pay for it before a chart is shown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import String, and_, func, select, type_coerce
from sqlalchemy.orm import Session, aliased

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

NO_CLAIMANT = "(no claimant)"
NO_PLACE = "(no place)"
NO_SOURCE = "(no source)"
NO_ACTOR = "(no actor)"

CHART_KIND = "chart"


def _first_actor_in_span() -> Any:
    """The first actor mentioned inside the statistic's sentence span, other than claimant or place.

    This is what "by actor" groups on: who the number is about ("249 militants of the Caucasus
    Emirate"), as the researcher marked it.
    """
    mention_span = aliased(Annotation)
    claim_span = aliased(Annotation)
    return (
        select(Actor.name)
        .select_from(Mention)
        .join(mention_span, mention_span.id == Mention.annotation_id)
        .join(Actor, Actor.id == Mention.actor_id)
        .join(claim_span, claim_span.id == Statistic.annotation_id)
        .where(
            and_(
                mention_span.source_id == claim_span.source_id,
                mention_span.start >= claim_span.start,
                mention_span.end <= claim_span.end,
                Mention.actor_id.is_not(Statistic.claimant_id),
                Mention.actor_id.is_not(Statistic.place_id),
            )
        )
        .order_by(mention_span.start)
        .limit(1)
        .correlate(Statistic)
        .scalar_subquery()
    )


def chart_frame(
    session: Session,
    measures: Sequence[str] | None = None,
    subjects: Sequence[str] | None = None,
    group_by: GroupBy = "claimant",
    include_reference: bool = True,
) -> pd.DataFrame:
    """One row per statistic matching ``measures``/``subjects`` (all when None), ready to plot.

    ``x_start``/``x_end`` are the first day of the period's start and the last day of its end
    (a year means the whole year); a statistic with no period falls back to its source's
    publication date, and is NaT when that is unknown too. ``group`` is the label the chart
    colours by. ``conflict`` marks claims that disagree with another claim on the same thing.
    """
    import pandas as pd

    if group_by not in GROUPINGS:
        raise ValueError(f"cannot group a chart by {group_by!r}; choose one of {', '.join(GROUPINGS)}")
    place = aliased(Actor)
    claimant = aliased(Actor)
    columns: list[Any] = [
        Statistic.id.label("id"),
        Statistic.value.label("value"),
        Statistic.low.label("low"),
        Statistic.high.label("high"),
        Statistic.approximate.label("approximate"),
        Statistic.measure.label("measure"),
        Statistic.unit.label("unit"),
        Statistic.subject.label("subject"),
        # Raw column values: the driver's text (SQLite) or date (PostgreSQL), parsed by pandas in
        # one go instead of one Python date per row.
        type_coerce(Statistic.period_start, String).label("period_start"),
        Statistic.period_start_precision.label("start_precision"),
        type_coerce(Statistic.period_end, String).label("period_end"),
        Statistic.period_end_precision.label("end_precision"),
        type_coerce(Source.published, String).label("published"),
        Source.published_precision.label("published_precision"),
        claimant.name.label("claimant"),
        place.name.label("place"),
        Statistic.source_id.label("source_id"),
        Source.title.label("source_title"),
        Annotation.quote.label("quote"),
        Statistic.dataset.label("dataset"),
    ]
    if group_by == "actor":
        columns.append(_first_actor_in_span().label("actor"))
    query = (
        select(*columns)
        .select_from(Statistic)
        .outerjoin(place, place.id == Statistic.place_id)
        .outerjoin(claimant, claimant.id == Statistic.claimant_id)
        .outerjoin(Source, Source.id == Statistic.source_id)
        .outerjoin(Annotation, Annotation.id == Statistic.annotation_id)
        .order_by(Statistic.id)
    )
    if measures:
        query = query.where(Statistic.measure.in_(list(measures)))
    if subjects:
        query = query.where(func.coalesce(Statistic.subject, "").in_(list(subjects)))
    if not include_reference:
        query = query.where(Statistic.dataset.is_(None))
    result = session.execute(query)
    raw = pd.DataFrame(result.all(), columns=list(result.keys()))
    return _shape(raw, group_by)


def _day(values: pd.Series) -> pd.Series:
    import pandas as pd

    # Dates come as "YYYY-MM-DD" text (SQLite) or date objects (PostgreSQL).
    return pd.to_datetime(values.astype("string").str.slice(0, 10), format="%Y-%m-%d", errors="coerce")


def _last_day(first: pd.Series, precision: pd.Series) -> pd.Series:
    """The last day of a partial date stored as its first day and a precision."""
    import pandas as pd

    year_end = first + pd.offsets.YearEnd(0)
    month_end = first + pd.offsets.MonthEnd(0)
    return first.where(precision == "day", month_end.where(precision == "month", year_end)).where(
        precision.notna() | first.isna(), first
    )


def _period_label(frame: pd.DataFrame) -> pd.Series:
    """The period as a person writes it: "2014", "2010 – 2015-07-11", or "" when unknown."""

    def iso(first: pd.Series, precision: pd.Series) -> pd.Series:
        year = first.dt.strftime("%Y")
        month = first.dt.strftime("%Y-%m")
        day = first.dt.strftime("%Y-%m-%d")
        label: pd.Series = day.where(precision == "day", month.where(precision == "month", year))
        return label.fillna("")

    start = iso(frame["_start"], frame["start_precision"])
    end = iso(frame["_end"], frame["end_precision"])
    label = start.where((start == end) | (end == ""), start + " – " + end)
    return label.where(start != "", end.where(end == "", "until " + end))


def _shape(raw: pd.DataFrame, group_by: GroupBy) -> pd.DataFrame:
    import pandas as pd

    frame = raw
    frame["_start"] = _day(frame["period_start"])
    frame["_end"] = _day(frame["period_end"])
    published = _day(frame["published"])
    has_period = frame["_start"].notna() | frame["_end"].notna()
    x_start = frame["_start"].fillna(frame["_end"])
    end_precision = frame["end_precision"].where(frame["_end"].notna(), frame["start_precision"])
    x_end = _last_day(frame["_end"].fillna(frame["_start"]), end_precision)
    # A claim with an end but no start ("have gone to fight", as of the article's date) is a
    # count at that end: draw it at its last day, not across a span nobody gave.
    only_end = frame["_start"].isna() & frame["_end"].notna()
    x_start = x_start.where(~only_end, x_end)
    # No period at all: the claim holds at its source's publication.
    published_end = _last_day(published, frame["published_precision"])
    x_start = x_start.where(has_period, published)
    x_end = x_end.where(has_period, published_end)
    frame["x_start"] = x_start.astype("datetime64[ns]")
    frame["x_end"] = x_end.astype("datetime64[ns]")
    frame["period"] = _period_label(frame)

    frame["approximate"] = frame["approximate"].fillna(False).astype(bool)
    frame["is_reference"] = frame["dataset"].notna()
    # Reference data is claimed by its dataset when no claimant was named.
    frame["claimant"] = frame["claimant"].where(frame["claimant"].notna(), frame["dataset"])
    if group_by == "claimant":
        group = frame["claimant"].fillna(NO_CLAIMANT)
    elif group_by == "place":
        group = frame["place"].fillna(NO_PLACE)
    elif group_by == "source":
        group = frame["source_title"].where(frame["source_title"].notna(), frame["dataset"])
        group = group.fillna(NO_SOURCE)
    else:
        group = frame["actor"].where(frame["actor"].notna(), frame["subject"]).fillna(NO_ACTOR)
    frame["group"] = group.astype(str)
    frame["conflict"] = _conflict_flags(frame)
    for column in ("value", "low", "high"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    frame["source_id"] = frame["source_id"].astype("Int64")
    return frame.loc[:, list(COLUMNS)].reset_index(drop=True)


def _conflict_flags(frame: pd.DataFrame) -> pd.Series:
    # TODO(issue 6): use db.conflicts.conflicting_statistic_ids once it lands.
    return frame["id"].map(lambda _: False).astype(bool)


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
    return [(m, s, int(n)) for m, s, n in rows.tuples()]
