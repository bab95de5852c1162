"""The chart frame: one row per statistic with its time span, group, provenance and conflict flag."""

from __future__ import annotations

import random
from pathlib import Path

import pandas as pd
import pytest

from db.archive import Archive
from db.chartdata import (
    COLUMNS,
    DRAWN_COLUMNS,
    ClaimDetail,
    chart_choices,
    chart_frame,
    claim_details,
    conflicting_ids,
    delete_chart,
    list_charts,
    load_chart,
    save_chart,
)
from db.commands import NewStatistic, add_mention, add_statistic, find_or_add_actor
from db.conflicts import conflicts_among
from db.dates import PartialDate
from db.queries import list_statistics
from tests.factories import make_source, make_statistic


def frame_of(archive: Archive, **options: object) -> pd.DataFrame:
    with archive.session() as session:
        return chart_frame(session, **options)  # type: ignore[arg-type]


def by_value(frame: pd.DataFrame, value: float) -> pd.Series:
    [row] = [r for _, r in frame.iterrows() if r["value"] == value]
    return row


# --- the sample ------------------------------------------------------------------------------


def test_sample_gives_its_three_claims_with_spans_and_claimants(sample_archive: Archive) -> None:
    frame = frame_of(sample_archive)

    assert list(frame.columns) == list(COLUMNS)
    assert sorted(frame["value"]) == [249.0, 2200.0, 5816.0]
    killed_2014 = by_value(frame, 249)
    assert killed_2014["x_start"] == pd.Timestamp("2014-01-01")
    assert killed_2014["x_end"] == pd.Timestamp("2014-12-31")
    assert killed_2014["period"] == "2014"
    assert killed_2014["group"] == "(the author)"  # no one else named: the author's claim
    since_2010 = by_value(frame, 5816)
    assert (since_2010["x_start"], since_2010["x_end"]) == (pd.Timestamp("2010-01-01"), pd.Timestamp("2015-07-11"))
    assert since_2010["claimant"] == "Caucasus Knot"
    assert since_2010["quote"].startswith("some 5,816 civilians")
    gone = by_value(frame, 2200)
    # "have gone to fight" as of the article: a count at the period's end, not a span.
    assert gone["x_start"] == gone["x_end"] == pd.Timestamp("2015-07-11")
    assert gone["claimant"] == "Russian officials"
    assert frame["approximate"].all()
    assert not frame["is_reference"].any()
    assert frame["source_title"].notna().all()


def test_sample_grouped_by_place_and_source(sample_archive: Archive) -> None:
    by_place = frame_of(sample_archive, group_by="place")
    assert by_value(by_place, 249)["group"] == "North Caucasus"
    assert by_value(by_place, 2200)["group"] == "Russia"
    by_source = frame_of(sample_archive, group_by="source")
    assert by_source["group"].nunique() == 1
    assert by_source["group"].iloc[0] == by_source["source_title"].iloc[0]


def test_without_details_the_frame_is_what_is_drawn_and_the_details_are_read_by_id(sample_archive: Archive) -> None:
    full = frame_of(sample_archive)
    drawn = frame_of(sample_archive, details=False)
    assert list(drawn.columns) == list(DRAWN_COLUMNS)
    pd.testing.assert_frame_equal(drawn, full.loc[:, list(DRAWN_COLUMNS)])
    # grouped by source, the group is still the source's title
    by_source = frame_of(sample_archive, group_by="source", details=False)
    assert set(by_source["group"]) == set(full["source_title"])
    # one string object per distinct measure, not one per claim
    assert len({id(m) for m in drawn["measure"]}) == drawn["measure"].nunique()
    with sample_archive.session() as session:
        details = claim_details(session, [*full["id"].tolist(), 10**9])
    assert set(details) == set(full["id"])
    for _, row in full.iterrows():
        assert details[row["id"]] == ClaimDetail(row["source_title"], row["quote"])


def test_measure_and_subject_filters(sample_archive: Archive) -> None:
    killed = frame_of(sample_archive, measures=["killed"])
    assert sorted(killed["value"]) == [249.0, 5816.0]
    militants = frame_of(sample_archive, measures=["killed"], subjects=["militants"])
    assert militants["value"].tolist() == [249.0]
    assert frame_of(sample_archive, measures=["no such measure"]).empty


def test_choices_list_measures_with_counts(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        choices = chart_choices(session)
    assert sum(n for m, _s, n in choices if m == "killed") == 2
    assert ("gone to fight", "Russians", 1) in choices


# --- reference data and periods --------------------------------------------------------------


def add_reference(archive: Archive, dataset: str, values: dict[int, float], place: str = "Dagestan") -> None:
    with archive.session() as session:
        for year, value in values.items():
            add_statistic(
                session,
                NewStatistic(
                    value=value, measure="killed", unit="people", subject="militants",
                    period_start=PartialDate(year), place=place, dataset=dataset,
                ),
            )


def test_reference_data_is_marked_and_claimed_by_its_dataset(archive: Archive) -> None:
    add_reference(archive, "Caucasian Knot yearly table", {2012: 400, 2013: 230, 2014: 200})
    source = make_source(archive, "In 2014 some 210 militants died in Dagestan, police said.")
    make_statistic(
        archive, source, "some 210 militants", value=210.0, approximate=True, measure="killed",
        subject="militants", unit="people", period_start=PartialDate(2014), claimant="police", place="Dagestan",
    )

    frame = frame_of(archive)
    reference = frame[frame["is_reference"]]
    assert sorted(reference["value"]) == [200.0, 230.0, 400.0]
    assert set(reference["claimant"]) == {"Caucasian Knot yearly table"}
    assert set(reference["group"]) == {"Caucasian Knot yearly table"}
    assert reference["source_id"].isna().all()
    assert by_value(frame, 210)["group"] == "police"
    assert len(frame_of(archive, include_reference=False)) == 1
    # Grouped by source, reference data falls under its dataset's name.
    assert set(frame_of(archive, group_by="source")["group"]) == {"A report", "Caucasian Knot yearly table"}


def test_months_days_and_missing_periods(archive: Archive) -> None:
    from db.commands import NewSource, add_source

    with archive.session() as session:
        dated = add_source(session, NewSource(text="Dated.", title="Dated", published=PartialDate(2016, 3)))
        undated = add_source(session, NewSource(text="Undated.", title="Undated"))
    make_statistic(archive, None, value=1.0, period_start=PartialDate(2015, 2), dataset="d")
    make_statistic(archive, None, value=2.0, period_start=PartialDate(2015, 6, 3), dataset="d")
    make_statistic(archive, dated, value=3.0)
    make_statistic(archive, undated, value=4.0)
    make_statistic(archive, None, value=5.0, period_start=PartialDate(2012), period_end=PartialDate(2013, 5))

    frame = frame_of(archive)
    february = by_value(frame, 1)
    assert (february["x_start"], february["x_end"]) == (pd.Timestamp("2015-02-01"), pd.Timestamp("2015-02-28"))
    assert february["period"] == "2015-02"
    day = by_value(frame, 2)
    assert day["x_start"] == day["x_end"] == pd.Timestamp("2015-06-03")
    # No period: the claim holds when its source was published (a month here).
    published = by_value(frame, 3)
    assert (published["x_start"], published["x_end"]) == (pd.Timestamp("2016-03-01"), pd.Timestamp("2016-03-31"))
    unknown = by_value(frame, 4)
    assert pd.isna(unknown["x_start"])
    assert pd.isna(unknown["x_end"])
    span = by_value(frame, 5)
    assert span["period"] == "2012 – 2013-05"
    assert span["x_end"] == pd.Timestamp("2013-05-31")


def test_bounds_without_a_value(archive: Archive) -> None:
    make_statistic(archive, None, value=None, low=19.0, dataset="d")
    make_statistic(archive, None, value=None, low=10.0, high=20.0, dataset="d")
    frame = frame_of(archive)
    assert frame["value"].isna().all()
    assert sorted(frame["low"]) == [10.0, 19.0]
    assert frame["high"].dropna().tolist() == [20.0]


def test_group_by_actor_uses_the_actor_marked_in_the_sentence(archive: Archive) -> None:
    text = "Police said 12 fighters of the Caucasus Emirate were killed in Dagestan."
    source = make_source(archive, text)
    make_statistic(
        archive, source, "12 fighters of the Caucasus Emirate were killed", value=12.0,
        claimant="Police", subject="fighters",
    )
    make_statistic(archive, source, "Police said", value=3.0, subject="officers", claimant="Police")
    with archive.session() as session:
        emirate = find_or_add_actor(session, "Caucasus Emirate")
        start = text.index("Caucasus Emirate")
        add_mention(session, source, start, start + len("Caucasus Emirate"), emirate)
        police = find_or_add_actor(session, "Police")
        add_mention(session, source, 0, len("Police"), police)

    frame = frame_of(archive, group_by="actor")
    assert by_value(frame, 12)["group"] == "Caucasus Emirate"
    # Nothing marked inside that span (the claimant does not count): fall back to the subject.
    assert by_value(frame, 3)["group"] == "officers"


def test_unknown_grouping_is_refused(archive: Archive) -> None:
    with pytest.raises(ValueError, match="group"), archive.session() as session:
        chart_frame(session, group_by="colour")  # type: ignore[arg-type]


def test_empty_archive_gives_an_empty_frame(archive: Archive) -> None:
    frame = frame_of(archive)
    assert frame.empty
    assert list(frame.columns) == list(COLUMNS)


# --- conflicts ---------------------------------------------------------------------------------


def test_conflicting_claims_are_flagged(archive: Archive) -> None:
    source = make_source(archive, "Officials said 40 were killed. Rebels said 400 were killed.")
    make_statistic(archive, source, "40 were killed", value=40.0, period_start=PartialDate(2014), claimant="Officials")
    make_statistic(archive, source, "400 were killed", value=400.0, period_start=PartialDate(2014), claimant="Rebels")
    make_statistic(archive, None, value=41.0, period_start=PartialDate(2019), dataset="d")

    frame = frame_of(archive)
    assert by_value(frame, 40)["conflict"]
    assert by_value(frame, 400)["conflict"]
    assert not by_value(frame, 41)["conflict"]


def test_conflict_flags_are_the_claims_in_the_conflicts_list(archive: Archive) -> None:
    """The chart's flags (whole archive or one measure) are the claims the conflicts pane lists,
    on many mixed claims: stored columns read as text, and rows read through the ORM, agree."""
    rng = random.Random(4)
    with archive.session() as session:
        for _ in range(400):
            year = rng.randint(2010, 2016)
            start = rng.choice([PartialDate(year), PartialDate(year, rng.randint(1, 12)), None])
            end = None
            if start is not None and rng.random() < 0.2:
                end = PartialDate(year + rng.randint(0, 3), rng.randint(1, 12), rng.randint(1, 28))
            value = float(rng.choice([10, 12, 50, 100, 110, 400]))
            bounds = rng.random()
            add_statistic(
                session,
                NewStatistic(
                    value=None if bounds < 0.1 else value,
                    low=value * 0.9 if bounds < 0.2 else None,
                    high=value * 1.5 if 0.15 < bounds < 0.25 else None,
                    approximate=rng.random() < 0.4,
                    measure=rng.choice(["killed", "Killed", "wounded"]),
                    subject=rng.choice(["militants", "Militant", None]),
                    unit=rng.choice(["people", None, "persons"]),
                    period_start=start,
                    period_end=end,
                    place=rng.choice(["Dagestan", "Chechnya", None]),
                    dataset=rng.choice([None, "ref"]),
                ),
            )
    with archive.session() as session:
        listed = conflicts_among(list_statistics(session))
        found = conflicting_ids(session)
        frame = chart_frame(session)
        killed = chart_frame(session, measures=["killed"])
    expected = {i for conflict in listed for i in conflict.statistic_ids}
    assert expected, "the random archive should hold some conflicts"
    assert found == expected
    assert set(frame.loc[frame["conflict"], "id"]) == expected
    # One measure: its rows keep the flags they have among all claims ("Killed" rows included).
    assert set(killed.loc[killed["conflict"], "id"]) == expected & set(killed["id"])


# --- saved charts ----------------------------------------------------------------------------


def test_saved_charts_round_trip(archive: Archive) -> None:
    settings = {"measures": ["killed"], "group_by": "place", "mode": "bars", "period": "2014"}
    with archive.session() as session:
        save_chart(session, "  Killed by place ", settings)
        save_chart(session, "Another", {"measures": []})
    with archive.session() as session:
        assert [c.name for c in list_charts(session)] == ["Another", "Killed by place"]
        assert load_chart(session, "Killed by place") == settings
        # Saving under the same name replaces it.
        save_chart(session, "Killed by place", {**settings, "mode": "time"})
    with archive.session() as session:
        assert load_chart(session, "Killed by place") == {**settings, "mode": "time"}
        assert len(list_charts(session)) == 2
        delete_chart(session, "Another")
        assert load_chart(session, "Another") is None
        assert load_chart(session, "never saved") is None


def test_a_chart_needs_a_name(archive: Archive) -> None:
    with pytest.raises(ValueError, match="name"), archive.session() as session:
        save_chart(session, "   ", {})


def test_dates_outside_pandas_nanosecond_range(archive: Archive) -> None:
    """Old events (and mistyped years) still chart: the frame's times are in seconds."""
    make_statistic(archive, None, value=1.0, period_start=PartialDate(1618), period_end=PartialDate(1648), dataset="d")
    make_statistic(archive, None, value=2.0, period_start=PartialDate(9015), dataset="d")
    frame = frame_of(archive)
    thirty_years = by_value(frame, 1)
    assert thirty_years["x_start"] == pd.Timestamp("1618-01-01")
    assert thirty_years["x_end"] == pd.Timestamp("1648-12-31")
    assert by_value(frame, 2)["x_end"] == pd.Timestamp("9015-12-31")


@pytest.mark.shared
def test_imported_reference_table_charts_by_country_and_year(archive: Archive, shared_data: Path) -> None:
    """A wide country x year table (EU terrorism fatalities) imported as reference data."""
    from db.interchange.reference import import_reference_table

    table = shared_data / "stats" / "fivethirtyeight" / "terrorism_eu_terrorism_fatalities_by_country.csv"
    with archive.session() as session:
        import_reference_table(session, table, "EU terrorism fatalities", measure="killed")
    frame = frame_of(archive, measures=["killed"], group_by="place")

    assert len(frame) == 12 * 45
    assert frame["is_reference"].all()
    assert set(frame["claimant"]) == {"EU terrorism fatalities"}
    assert frame["group"].nunique() == 12
    uk_1972 = frame[(frame["group"] == "United Kingdom") & (frame["x_start"] == pd.Timestamp("1972-01-01"))]
    assert uk_1972["value"].tolist() == [368.0]
    assert uk_1972["x_end"].tolist() == [pd.Timestamp("1972-12-31")]
    assert not frame["conflict"].any()  # one figure per country and year: nothing disagrees


@pytest.mark.postgres
def test_frame_and_conflicts_on_postgresql(postgres_url: str) -> None:
    """The same frame from a PostgreSQL archive (dates come back as date objects there)."""
    import uuid

    from db import archive as archive_module

    opened = archive_module.open(postgres_url)
    measure = f"killed {uuid.uuid4().hex[:8]}"  # the database is shared with other tests
    try:
        source = make_source(opened, "Officials said 40 were killed in 2014; rebels said 400.", published=PartialDate(2015, 3))
        make_statistic(opened, source, "40 were killed", value=40.0, measure=measure, period_start=PartialDate(2014), claimant="Officials")
        make_statistic(opened, source, "400", value=400.0, measure=measure, period_start=PartialDate(2014), claimant="Rebels")
        make_statistic(opened, source, "Officials said", value=7.0, measure=measure)
        with opened.session() as session:
            frame = chart_frame(session, measures=[measure])
        assert sorted(frame["value"]) == [7.0, 40.0, 400.0]
        assert by_value(frame, 40)["x_end"] == pd.Timestamp("2014-12-31")
        assert by_value(frame, 7)["x_start"] == pd.Timestamp("2015-03-01")  # the source's month
        assert by_value(frame, 400)["conflict"]
        assert by_value(frame, 400)["claimant"] == "Rebels"
    finally:
        with opened.session() as session:
            from sqlalchemy import delete

            from db.models import Statistic

            session.execute(delete(Statistic).where(Statistic.measure == measure))
        opened.close()
