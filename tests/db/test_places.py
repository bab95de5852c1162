"""Places on the map: the offline gazetteer by names and transliterations, coordinates a
researcher sets (undoably, kept with the actor), claims and sources per place."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from db import archive as archive_module
from db import undo
from db.archive import Archive
from db.commands import CommandError, add_actor
from db.gazetteer import Gazetteer, gazetteer, key
from db.places import GAZETTEER, SET, places, set_place_point


def by_name(archive: Archive) -> dict[str, object]:
    with archive.session() as session:
        return {row.name: row for row in places(session, gazetteer())}


def test_the_gazetteer_knows_names_in_other_scripts_and_spellings() -> None:
    g = gazetteer()
    for name in ("Grozny", "Грозный", "Groznyy", "GROZNY"):
        assert g.lookup([name])[0].name == "Grozny", name
    assert g.lookup(["Nalchik"])[0].country == "RU"
    # a country before a city of the same name; "Georgia" is the Caucasus country
    assert g.lookup(["Georgia"])[0].kind == "country"
    assert g.lookup(["Nowhere-on-earth"]) == []
    assert [p.name for p in g.search("Makhach")][:1] == ["Makhachkala"]


def test_the_gazetteer_knows_countries_by_their_names_in_the_sources_languages() -> None:
    # GeoNames gives countries in English only: these come from iso-codes' translations
    g = gazetteer()
    for name, country in (("Кіпр", "CY"), ("Кипр", "CY"), ("Сирия", "SY"), ("Німеччина", "DE"),
                          ("Allemagne", "DE"), ("Об'єднані Арабські Емірати", "AE")):
        found = g.lookup([name])
        assert [(p.kind, p.country) for p in found[:1]] == [("country", country)], name
    assert g.lookup(["Харків"])[0].kind == "city"  # a city's own names are as they were


def test_a_name_several_places_share_goes_to_the_most_populous() -> None:
    small = Gazetteer([
        "city\t1\tSpringfield\t39.8\t-89.6\tUS\t116000\tspringfield",
        "city\t2\tSpringfield\t37.2\t-93.3\tUS\t169000\tspringfield",
        "country\t3\tSpringfieldia\t0\t0\tXX\t5\tspringfieldia|springfield",
    ])
    assert [p.geonameid for p in small.lookup(["Springfield"])] == [3, 2, 1]
    assert key("Kabardino-Balkaria") == key("kabardino balkaria") == "kabardinobalkaria"


def test_the_sample_places_from_the_gazetteer_and_what_it_does_not_know(sample_archive: Archive) -> None:
    rows = by_name(sample_archive)
    russia, caucasus = rows["Russia"], rows["North Caucasus"]
    assert (russia.origin, russia.matched) == (GAZETTEER, "Russia (country, RU, 144,478,050 people)")  # type: ignore[attr-defined]
    assert russia.claims == 1  # type: ignore[attr-defined]
    # a region the gazetteer has no entry for is not on the map, with its claims still counted
    assert not caucasus.on_map  # type: ignore[attr-defined]
    assert caucasus.claims == 2  # type: ignore[attr-defined]
    assert caucasus.sources == 1  # type: ignore[attr-defined]


def test_coordinates_set_by_the_researcher_win_and_undo(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        caucasus = session.execute(text("SELECT id FROM actors WHERE name = 'North Caucasus'")).scalar_one()
        done = undo.set_coordinates(session, caucasus, (43.5, 44.5))
    row = by_name(sample_archive)["North Caucasus"]
    assert (row.latitude, row.longitude, row.origin) == (43.5, 44.5, SET)  # type: ignore[attr-defined]
    with sample_archive.session() as session:
        done.revert(session)
    assert not by_name(sample_archive)["North Caucasus"].on_map  # type: ignore[attr-defined]


def test_bad_coordinates_and_non_places_are_refused(sample_archive: Archive) -> None:
    with sample_archive.session() as session:
        caucasus = session.execute(text("SELECT id FROM actors WHERE name = 'North Caucasus'")).scalar_one()
        isis = session.execute(text("SELECT id FROM actors WHERE name = 'ISIS'")).scalar_one()
        with pytest.raises(CommandError, match="latitude is -90 to 90"):
            set_place_point(session, caucasus, (91.0, 0.0))
        with pytest.raises(CommandError, match="ISIS is not a place"):
            set_place_point(session, isis, (1.0, 1.0))


def test_deleting_a_place_and_undoing_brings_its_coordinates_back(archive: Archive) -> None:
    with archive.session() as session:
        place = add_actor(session, "Somewhere", "place")
        set_place_point(session, place, (10.0, 20.0))
    with archive.session() as session:
        deleted = undo.delete_actor(session, place)
    with archive.session() as session:
        assert session.execute(text("SELECT count(*) FROM place_points")).scalar_one() == 0
        deleted.revert(session)
    row = by_name(archive)["Somewhere"]
    assert (row.latitude, row.longitude) == (10.0, 20.0)  # type: ignore[attr-defined]


def test_an_archive_of_the_previous_schema_opens_and_gets_place_points(archive_path: Path, tmp_path: Path) -> None:
    from alembic import command

    old = tmp_path / "old.sqlite"
    shutil.copyfile(archive_path, old)
    engine = archive_module._sqlite_engine(old)
    config = archive_module.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0003")
    engine.dispose()
    opened = archive_module.open(old)
    try:
        with opened.session() as session:
            assert session.execute(text("SELECT count(*) FROM place_points")).scalar_one() == 0
        assert opened.backup is not None
    finally:
        opened.close()
    with sqlite3.connect(opened.backup) as backup:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
