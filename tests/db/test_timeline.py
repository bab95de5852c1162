"""The timeline's data: spans as precise as the dates, filters, rows that stay apart."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from db.archive import Archive
from db.commands import add_actor, add_relation
from db.dates import PartialDate
from db.timeline import DAY, MONTH, RANGE, YEAR, Lane, TimelineFilter, day_number, stack, timeline
from tests.factories import make_source, make_statistic


def days(iso: str) -> int:
    return day_number(dt.date.fromisoformat(iso))


def test_the_sample_as_spans_as_precise_as_its_dates(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        seen = timeline(session)
    assert seen.sources.labels == ["ISIS Comes to Russia"]
    assert (seen.sources.starts, seen.sources.ends, seen.sources.precisions) == (
        [days("2015-07-11")], [days("2015-07-12")], [DAY])
    claims = dict(zip(seen.claims.labels, zip(seen.claims.starts, seen.claims.ends, seen.claims.precisions,
                                                strict=True), strict=True))
    # "in 2014": the whole year, not a point on New Year's Day
    assert claims["249 militants killed"] == (days("2014-01-01"), days("2015-01-01"), YEAR)
    # "since 2010" to the article's day: a period from the first day of 2010
    assert claims["5,816 civilians, security officials, and militants killed"] == (
        days("2010-01-01"), days("2015-07-12"), RANGE)
    relations = dict(zip(seen.relations.labels, seen.relations.precisions, strict=True))
    assert relations == {"Dokku Umarov leader of Caucasus Emirate": YEAR,
                         "Amir Khamzat pledged allegiance to ISIS": MONTH}
    assert seen.relations.undated == 2  # the two relations without dates are counted, not drawn


def test_filters_by_actor_code_and_measure(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        knot = session.execute(text("SELECT id FROM actors WHERE name = 'Caucasus Knot'")).scalar_one()
        casualties = session.execute(text("SELECT id FROM codes WHERE name = 'Casualties'")).scalar_one()
        umarov = session.execute(text("SELECT id FROM actors WHERE name = 'Dokku Umarov'")).scalar_one()
        by_knot = timeline(session, TimelineFilter(actor_id=knot))
        by_code = timeline(session, TimelineFilter(code_id=casualties))
        by_measure = timeline(session, TimelineFilter(measure="gone to fight"))
        by_umarov = timeline(session, TimelineFilter(actor_id=umarov))
    # the claim the site makes, and the article that mentions it
    assert by_knot.claims.labels == ["5,816 civilians, security officials, and militants killed"]
    assert len(by_knot.sources) == 1
    assert len(by_code.sources) == 1
    assert len(by_code.claims) == 3
    assert by_measure.claims.labels == ["2,200 Russians gone to fight"]
    assert by_umarov.relations.labels == ["Dokku Umarov leader of Caucasus Emirate"]


def test_overlapping_items_get_rows_of_their_own_and_keep_them() -> None:
    lane = Lane()
    for item, (start, end) in enumerate([(0, 365), (10, 11), (100, 101), (400, 401), (20, 30)]):
        lane.add(item, start, end, DAY, str(item))
    stack(lane, rows=2)
    # the year holds row 0; the day inside it goes above it; a later day is back on row 0
    assert lane.rows[:4] == [0, 1, 1, 0]
    # a third overlapping item when both rows are taken goes where a row frees soonest
    assert lane.rows[4] == 1


def test_an_unreadable_date_is_undated_not_a_failure(archive: Archive) -> None:
    source = make_source(archive, published=PartialDate(2020, 5))
    make_statistic(archive, source, measure="killed", period_start=PartialDate(2019), period_end=PartialDate(2019))
    with archive.session() as session:
        session.execute(text("UPDATE sources SET published = 'not a date'"))
    with archive.session() as session:
        seen = timeline(session)
    assert len(seen.sources) == 0
    assert seen.sources.undated == 1
    assert seen.claims.precisions == [YEAR]


def test_a_relation_leads_to_its_evidence(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        a = add_actor(session, "A group", "armed_group")
        b = add_actor(session, "Another group", "armed_group")
        annotation = session.execute(text("SELECT id, source_id, start, \"end\" FROM annotations LIMIT 1")).one()
        relation = add_relation(session, a, "allied with", b, start=PartialDate(2015, 3, 2),
                                end=PartialDate(2016), evidence_annotation_id=annotation.id)
    with sample_archive.session() as session:
        seen = timeline(session)
    assert seen.evidence[relation] == (annotation.source_id, annotation.start, annotation[3])
    index = seen.relations.ids.index(relation)
    assert (seen.relations.starts[index], seen.relations.ends[index]) == (days("2015-03-02"), days("2017-01-01"))
