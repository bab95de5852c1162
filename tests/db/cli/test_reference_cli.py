"""``dossier reference``: real tables from ../shared/data/stats, the JSON shape, exit status,
``--map`` overrides and a table that fails while the others are imported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from db.archive import Archive
from db.cli import main
from db.dates import PartialDate
from db.interchange.reference import datasets
from db.queries import list_actors, list_statistics

HELD_OUT = Path(__file__).resolve().parents[2] / "data" / "reference"
RESULT_KEYS = {"path", "status", "mapping", "values", "error"}
FIELDS = {"place", "period", "period_start", "period_end", "value", "low", "high", "measure", "subject", "unit"}


def dossier(archive: Archive, *argv: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--archive", archive.location, *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.shared
def test_real_tables_are_imported_with_their_guessed_mapping(
    archive: Archive, shared_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = shared_data / "stats" / "fivethirtyeight"
    paths = [folder / "terrorism_eu_terrorism_fatalities_by_country.csv",
             folder / "terrorism_france_terrorism_fatalities_by_year.csv",
             shared_data / "stats" / "worldbank-gdp" / "gdp.csv"]
    code, out, err = dossier(archive, "reference", *map(str, paths), "--json", capsys=capsys)
    assert (code, err) == (0, "")
    results = json.loads(out)
    assert [r["path"] for r in results] == [str(p) for p in paths]
    for result in results:
        assert set(result) >= RESULT_KEYS
        assert set(result["mapping"]) == FIELDS
        assert result["status"] == "imported"
        assert result["error"] is None
    by_country, france, gdp = results
    # a wide table maps place to its place columns; a series named after a country is of it
    assert by_country["mapping"]["place"][:2] == ["Belgium", "Denmark"]
    assert by_country["mapping"]["period"] == "iyear"
    assert france["mapping"]["place"] == "France"
    assert france["values"] == 43
    assert gdp["mapping"] == {**dict.fromkeys(FIELDS), "place": "Country Name", "period": "Year",
                              "value": "Value", "measure": "gdp"}
    assert gdp["values"] == 13979
    with archive.session() as s:
        assert sum(n for _name, n in datasets(s)) == by_country["values"] + 43 + 13979
        uk = [r for r in list_statistics(s, measure="fatalities") if r.place == "United Kingdom"]
    assert any(r.value == 368 and r.period_start is not None and r.period_start.year == 1972 for r in uk)


def test_wars_with_start_end_dates_and_min_max_fatalities(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = dossier(archive, "reference", str(HELD_OUT / "wars_fatalities.csv"), "--json", capsys=capsys)
    assert code == 0
    [result] = json.loads(out)
    assert result["mapping"]["low"] == "fatalities_min"
    assert result["mapping"]["high"] == "fatalities_max"
    assert result["mapping"]["period_start"] == "start_date"
    with archive.session() as s:
        [war] = [r for r in list_statistics(s) if r.subject == "Second Chechen War"]
    assert (war.place, war.low, war.high, war.value) == ("Russia", 25000, 50000, None)
    assert war.period_start == PartialDate(1999, 8, 26)
    assert war.period_end == PartialDate(2009, 4, 16)
    assert war.measure == "fatalities"


def test_map_overrides_the_guess(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "events.csv"
    # month first, though the first rows could be read either way
    path.write_text("when,where,dead,wounded\n3/4/2015,Grozny,3,5\n1/2/2015,Nalchik,1,2\n", encoding="utf-8")
    code, out, err = dossier(archive, "reference", str(path), "--map", "period=when", "--map", "place=where",
                             "--map", "value=wounded", "--map", "measure=wounded civilians", "--json",
                             capsys=capsys)
    assert (code, err) == (0, "")
    [result] = json.loads(out)
    assert result["mapping"]["value"] == "wounded"
    assert result["mapping"]["measure"] == "wounded civilians"
    assert result["values"] == 2
    with archive.session() as s:
        rows = {r.place: r for r in list_statistics(s)}
    assert rows["Grozny"].value == 5
    assert rows["Grozny"].measure == "wounded civilians"
    assert rows["Grozny"].period_start == PartialDate(2015, 4, 3)
    # the same cells read month first when told so
    code, _, _ = dossier(archive, "reference", str(path), "--dates", "month-first", "--dataset", "Events US",
                         capsys=capsys)
    assert code == 0
    with archive.session() as s:
        [grozny] = [r for r in list_statistics(s, measure="dead") if r.dataset == "Events US" and r.place == "Grozny"]
    assert grozny.period_start == PartialDate(2015, 3, 4)


def test_month_first_dates_are_read_when_the_values_say_so(archive: Archive, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = dossier(archive, "reference", str(HELD_OUT / "attacks_us_dates.csv"), "--json", capsys=capsys)
    assert code == 0
    with archive.session() as s:
        dates = {(r.place, r.period_start.iso()) for r in list_statistics(s, measure="killed") if r.period_start}
    # "3/2/2015" in a column that also holds "3/14/2015": 2 March; the ISO3 codes become countries
    assert {d for p, d in dates if p == "Iraq"} == {"2015-03-02", "2015-09-01"}
    assert {d for p, d in dates if p == "Afghanistan"} == {"2015-03-14", "2015-12-24"}


def test_a_failed_table_does_not_stop_the_others(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    words = tmp_path / "words.csv"
    words.write_text("place,methodology\nChechnya,many\nDagestan,few\n", encoding="utf-8")
    good = tmp_path / "killed.csv"
    good.write_text("region,year,killed\nChechnya,2014,50\n", encoding="utf-8")
    missing = tmp_path / "missing.csv"
    code, out, err = dossier(archive, "reference", str(words), str(good), str(missing), "--json", capsys=capsys)
    assert code == 1
    failed, imported, absent = json.loads(out)
    assert (absent["status"], absent["error"]) == ("failed", "no such file")
    assert failed["status"] == "failed"
    assert "no column of numbers" in failed["error"]
    assert failed["values"] == 0
    assert imported["status"] == "imported"
    assert err.splitlines() == [f"{words}: {failed['error']}", f"{missing}: no such file"]
    with archive.session() as s:
        assert datasets(s) == [("killed", 1)]
        # the failed table left nothing: no "Dagestan" place, no figures of it
        assert "Dagestan" not in {a.name for a in list_actors(s)}


def test_for_people_a_table_and_usage_errors(archive: Archive, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "killed.csv"
    good.write_text("region,year,killed\nChechnya,2014,50\n", encoding="utf-8")
    code, out, _ = dossier(archive, "reference", str(good), capsys=capsys)
    assert code == 0
    assert out.splitlines()[0].split() == ["table", "status", "figures", "dataset", "mapping"]
    assert "place=region; period=year; value=killed" in out
    # the same table again: its dataset is there already
    code, _, err = dossier(archive, "reference", str(good), capsys=capsys)
    assert code == 1
    assert "already holds 1 statistics" in err
    assert dossier(archive, "reference", str(good), "--replace", capsys=capsys)[0] == 0
    code, _, err = dossier(archive, "reference", str(good), "--map", "colour=region", capsys=capsys)
    assert code == 2
    assert "unknown field 'colour'" in err
    assert dossier(archive, "reference", str(good), "--map", "place", capsys=capsys)[0] == 2
    code, out, err = dossier(archive, "reference", str(good), "--map", "value=deaths", "--replace", "--json",
                             capsys=capsys)
    assert code == 1
    assert "no column 'deaths'" in json.loads(out)[0]["error"]
    with archive.session() as s:
        assert datasets(s) == [("killed", 1)]
