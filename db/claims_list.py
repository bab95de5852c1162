"""The statistics pane's list in SQL: which claims a filter bar shows, in which order, their
totals per group and the choices the bar offers.

The pane holds the ids this returns and reads its rows a page at a time
(:func:`db.queries.list_statistics` with ``ids=``), so a large archive's 100,000 claims are
never all in memory at once. The labels are the ones the pane shows: a claim without a claimant
is the author's (:data:`AUTHOR`); one without a source is reference data (:data:`REFERENCE`),
followed by its dataset's name; a source without a title is "Source <id>".

The text filter looks, without regard to case, in the measure, unit, subject, place, claimant,
source and dataset, and in the value written as digits ("2200" finds "~2,200"); the case is
folded by :func:`db.transactions.casefold`, which every SQLite connection of an archive has as
``dossier_casefold`` (SQLite's own ``lower`` folds only ASCII, and the claims are often
Russian); on PostgreSQL by its ``lower`` (see :class:`folded`).
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import BigInteger, ColumnElement, String, case, cast, func, literal, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session, aliased
from sqlalchemy.sql import Select
from sqlalchemy.sql.functions import GenericFunction

from db.models import Actor, Source, Statistic
from db.packed import packed_ids

AUTHOR = "(the author)"
REFERENCE = "(reference data)"
#: a filter's list of choices offers at most this many (those with the most claims)
MAX_CHOICES = 500
#: the orders the pane can ask for (one per column of the table)
ORDERS = ("value", "measure", "subject", "period", "place", "claimant", "source", "page")
#: what the totals can be grouped by
GROUP_KEYS = ("measure", "place", "claimant", "year", "source")

T = TypeVar("T")


def _on_postgresql(template: str) -> Callable[[type[T]], type[T]]:
    """Compile a SQLite function to ``template`` on PostgreSQL (``{}``: its arguments)."""
    def register(function: type[T]) -> type[T]:
        def compiled(element: Any, compiler: Any, **kw: Any) -> str:
            return template.format(compiler.process(element.clauses, **kw))

        compiles(function, "postgresql")(compiled)
        return function

    return register


@_on_postgresql("lower(coalesce({}, ''))")
class folded(GenericFunction[str]):  # a SQL function, named like func.lower
    """A text without regard to case, as Python's ``str.casefold`` does ('' for NULL): on SQLite
    the ``dossier_casefold`` every connection has (:mod:`db.transactions`), on PostgreSQL its
    ``lower`` (which folds every script in a UTF-8 database)."""

    name = "dossier_casefold"
    type = String()
    inherit_cache = True


@_on_postgresql("json_array_elements_text(CAST({} AS json))")
class json_values(GenericFunction[Any]):  # a SQL function, named like func.json_each
    """The values of a JSON array as a table with one column, ``value``: ``json_each`` on SQLite,
    ``json_array_elements_text`` on PostgreSQL (a list of ids as one parameter, however long)."""

    name = "json_each"
    identifier = "dossier_json_values"
    inherit_cache = True


@dataclass(frozen=True)
class ClaimFilter:
    """What the filter bar asks for (None or empty: any) and the order asked for."""

    measure: str | None = None
    place: str | None = None
    claimant: str | None = None
    source: str | None = None
    year_from: int | None = None
    year_to: int | None = None
    text: str = ""
    #: only these claims (the conflicting ones, for "Conflicts only"); None: any
    within: frozenset[int] | None = None
    order: str = "period"
    descending: bool = False


@dataclass(frozen=True)
class Totals:
    """Claims, total, smallest and largest value per group, the groups sorted by their keys."""

    keys: tuple[str, ...]
    #: one tuple a group: the keys' values, then claims, total, smallest, largest
    groups: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True)
class Listed:
    """What the pane shows for a filter: the ids in order, how many claims there are in all,
    and the totals (when grouping)."""

    ids: array[int]
    everything: int
    totals: Totals | None


class _Labels:
    """The joined tables and the labels the pane shows, as SQL expressions."""

    def __init__(self) -> None:
        self.place = aliased(Actor)
        self.claimant = aliased(Actor)
        self.source = aliased(Source)
        reference = case(
            (func.coalesce(Statistic.dataset, "") != "", literal(REFERENCE + " ") + Statistic.dataset),
            else_=literal(REFERENCE),
        )
        named = func.coalesce(func.nullif(self.source.title, ""), literal("Source ") + cast(Statistic.source_id, String))
        self.source_label: ColumnElement[Any] = case((Statistic.source_id.is_(None), reference), else_=named)
        self.claimant_label: ColumnElement[Any] = func.coalesce(self.claimant.name, AUTHOR)
        self.place_label: ColumnElement[Any] = func.coalesce(self.place.name, "")
        self.measure_label: ColumnElement[Any] = case(
            (func.coalesce(Statistic.unit, "") != "", Statistic.measure + " (" + Statistic.unit + ")"),
            else_=Statistic.measure,
        )
        self.first = func.coalesce(Statistic.period_start, Statistic.period_end)
        self.last = func.coalesce(Statistic.period_end, Statistic.period_start)
        # a date's year from its ISO text (a PostgreSQL archive stores a date, SQLite its text)
        self.year: ColumnElement[Any] = func.coalesce(func.substr(cast(self.first, String), 1, 4), "—")

    def joined(self, query: Select[Any], tables: Sequence[str] = ("place", "claimant", "source")) -> Select[Any]:
        """``query`` over the claims with the labels' tables joined (only ``tables`` of them:
        SQLite keeps an unused outer join, and then reads the whole claims table row by row)."""
        query = query.select_from(Statistic)
        if "place" in tables:
            query = query.outerjoin(self.place, self.place.id == Statistic.place_id)
        if "claimant" in tables:
            query = query.outerjoin(self.claimant, self.claimant.id == Statistic.claimant_id)
        if "source" in tables:
            query = query.outerjoin(self.source, self.source.id == Statistic.source_id)
        return query

    def where(self, query: Select[Any], chosen: ClaimFilter) -> Select[Any]:
        if chosen.measure is not None:
            query = query.where(Statistic.measure == chosen.measure)
        if chosen.place is not None:
            query = query.where(self.place_label == chosen.place)
        if chosen.claimant is not None:
            query = query.where(self.claimant_label == chosen.claimant)
        if chosen.source is not None:
            query = query.where(self.source_label == chosen.source)
        if chosen.year_from is not None or chosen.year_to is not None:
            # overlapping the chosen years counts ("since 2010" is in 2012)
            query = query.where(self.first.is_not(None))
            if chosen.year_from is not None:
                query = query.where(func.substr(cast(self.last, String), 1, 4) >= f"{chosen.year_from:04d}")
            if chosen.year_to is not None:
                query = query.where(func.substr(cast(self.first, String), 1, 4) <= f"{chosen.year_to:04d}")
        if chosen.within is not None:
            # one parameter however many: SQLite limits the parameters of a statement
            listed = json_values(json.dumps(sorted(chosen.within))).table_valued("value")
            query = query.where(Statistic.id.in_(select(cast(listed.c.value, BigInteger))))
        text = chosen.text.strip().casefold()
        if text:
            fields = (Statistic.measure, Statistic.unit, Statistic.subject, self.place.name, self.claimant_label,
                      self.source_label, Statistic.dataset)
            # the value as whole digits ("~2,200" is stored 2200.0), on SQLite and PostgreSQL alike
            digits = [cast(cast(column, BigInteger), String) for column in (Statistic.value, Statistic.low, Statistic.high)]
            query = query.where(or_(*(folded(f).contains(text, autoescape=True) for f in fields),
                                    *(d.contains(text.replace(",", ""), autoescape=True) for d in digits)))
        return query

    def order(self, chosen: ClaimFilter) -> list[Any]:
        keys: dict[str, list[Any]] = {
            "value": [Statistic.value.is_not(None), Statistic.value],
            "measure": [folded(self.measure_label)],
            "subject": [folded(func.coalesce(Statistic.subject, ""))],
            "period": [Statistic.period_start.is_not(None), Statistic.period_start],
            "place": [folded(self.place_label)],
            "claimant": [folded(self.claimant_label)],
            "source": [folded(func.coalesce(self.source.title, ""))],
            "page": [Statistic.source_id.is_not(None), Statistic.source_id, Statistic.annotation_id],
        }
        if chosen.order == "period" and not chosen.descending:  # undated claims last, as listed at first
            return [Statistic.period_start.is_(None), Statistic.period_start, Statistic.id]
        wanted = keys.get(chosen.order, keys["period"])
        if chosen.descending:
            return [key.desc() for key in wanted] + [Statistic.id.desc()]
        return [*wanted, Statistic.id]


def claim_count(session: Session) -> int:
    """How many claims the archive holds (``count(*)``: SQLite's quick count of a whole table)."""
    return session.scalar(select(func.count()).select_from(Statistic)) or 0


def claim_ids(session: Session, chosen: ClaimFilter = ClaimFilter(), limit: int | None = None) -> array[int]:
    """The ids of the claims ``chosen`` lets through, in its order (packed: :mod:`db.packed`);
    only the first ``limit`` when given."""
    labels = _Labels()
    query = labels.where(labels.joined(select(Statistic.id)), chosen).order_by(*labels.order(chosen))
    return packed_ids(session, query if limit is None else query.limit(limit))


def claim_totals(session: Session, chosen: ClaimFilter, keys: Sequence[str]) -> Totals:
    """Claims, total, smallest and largest value of the claims ``chosen`` lets through, per
    group of ``keys`` (of :data:`GROUP_KEYS`). The value of a range without one is its low
    bound, else its high one."""
    labels = _Labels()
    by = {"measure": labels.measure_label, "place": func.coalesce(func.nullif(labels.place_label, ""), "—"),
          "claimant": labels.claimant_label, "year": labels.year, "source": labels.source_label}
    columns = [by[key] for key in keys]
    value = func.coalesce(Statistic.value, Statistic.low, Statistic.high)
    query = labels.where(labels.joined(select(*columns, func.count(), func.coalesce(func.sum(value), 0.0), func.min(value),
                                              func.max(value))), chosen).group_by(*columns)
    groups = [tuple(row) for row in session.execute(query)]
    groups.sort(key=lambda g: tuple(str(v).casefold() for v in g[: len(keys)]))
    return Totals(tuple(keys), tuple(groups))


def list_claims(session: Session, chosen: ClaimFilter, keys: Sequence[str] = (), limit: int | None = None) -> Listed:
    """The pane's list for ``chosen``: ids, the number of claims in all, totals by ``keys``; with
    ``limit``, only the first ids (and no totals)."""
    everything = claim_count(session)
    totals = claim_totals(session, chosen, keys) if keys and limit is None else None
    return Listed(claim_ids(session, chosen, limit), everything, totals)


@dataclass(frozen=True)
class Choices:
    """What the filter bar offers: measures, places, claimants and sources, by name, and how
    many more there are of each than offered."""

    offered: dict[str, list[str]]
    more: dict[str, int]


def claim_choices(session: Session, keep: dict[str, str | None] | None = None) -> Choices:
    """The measures, places, claimants and sources of the most claims (at most
    :data:`MAX_CHOICES` of each, and the one chosen in ``keep`` while it occurs), by name.

    Counted, ranked and cut in SQL: a large archive's 100,000 source titles never come into
    Python (as rows to count they took 1.7 s of the GIL while the window was filling)."""
    labels = _Labels()
    offered: dict[str, list[str]] = {}
    more: dict[str, int] = {}
    kept = keep or {}
    for name, column, tables in (("measure", Statistic.measure, ()), ("place", labels.place.name, ("place",)),
                                 ("claimant", labels.claimant_label, ("claimant",)),
                                 ("source", labels.source_label, ("source",))):
        named = labels.joined(select(column), tables).where(column.is_not(None), column != "")
        claims = func.count().label("claims")
        # one pass: the groups ranked, each row also saying how many groups there are in all
        groups = named.add_columns(claims).group_by(column).subquery()
        value, count = groups.c[0], groups.c.claims
        ranked = select(value, func.count().over()).order_by(count.desc(), folded(value), value).limit(MAX_CHOICES)
        found = session.execute(ranked).all()
        common = {v for v, _groups in found}
        distinct = found[0][1] if found else 0
        chosen = kept.get(name)
        if chosen is not None and chosen not in common and session.execute(named.where(column == chosen).limit(1)).first():
            common.add(chosen)
        offered[name] = sorted(common, key=str.casefold)
        more[name] = distinct - len(common)
    return Choices(offered, more)
