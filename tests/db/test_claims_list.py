"""The statistics pane's list in SQL (db.claims_list) against the pane's rules worked out over
every claim in Python, as the pane used to: the same claims for each filter, the same totals."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import pytest

from db.archive import Archive
from db.claims_list import AUTHOR, REFERENCE, ClaimFilter, claim_choices, claim_ids, claim_totals
from db.dates import PartialDate
from db.queries import list_statistics
from db.rows import StatisticRow
from tests.factories import make_statistic


def source_label(row: StatisticRow) -> str:
    if row.source_id is None:
        return f"{REFERENCE} {row.dataset}" if row.dataset else REFERENCE
    return row.source_title or f"Source {row.source_id}"


def accepts(chosen: ClaimFilter, row: StatisticRow) -> bool:
    if chosen.measure is not None and row.measure != chosen.measure:
        return False
    if chosen.place is not None and (row.place or "") != chosen.place:
        return False
    if chosen.claimant is not None and (row.claimant or AUTHOR) != chosen.claimant:
        return False
    if chosen.source is not None and source_label(row) != chosen.source:
        return False
    if chosen.year_from is not None or chosen.year_to is not None:
        start, end = row.period_start or row.period_end, row.period_end or row.period_start
        if start is None or end is None:
            return False
        if chosen.year_from is not None and end.year < chosen.year_from:
            return False
        if chosen.year_to is not None and start.year > chosen.year_to:
            return False
    return True


@pytest.fixture
def claims(sample_archive: Archive) -> list[StatisticRow]:
    """The sample's claims and some more: reference data, a Russian claimant, undated, ranges."""
    make_statistic(sample_archive, None, value=120.0, measure="killed", unit="people", subject="militants",
                   place="North Caucasus", period_start=PartialDate(2014), dataset="Memorial", claimant="Memorial")
    make_statistic(sample_archive, None, value=None, low=10.0, high=30.0, measure="задержаны", subject="Боевики",
                   period_start=PartialDate(2011), period_end=PartialDate(2013), dataset="МВД", claimant="МВД России")
    make_statistic(sample_archive, None, value=7.0, measure="killed", dataset="undated")
    with sample_archive.session() as session:
        return list_statistics(session)


def test_each_filter_lists_what_the_rules_let_through(sample_archive: Archive, claims: list[StatisticRow]) -> None:
    measures = {r.measure for r in claims}
    filters = [ClaimFilter(), *(ClaimFilter(measure=m) for m in measures),
               *(ClaimFilter(place=r.place) for r in claims if r.place),
               *(ClaimFilter(claimant=r.claimant or AUTHOR) for r in claims),
               *(ClaimFilter(source=source_label(r)) for r in claims),
               ClaimFilter(year_from=2012), ClaimFilter(year_to=2012), ClaimFilter(year_from=2013, year_to=2014),
               ClaimFilter(measure="killed", year_from=2014)]
    assert len(filters) > 10
    with sample_archive.session() as session:
        for chosen in filters:
            assert sorted(claim_ids(session, chosen)) == sorted(r.id for r in claims if accepts(chosen, r)), chosen


def test_the_text_filter_ignores_case_in_any_script(sample_archive: Archive, claims: list[StatisticRow]) -> None:
    with sample_archive.session() as session:
        [russian] = claim_ids(session, ClaimFilter(text="БОЕВИКИ"))
        assert claim_ids(session, ClaimFilter(text="мвд россии")).tolist() == [russian]
        assert set(claim_ids(session, ClaimFilter(text="KILLED"))) == {r.id for r in claims if r.measure == "killed"}
        assert len(claim_ids(session, ClaimFilter(text="no such words"))) == 0


def test_the_orders_list_every_claim_once(sample_archive: Archive, claims: list[StatisticRow]) -> None:
    with sample_archive.session() as session:
        default = claim_ids(session)
        by_value = claim_ids(session, ClaimFilter(order="value", descending=True))
    assert default.tolist() == [r.id for r in claims]  # as list_statistics orders them: by period, undated last
    values = {r.id: r.value for r in claims}
    known = [values[i] for i in by_value if values[i] is not None]
    assert known == sorted(known, reverse=True)
    assert sorted(by_value) == sorted(default)


@pytest.mark.parametrize("keys", [("measure",), ("measure", "place"), ("measure", "claimant"), ("measure", "year"),
                                  ("measure", "source")])
def test_totals_per_group_are_those_of_the_rows(sample_archive: Archive, claims: list[StatisticRow],
                                                 keys: tuple[str, ...]) -> None:
    def key(row: StatisticRow, name: str) -> str:
        date = row.period_start or row.period_end
        return {"measure": row.measure + (f" ({row.unit})" if row.unit else ""), "place": row.place or "—",
                "claimant": row.claimant or AUTHOR, "year": str(date.year) if date else "—",
                "source": source_label(row)}[name]

    groups: dict[tuple[str, ...], list[float]] = defaultdict(list)
    for row in claims:
        value = row.value if row.value is not None else row.low if row.low is not None else row.high
        groups[tuple(key(row, k) for k in keys)].append(value if value is not None else float("nan"))
    with sample_archive.session() as session:
        totals = claim_totals(session, ClaimFilter(), keys)
    got: dict[tuple[Any, ...], tuple[Any, ...]] = {g[: len(keys)]: g[len(keys):] for g in totals.groups}
    assert set(got) == set(groups)
    for group, found in groups.items():
        assert got[group] == (len(found), sum(found), min(found), max(found))


def test_the_choices_are_those_that_occur(sample_archive: Archive, claims: list[StatisticRow]) -> None:
    with sample_archive.session() as session:
        choices = claim_choices(session)
    assert choices.offered["measure"] == sorted({r.measure for r in claims}, key=str.casefold)
    assert choices.offered["claimant"] == sorted({r.claimant or AUTHOR for r in claims}, key=str.casefold)
    assert set(choices.offered["source"]) == {source_label(r) for r in claims}
    assert choices.more == {"measure": 0, "place": 0, "claimant": 0, "source": 0}


def test_the_choices_offered_are_those_of_the_most_claims(archive: Archive, monkeypatch: pytest.MonkeyPatch) -> None:
    """A large archive's bar offers the values of the most claims (ties by name) and counts the
    rest; a choice made stays offered while it occurs."""
    import db.claims_list as claims_list

    for measure, times in (("wounded", 4), ("killed", 5), ("Detained", 3), ("arrested", 3), ("missing", 1)):
        for n in range(times):
            make_statistic(archive, None, measure=measure, value=n + 1)
    monkeypatch.setattr(claims_list, "MAX_CHOICES", 3)
    with archive.session() as session:
        plain = claim_choices(session)
        keeping = claim_choices(session, {"measure": "missing", "source": "gone"})
    assert plain.offered["measure"] == ["arrested", "killed", "wounded"]  # a tie: "arrested" before "Detained"
    assert plain.more["measure"] == 2
    assert keeping.offered["measure"] == ["arrested", "killed", "missing", "wounded"]
    assert keeping.more["measure"] == 1
    assert keeping.offered["source"] == [REFERENCE]


def test_the_first_order_of_the_pane_is_read_from_an_index_not_sorted(
        sample_archive: Archive, claims: list[StatisticRow]) -> None:
    """By period, undated last: the order the pane opens in comes from an index (SQLite sorted
    every claim each time the pane was listed: a third of a second at 100,000 claims)."""
    from sqlalchemy import select

    from db.claims_list import _Labels
    from db.models import Statistic

    labels, chosen = _Labels(), ClaimFilter()
    query = labels.where(labels.joined(select(Statistic.id)), chosen).order_by(*labels.order(chosen))
    with sample_archive.session() as session:
        connection = session.connection()
        sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
        ids = list(claim_ids(session, chosen))
    assert "ix_statistics_listed" in plan
    assert "TEMP B-TREE" not in plan
    dated = sorted((r for r in claims if r.period_start is not None), key=lambda r: (r.period_start.iso(), r.id))
    assert ids == [r.id for r in dated] + sorted(r.id for r in claims if r.period_start is None)
