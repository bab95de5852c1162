"""The reference mapping guessed from what the columns hold: each defect issue 14 names, and the
column readers (dates in several forms, country codes) behind it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from db.archive import Archive
from db.dates import PartialDate
from db.ingest.tablefile import TableError
from db.interchange.column_types import country_name, day_first, read_date
from db.interchange.layouts import TableMapping, guess_mapping
from db.interchange.mapping_fields import from_record, mapping_fields, to_record, with_fields
from db.interchange.reference import import_reference_table
from db.queries import list_actors, list_statistics


def test_dates_are_never_the_place() -> None:
    frame = pd.DataFrame({"date": ["12 March 2014", "3 April 2014", "1 May 2014"],
                          "killed": [3, 5, 8]})
    mapping = guess_mapping(frame, "chechnya_killed.csv")
    assert mapping.place is None
    assert mapping.period == "date"
    # the file is named after no country: no place at all rather than a wrong one
    assert mapping.fixed_place is None


def test_a_methodology_column_is_not_the_place() -> None:
    frame = pd.DataFrame({"methodology": ["Counted from reports", "Official figure", "NGO estimate"],
                          "year": [2014, 2015, 2016], "killed": [10, 20, 30]})
    mapping = guess_mapping(frame, "killed.csv")
    assert mapping.place is None
    assert mapping.values == ("killed",)


def test_a_methodology_column_is_passed_over_for_the_place_column() -> None:
    frame = pd.DataFrame({"notes": ["Counted", "Official", "NGO"], "location": ["Aleppo", "Homs", "Idlib"],
                          "year": [2014, 2015, 2016], "deaths": [10, 20, 30]})
    assert guess_mapping(frame, "x.csv").place == "location"


def test_year_columns_are_the_periods_of_a_wide_table_and_name_its_measure() -> None:
    frame = pd.DataFrame({"region": ["Donetsk", "Luhansk"], "fatalities_2014": [10, 20],
                          "fatalities_2015": [30, 40], "fatalities_2016": [5, 6]})
    mapping = guess_mapping(frame, "ukraine_data_v2.csv")
    assert mapping.layout == "wide_years"
    assert mapping.place == "region"
    assert mapping.measure == "fatalities"
    assert mapping_fields(mapping)["period"] == ["fatalities_2014", "fatalities_2015", "fatalities_2016"]


def test_the_measure_is_named_from_the_value_column_not_the_file() -> None:
    frame = pd.DataFrame({"country": ["Iraq", "Syria"], "year": [2014, 2014], "displaced": [100, 200]})
    assert guess_mapping(frame, "unhcr_dataset_2019_download.csv").measure == "displaced"
    # a value column that says nothing leaves the file name to say it
    frame = frame.rename(columns={"displaced": "Value"})
    assert guess_mapping(frame, "refugees_by_country.csv").measure == "refugees"


def test_min_and_max_columns_are_the_bounds_of_one_figure(archive: Archive) -> None:
    frame = pd.DataFrame({"war": ["First Chechen War"], "country": ["Russia"], "start": ["1994-12-11"],
                          "end": ["1996-08-31"], "deaths min": [5500], "deaths max": [50000],
                          "deaths best": [30000]})
    mapping = guess_mapping(frame, "wars.csv")
    assert (mapping.low, mapping.high, mapping.values) == ("deaths min", "deaths max", ("deaths best",))
    assert (mapping.period_start, mapping.period_end) == ("start", "end")
    assert mapping.measure == "deaths"
    with archive.session() as s:
        import_reference_table(s, frame, "Wars", mapping)
        [row] = list_statistics(s)
    assert (row.value, row.low, row.high, row.subject) == (30000, 5500, 50000, "First Chechen War")
    assert row.period_end == PartialDate(1996, 8, 31)


@pytest.mark.parametrize(("low", "high"), [("low", "high"), ("lower", "upper"), ("killed_min", "killed_max")])
def test_bound_pairs_by_any_of_their_names(low: str, high: str) -> None:
    frame = pd.DataFrame({"place": ["Homs", "Idlib"], "year": [2016, 2016], low: [1, 2], high: [3, 4]})
    mapping = guess_mapping(frame, "killed.csv")
    assert (mapping.low, mapping.high) == (low, high)


def test_month_first_dates_are_accepted_when_mapped(archive: Archive) -> None:
    # nothing in these cells says which comes first: the researcher's mapping does
    frame = pd.DataFrame({"date": ["3/4/2015", "5/6/2015"], "place": ["Grozny", "Nalchik"], "killed": [1, 2]})
    mapping = TableMapping("long", place="place", period="date", values=("killed",), day_first=False)
    with archive.session() as s:
        summary = import_reference_table(s, frame, "Events", mapping)
        dates = sorted(r.period_start.iso() for r in list_statistics(s) if r.period_start)
    assert summary.skipped_count == 0
    assert dates == ["2015-03-04", "2015-05-06"]


def test_day_or_month_first_is_decided_from_the_values() -> None:
    assert day_first(["02/01/2016", "15/01/2016"]) is True
    assert day_first(["3/2/2015", "3/14/2015"]) is False
    assert day_first(["1/2/2015", "3/4/2015"]) is None
    assert read_date("3/14/2015", day_first=False) == PartialDate(2015, 3, 14)
    assert read_date("14/3/2015") == PartialDate(2015, 3, 14)
    assert read_date("March 12, 2014") == PartialDate(2014, 3, 12)
    assert read_date("12 Mar 2014") == PartialDate(2014, 3, 12)
    assert read_date("2014-03") == PartialDate(2014, 3)
    assert read_date("1999") == PartialDate(1999)
    assert read_date("31/02/2015") is None
    assert read_date("Georgia") is None


def test_country_codes_are_places_named_as_countries(archive: Archive) -> None:
    frame = pd.DataFrame({"iso3": ["RUS", "GEO", "UKR"], "year": [2014] * 3, "killed": [1, 2, 3]})
    mapping = guess_mapping(frame, "k.csv")
    assert (mapping.place, mapping.place_codes) == ("iso3", True)
    with archive.session() as s:
        import_reference_table(s, frame, "Codes", mapping)
        places = {r.place for r in list_statistics(s)}
    assert places == {"Russia", "Georgia", "Ukraine"}
    assert country_name("250") == "France"
    assert country_name("FR") == "France"


def test_a_country_name_column_wins_over_its_code_and_us_states_are_not_countries() -> None:
    frame = pd.DataFrame({"Country Code": ["AFG", "ALB"], "Country Name": ["Afghanistan", "Albania"],
                          "Year": [2000, 2000], "Value": [1.0, 2.0]})
    assert guess_mapping(frame, "gdp.csv").place == "Country Name"
    states = pd.DataFrame({"state": ["AL", "LA", "WI", "TX", "CA", "OH"], "year": [2015] * 6,
                           "killed": [1, 2, 3, 4, 5, 6]})
    mapping = guess_mapping(states, "police.csv")
    assert (mapping.place, mapping.place_codes) == ("state", False)


def test_numeric_country_codes_need_a_name_that_says_so() -> None:
    frame = pd.DataFrame({"un_code": [4, 760, 729], "year": [2018] * 3, "refugees": [100, 200, 300]})
    mapping = guess_mapping(frame, "r.csv")
    assert (mapping.place, mapping.place_codes, mapping.values) == ("un_code", True, ("refugees",))


def test_a_table_with_no_usable_numeric_column_fails_and_changes_nothing(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text("date,place,methodology\n2014-03-12,Grozny,from reports\n2014-04-01,Nalchik,official\n",
                    encoding="utf-8")
    with archive.session() as s:
        before = (list_statistics(s), list_actors(s))
    with archive.session() as s, pytest.raises(TableError, match=r"^reports\.csv: no column of numbers"):
        import_reference_table(s, path, "Reports")
    with archive.session() as s:
        assert (list_statistics(s), list_actors(s)) == before


def test_fields_given_by_hand_and_a_remembered_mapping() -> None:
    frame = pd.DataFrame({"y": [2014, 2015], "a": [1, 2], "b": [3, 4], "c": ["x", "y"]})
    mapping = with_fields(TableMapping("long"), frame, {"period": ["y"], "value": ["a"], "place": ["Chechnya"]})
    assert mapping_fields(mapping) | {} == {**dict.fromkeys(mapping_fields(mapping)), "period": "y",
                                            "value": "a", "measure": "a", "place": "Chechnya"}
    wide = with_fields(TableMapping("long"), frame, {"period": ["y"], "place": ["a", "b"]})
    assert (wide.layout, wide.values) == ("wide_places", ("a", "b"))
    with pytest.raises(TableError, match="no column 'z'"):
        with_fields(mapping, frame, {"value": ["z"]})
    fixed = with_fields(mapping, frame, {"period": ["1993"]})
    assert fixed.fixed_period == PartialDate(1993)
    # a mapping kept as JSON comes back the same, and only for a table that has its columns
    assert from_record(to_record(fixed), list(frame.columns)) == fixed
    assert from_record(to_record(mapping), ["y", "b"]) is None
    assert from_record({"layout": "sideways"}, ["y"]) is None
