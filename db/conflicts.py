"""Conflicting claims: statistics about the same thing whose values cannot both be right.

Two statistics are *comparable* when

- their measures and subjects are the same once normalised (case, diacritics, whitespace and a
  simple plural: "Militants killed" = "militant killed"),
- their units are the same, or either has none,
- their places are the same, or either has none, and
- they are about (nearly) the same period: the days both periods cover make up at least
  ``SAME_PERIOD_SHARE`` (80 %) of the longer period. "249 killed in 2014" and "5,816 killed
  since 2010" (2010 to 2015-07-11) share one year of five and a half, so they are not compared:
  a count for a year inside a longer total is no contradiction of it. "2014" and "January to
  November 2014" share 334 of 365 days, so they are. A period is from the first day of its start
  to the last day of its end ("2014" is the whole year); a statistic without a period is
  compared with every period, since the text did not say which it meant.

Comparable statistics *conflict* when their value ranges do not meet. A statistic's range is
``[low, high]`` when both bounds are given, open on one side when only one is ("at least 19"
allows anything from 19 up, whatever the best estimate), otherwise the value itself. An
approximate value ("some 2,200", "an estimated 5,000") is widened by ``APPROXIMATE_TOLERANCE``
(10 %) of itself on each side, so "some 2,200" does not conflict with 2,100 but does with 1,500;
two approximate claims each get their own margin. Reference data (imported tables, ``dataset``
set) takes part like any other claim.

The rules run once, vectorised with numpy and pandas on one row per statistic (100,000
statistics in well under a second, benchmarks/bench_chart.py): candidate pairs share a
normalised measure and subject, a calendar year of their periods and a place (or either has
none); the rules above then decide. :func:`conflicting_statistic_ids` (the flags in tables and
charts) and :func:`find_conflicts` (the claims side by side) both use it.

A :class:`Conflict` groups the claims that are linked by disagreements (the connected
components of the "conflicts with" graph), with each claim's claimant and source side by side.
"""

from __future__ import annotations

import datetime as dt
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db import values
from db.dates import PartialDate, from_columns
from db.frames import read_frame
from db.models import Statistic
from db.queries import list_statistics
from db.rows import StatisticRow, known_by_id
from db.text import fold, isolated

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

#: how far an approximate value may be from the truth, as a share of the value
APPROXIMATE_TOLERANCE = 0.10
#: two periods are the same when the days they share make up this much of the longer one
SAME_PERIOD_SHARE = 0.8

_WORD = re.compile(r"\w+")


def _singular(word: str) -> str:
    """A simple English singular, enough to match "militants" with "militant"."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_phrase(text: str | None) -> str:
    """The key two measures or subjects are compared by ("Militants  Killed" -> "militant killed")."""
    return " ".join(_singular(w) for w in _WORD.findall(fold(text or "")))


@dataclass(frozen=True)
class Conflict:
    """Claims about the same measure and subject whose values disagree."""

    measure: str
    subject: str | None
    claims: tuple[StatisticRow, ...]
    #: the pairs of statistic ids that disagree, packed (int64: first, second, first, second …):
    #: an archive can hold hundreds of thousands of pairs, 16 bytes each this way
    packed_pairs: bytes

    @property
    def pairs(self) -> tuple[tuple[int, int], ...]:
        """The pairs of statistic ids that disagree (smaller id first), in order."""
        flat = array("q", self.packed_pairs)
        return tuple(zip(flat[0::2], flat[1::2], strict=True))

    @property
    def statistic_ids(self) -> tuple[int, ...]:
        return tuple(c.id for c in self.claims)

    @property
    def places(self) -> tuple[str, ...]:
        return tuple(sorted({c.place for c in self.claims if c.place}))

    def describe(self) -> str:
        """One line for a list: "militants killed (Dagestan): 249 vs 300"."""
        what = isolated(" ".join(p for p in (self.subject, self.measure) if p)) or "statistic"
        where = f" ({', '.join(isolated(p) for p in self.places)})" if self.places else ""
        claimed = " vs ".join(values.format(c) or "?" for c in self.claims)
        return f"{what}{where}: {claimed}"


# --- the rules, once, on one row per statistic ------------------------------------------------

#: the statistic columns the rules read (as :func:`db.frames.read_frame` gives them)
STORED_COLUMNS = (
    Statistic.id.label("id"),
    Statistic.value.label("value"),
    Statistic.low.label("low"),
    Statistic.high.label("high"),
    Statistic.approximate.label("approximate"),
    Statistic.measure.label("measure"),
    Statistic.unit.label("unit"),
    Statistic.subject.label("subject"),
    # Through read_frame, dates come raw (text on SQLite, dates on PostgreSQL) and are parsed
    # once per distinct value, not once per row.
    Statistic.period_start.label("period_start"),
    Statistic.period_start_precision.label("start_precision"),
    Statistic.period_end.label("period_end"),
    Statistic.period_end_precision.label("end_precision"),
    Statistic.place_id.label("place_id"),
)

#: no period: day numbers are proleptic ordinals (1 is 0001-01-01), so 0 is free
_NO_DAY = 0


def _period(start: PartialDate | None, end: PartialDate | None) -> tuple[dt.date, dt.date] | None:
    """From the first day of the start to the last day of the end; one given stands for both."""
    start, end = start or end, end or start
    if start is None or end is None:
        return None
    return start.first_day(), end.last_day()


def _stored_periods(rows: pd.DataFrame) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """First and last day (ordinals, ``_NO_DAY`` when none) of each stored statistic's period.

    Worked out once per distinct (start, precision, end, precision), a few thousand at most,
    rather than once per row.
    """
    import numpy as np
    import pandas as pd

    columns = [rows[c] for c in ("period_start", "start_precision", "period_end", "end_precision")]
    codes = np.zeros(len(rows), dtype=np.int64)
    for column in columns:
        column_codes, uniques = pd.factorize(column, use_na_sentinel=False)
        # Re-factorize at each step so the combined codes stay small.
        codes = pd.factorize(codes * (len(uniques) + 1) + column_codes)[0]
    representative = pd.Series(np.arange(len(codes))).groupby(codes).first().to_numpy()
    firsts, lasts = [], []
    for r in representative:
        start, start_precision, end, end_precision = (column.iloc[r] for column in columns)
        period = _period(from_columns(start, start_precision), from_columns(end, end_precision))
        firsts.append(period[0].toordinal() if period else _NO_DAY)
        lasts.append(period[1].toordinal() if period else _NO_DAY)
    return (
        np.asarray(firsts, dtype=np.int64)[codes] if len(codes) else np.zeros(0, np.int64),
        np.asarray(lasts, dtype=np.int64)[codes] if len(codes) else np.zeros(0, np.int64),
    )


def _year(ordinals: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    import numpy as np

    epoch = dt.date(1970, 1, 1).toordinal()
    days = (ordinals - epoch).astype("datetime64[D]")
    return np.asarray(days.astype("datetime64[Y]").astype(np.int64) + 1970, dtype=np.int64)


def _disagreeing_pairs(
    rows: pd.DataFrame, first: np.ndarray[Any, Any], last: np.ndarray[Any, Any], tolerance: float
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Positions ``(i, j)``, ``i < j``, of the rows that conflict.

    A pair may come more than once (from several shared years, or from both sides of a
    placeless merge): making them unique costs more than the rest for 100,000 statistics, and
    the flags and the sets of edges built from them do not need it.

    ``rows`` has the columns value, low, high, approximate, measure, unit, subject and
    place_id; ``first``/``last`` are the periods' day ordinals (``_NO_DAY``: no period).
    """
    import numpy as np
    import pandas as pd

    none = np.zeros(0, dtype=np.int64)
    if len(rows) < 2:
        return none, none
    rows = rows.reset_index(drop=True)

    def key(column: str) -> np.ndarray[Any, Any]:
        # Normalise each distinct text once, not once per row; code 0 is "none given".
        codes, uniques = pd.factorize(rows[column])
        normalised = [normalise_phrase(u) for u in uniques]
        key_codes, _ = pd.factorize(pd.Series(["", *normalised]))
        return np.asarray(key_codes[codes + 1], dtype=np.int64)

    measure, subject = key("measure"), key("subject")
    group = measure * (int(subject.max()) + 1) + subject
    unit = key("unit")  # 0: no unit, compatible with any
    place = pd.to_numeric(rows["place_id"], errors="coerce").fillna(-1).to_numpy(np.int64)

    # The range of values each claim allows.
    value = pd.to_numeric(rows["value"], errors="coerce").to_numpy(float, na_value=np.nan)
    low = pd.to_numeric(rows["low"], errors="coerce").to_numpy(float, na_value=np.nan)
    high = pd.to_numeric(rows["high"], errors="coerce").to_numpy(float, na_value=np.nan)
    bounded = ~np.isnan(low) | ~np.isnan(high)
    lo = np.where(bounded, np.where(np.isnan(low), -np.inf, low), value)
    hi = np.where(bounded, np.where(np.isnan(high), np.inf, high), value)
    approximate = rows["approximate"].fillna(False).to_numpy(bool)
    widen = approximate & np.isfinite(lo)
    lo = np.where(widen, lo - np.abs(lo) * tolerance, lo)
    widen = approximate & np.isfinite(hi)
    hi = np.where(widen, hi + np.abs(hi) * tolerance, hi)
    lo, hi = np.minimum(lo, hi), np.maximum(lo, hi)
    has_value = ~np.isnan(lo)

    dated = (first != _NO_DAY) & has_value
    undated = (first == _NO_DAY) & has_value
    first_year, last_year = _year(first), _year(last)

    # One entry per calendar year a dated period touches: candidate pairs share one.
    positions = np.flatnonzero(dated)
    years = np.clip(last_year[positions] - first_year[positions] + 1, 1, None)
    index = np.repeat(positions, years)
    year = first_year[index] + np.arange(len(index)) - np.repeat(np.cumsum(years) - years, years)
    year_span = int(year.max() - year.min() + 1) if len(year) else 1
    year = year - (int(year.min()) if len(year) else 0)
    places = int(place.max()) + 2
    cell = group[index] * year_span + year  # same measure, subject and year
    cell_place = cell * places + (place[index] + 1)  # ... and place
    binned = pd.DataFrame({"i": index, "cell": cell, "cell_place": cell_place, "placed": place[index] >= 0})
    placed = binned[binned["placed"]]
    placeless = binned[~binned["placed"]]
    candidates = [
        placed[["i", "cell_place"]]
        .merge(placed[["i", "cell_place"]].rename(columns={"i": "j"}), on="cell_place")
        .query("i < j"),
        placeless[["i", "cell"]].merge(binned[["i", "cell"]].rename(columns={"i": "j"}), on="cell"),
    ]
    if undated.any():
        # No period: compared with every claim on the same thing.
        everyone = pd.DataFrame({"j": np.flatnonzero(has_value), "group": group[has_value]})
        lonely = pd.DataFrame({"i": np.flatnonzero(undated), "group": group[undated]})
        candidates.append(lonely.merge(everyone, on="group"))
    i = np.concatenate([c["i"].to_numpy(np.int64) for c in candidates])
    j = np.concatenate([c["j"].to_numpy(np.int64) for c in candidates])
    # Cheapest test first, on every candidate; the others only on the pairs that disagree.
    disagree = np.flatnonzero((i != j) & ((lo[i] > hi[j]) | (lo[j] > hi[i])))
    i, j = np.minimum(i[disagree], j[disagree]), np.maximum(i[disagree], j[disagree])
    same_place = (place[i] == place[j]) | (place[i] < 0) | (place[j] < 0)
    same_unit = (unit[i] == unit[j]) | (unit[i] == 0) | (unit[j] == 0)
    shared = np.minimum(last[i], last[j]) - np.maximum(first[i], first[j]) + 1
    longer = np.maximum(last[i] - first[i], last[j] - first[j]) + 1
    same_period = ~dated[i] | ~dated[j] | (shared >= SAME_PERIOD_SHARE * longer)
    found = same_place & same_unit & same_period
    return i[found], j[found]


def conflicting_ids_in(rows: pd.DataFrame, tolerance: float = APPROXIMATE_TOLERANCE) -> set[int]:
    """Ids of the statistics in ``rows`` (read with :data:`STORED_COLUMNS`, or more) that conflict."""
    import numpy as np

    first, last = _stored_periods(rows)
    i, j = _disagreeing_pairs(rows, first, last, tolerance)
    ids = rows["id"].to_numpy(np.int64)
    return set(ids[np.concatenate([i, j])].tolist())


def _stored(session: Session, measures: Sequence[str] | None = None) -> pd.DataFrame:
    query = select(*STORED_COLUMNS)
    if measures:
        keys = {normalise_phrase(m) for m in measures}
        known = session.scalars(select(Statistic.measure).distinct()).all()
        query = query.where(Statistic.measure.in_([m for m in known if normalise_phrase(m) in keys]))
    return read_frame(session, query)


def conflicting_statistic_ids(
    session: Session,
    tolerance: float = APPROXIMATE_TOLERANCE,
    measures: Sequence[str] | None = None,
) -> set[int]:
    """Ids of the statistics that conflict with at least one other (for flags in tables and charts).

    With ``measures``, only statistics whose measure reads the same as one of them are looked at
    (the others cannot conflict with them).
    """
    return conflicting_ids_in(_stored(session, measures), tolerance)


def _rows_frame(rows: Sequence[StatisticRow]) -> tuple[pd.DataFrame, np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    import numpy as np
    import pandas as pd

    frame = pd.DataFrame(
        {
            "value": [r.value for r in rows],
            "low": [r.low for r in rows],
            "high": [r.high for r in rows],
            "approximate": [bool(r.approximate) for r in rows],
            "measure": [r.measure for r in rows],
            "unit": [r.unit for r in rows],
            "subject": [r.subject for r in rows],
            "place_id": [r.place_id for r in rows],
        }
    )
    periods = [_period(r.period_start, r.period_end) for r in rows]
    first = np.asarray([p[0].toordinal() if p else _NO_DAY for p in periods], dtype=np.int64)
    last = np.asarray([p[1].toordinal() if p else _NO_DAY for p in periods], dtype=np.int64)
    return frame, first, last


def conflicts_among(
    rows: Iterable[StatisticRow], tolerance: float = APPROXIMATE_TOLERANCE
) -> list[Conflict]:
    """The conflicts among the given statistics (no database needed)."""
    import numpy as np

    claims = list(rows)
    frame, first, last = _rows_frame(claims)
    i, j = _disagreeing_pairs(frame, first, last, tolerance)
    ids = np.asarray([c.id for c in claims], dtype=np.int64)
    return _conflicts(ids[i], ids[j], {c.id: c for c in claims})


def find_conflicts(
    session: Session, tolerance: float = APPROXIMATE_TOLERANCE, known: Iterable[StatisticRow] = ()
) -> list[Conflict]:
    """Every group of conflicting claims in the archive, with claimants, sources and quotes.

    The rules run on the bare columns of every statistic; only the claims in a conflict are
    then read in full. A claim read the same as one of ``known`` (the rows a pane holds
    already) is that row, so the two lists share their memory.
    """
    import numpy as np

    stored = _stored(session)
    first, last = _stored_periods(stored)
    i, j = _disagreeing_pairs(stored, first, last, tolerance)
    ids = stored["id"].to_numpy(np.int64)
    del stored
    a, b = ids[i], ids[j]
    wanted = np.unique(np.concatenate([a, b])).tolist()
    by_id: dict[int, StatisticRow] = {}
    held = known_by_id(known)
    # In chunks: SQLite takes a limited number of parameters in one statement. Each copy read
    # the same as a claim held is dropped as it is read, not once every claim is in.
    for start in range(0, len(wanted), 5000):
        by_id.update((r.id, r) for r in list_statistics(session, ids=wanted[start : start + 5000], known=held))
    return _conflicts(a, b, by_id)


def _components(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """For edges between node numbers ``a[k]``—``b[k]``, each node's smallest connected node."""
    import numpy as np

    label = np.arange(int(max(a.max(), b.max())) + 1 if len(a) else 0, dtype=np.int64)
    while True:
        lowest = np.minimum(label[a], label[b])
        hooked = label.copy()
        np.minimum.at(hooked, a, lowest)
        np.minimum.at(hooked, b, lowest)
        while True:  # point each node at its label's label, until that changes nothing
            jumped = hooked[hooked]
            if np.array_equal(jumped, hooked):
                break
            hooked = jumped
        if np.array_equal(hooked, label):
            return label
        label = hooked


def _conflicts(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any], by_id: dict[int, StatisticRow]) -> list[Conflict]:
    """One :class:`Conflict` per connected group of the disagreeing claims ``a[k]``—``b[k]`` (ids,
    repeats allowed), in a stable order. Done in numpy: a large archive has hundreds of
    thousands of pairs, which as Python tuples took hundreds of megabytes."""
    import numpy as np

    if not len(a):
        return []
    pairs = np.unique(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1), axis=0)  # sorted
    nodes, numbered = np.unique(pairs, return_inverse=True)
    numbered = numbered.reshape(pairs.shape)
    group = _components(numbered[:, 0], numbered[:, 1])
    members = np.argsort(group, kind="stable")  # node numbers (ascending ids) by group
    starts = np.flatnonzero(np.r_[True, np.diff(group[members]) != 0])
    pair_order = np.argsort(group[numbered[:, 0]], kind="stable")  # pairs stay sorted in a group
    pair_groups = group[numbered[pair_order, 0]]
    conflicts = []
    for member_ids, root in zip(np.split(nodes[members], starts[1:]), group[members[starts]].tolist(), strict=True):
        claims = tuple(sorted((by_id[i] for i in member_ids.tolist()), key=_claim_order))
        in_group = pair_order[np.searchsorted(pair_groups, root, "left") : np.searchsorted(pair_groups, root, "right")]
        first = claims[0]
        conflicts.append(Conflict(first.measure, first.subject, claims,
                                  np.ascontiguousarray(pairs[in_group], dtype=np.int64).tobytes()))
    conflicts.sort(key=lambda c: (normalise_phrase(c.measure), c.subject or "", c.statistic_ids))
    return conflicts


def _claim_order(row: StatisticRow) -> tuple[object, ...]:
    period = _period(row.period_start, row.period_end)
    return (period is None, period or (dt.date.min, dt.date.min), row.id)
