"""The shipped gazetteer's first-level regions: found by the names sources write them with (in
Russian, Ukrainian, Arabic, French, English; inflected names through the base form a suggested
actor gets), each where its country is on the shipped outlines, a city of the same name still
found, and the countries' common names ("سوريا")."""

from __future__ import annotations

import json
import lzma
from functools import cache
from importlib.resources import files
from itertools import pairwise
from typing import Any

import pytest

from db.archive import Archive
from db.commands import add_actor
from db.extract.mentions import suggest_new_actors
from db.gazetteer import GazetteerPlace, gazetteer
from db.places import GAZETTEER, places


@cache
def _outlines() -> dict[str, Any]:
    data = files("resources").joinpath("basemap", "countries-50m.json.xz").read_bytes()
    topology: dict[str, Any] = json.loads(lzma.decompress(data))
    return topology


@cache
def _decoded() -> list[list[tuple[float, float]]]:
    topology = _outlines()
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        decoded.append(points)
    return decoded


@cache
def _rings(country_name: str) -> list[list[tuple[float, float]]]:
    topology, decoded = _outlines(), _decoded()
    rings = []
    for country in topology["countries"]:
        if country["name"] != country_name:
            continue
        for polygon in country["polygons"]:
            for ring in polygon:
                points: list[tuple[float, float]] = []
                for index in ring:
                    points.extend(decoded[index] if index >= 0 else decoded[~index][::-1])
                # a ring across the antimeridian goes on past 180 rather than jump back to -180
                shift, unwrapped = 0.0, points[:1]
                for (x0, _y0), (x1, y1) in pairwise(points):
                    shift += -360 if x1 - x0 > 180 else 360 if x0 - x1 > 180 else 0
                    unwrapped.append((x1 + shift, y1))
                rings.append(unwrapped)
    return rings


def inside_country(place: GazetteerPlace) -> bool:
    """Whether a place's point lies within the outline of its country (even-odd over all rings)."""
    country = next(p.name for p in gazetteer().places if p.kind == "country" and p.country == place.country)
    for longitude in (place.longitude, place.longitude - 360, place.longitude + 360):
        crossings = 0
        for ring in _rings(country):
            for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
                if (y0 > place.latitude) != (y1 > place.latitude) and \
                        longitude < x0 + (place.latitude - y0) * (x1 - x0) / (y1 - y0):
                    crossings += 1
        if crossings % 2 == 1:
            return True
    return False


def first(name: str) -> GazetteerPlace:
    found = gazetteer().lookup([name])
    assert found, name
    return found[0]


@pytest.mark.parametrize(("name", "country"), [
    ("Дагестан", "RU"), ("Dagestan", "RU"), ("Daghestan", "RU"), ("داغستان", "RU"), ("Чечня", "RU"),
    ("Чеченская Республика", "RU"), ("Kabardino-Balkaria", "RU"), ("Северная Осетия", "RU"),
    ("Донецька область", "UA"), ("Донеччина", "UA"), ("Донецкая область", "UA"), ("Oblast de Donetsk", "UA"),
    ("Херсонська область", "UA"), ("محافظة إدلب", "SY"), ("Gouvernorat d'Idleb", "SY"),
    ("Anbar", "IQ"), ("الأنبار", "IQ"), ("Nineveh", "IQ"), ("North Darfur", "SD"), ("Северный Дарфур", "SD"),
])
def test_regions_are_found_by_their_names_and_placed_in_their_country(name: str, country: str) -> None:
    place = first(name)
    assert (place.kind, place.country) == ("region", country), name
    assert inside_country(place), place


def test_crimea_is_on_the_peninsula_whichever_outline_holds_it() -> None:
    # ISO 3166-2 counts Crimea in Ukraine; Natural Earth draws who holds it (the shipped outlines
    # put the peninsula in Russia's): the point is on the peninsula, inside one of the two
    crimea = first("Крым")
    assert (crimea.kind, crimea.country) == ("region", "UA")
    assert first("Автономна Республіка Крим") == first("Crimea") == crimea
    assert 44.3 < crimea.latitude < 46.3
    assert 32.4 < crimea.longitude < 36.7
    assert inside_country(crimea) or inside_country(GazetteerPlace(**{**crimea.__dict__, "country": "RU"}))


def test_countries_by_their_common_names_in_other_languages() -> None:
    for name, country in (("سوريا", "SY"), ("Сирия", "SY"), ("США", "US"), ("Россия", "RU"),
                          ("الولايات المتحدة", "US"), ("Palestine", "PS")):
        place = first(name)
        assert (place.kind, place.country) == ("country", country), name
    # a region named like its country leaves the name to the country
    assert first("Алжир").kind == "country"
    assert first("Mexico").kind == "country"


def test_a_region_and_the_city_of_the_same_name_are_both_found() -> None:
    g = gazetteer()
    for name, country in (("Donetsk", "UA"), ("Idlib", "SY"), ("حلب", "SY"), ("Kherson", "UA")):
        found = g.lookup([name])
        # the bare name goes to the city; the region is the next place of that name
        assert [(p.kind, p.country) for p in found if p.country == country][:2] == [
            ("city", country), ("region", country)], name
    city, region = first("Donetsk"), first("Донецька область")
    assert city.kind == "city"
    assert region.kind == "region"
    assert region.name in {p.name for p in g.search("Donetsk") if p.kind == "region"}
    # a name only a town elsewhere also has goes to the region ("Florida" in the US, not Uruguay's town)
    assert (first("Алтай").kind, first("Алтай").country) == ("region", "RU")


def test_names_that_only_say_a_direction_are_no_region() -> None:
    # "Centre", "Nord", "Eastern": regions of many countries, no place a researcher names by them
    for name in ("Nord", "Centre", "Eastern", "Central", "Northern", "Sud"):
        assert all(p.kind != "region" for p in gazetteer().lookup([name])), name


def test_almost_every_region_is_inside_its_country() -> None:
    regions = [p for p in gazetteer().places if p.kind == "region" and p.country in ("RU", "UA", "SY", "IQ", "SD")]
    assert len(regions) > 150
    outside = [p.name for p in regions if not inside_country(p)]
    assert len(outside) <= len(regions) // 50, outside


def test_places_suggested_from_inflected_news_go_on_the_map_in_their_region(archive: Archive) -> None:
    # "в Дагестане", "у Донецькій області": the names suggestions give, as a researcher adds them
    suggested = [c for c in suggest_new_actors("В Дагестане задержаны трое боевиков.", language="ru")
                 if c.kind == "place"]
    suggested += [c for c in suggest_new_actors("Обстріли тривають у Донецькій області.", language="uk")
                  if c.kind == "place"]
    assert {c.name for c in suggested} == {"Дагестан", "Донецька область"}
    with archive.session() as session:
        for candidate in suggested:
            add_actor(session, candidate.name, "place")
    with archive.session() as session:
        rows = {row.name: row for row in places(session, gazetteer())}
    assert rows["Дагестан"].origin == GAZETTEER
    assert rows["Дагестан"].matched == "Dagestan (region, RU)"
    assert rows["Донецька область"].matched == "Donetsk (region, UA)"
    assert inside_country(first("Донецька область"))


def test_countries_geonames_did_not_name_have_their_code_and_their_full_name() -> None:
    from db.interchange.column_types import country_name

    # Natural Earth's "Dem. Rep. Congo", "United States of America": no GeoNames country of that name
    for name, code in (("Democratic Republic of the Congo", "CD"), ("Конго-Киншаса", "CD"), ("Congo", "CG"),
                       ("United States of America", "US"), ("Соединенные Штаты", "US"), ("South Sudan", "SS"),
                       ("Bosnia and Herzegovina", "BA"), ("Боснія і Герцеговина", "BA")):
        place = first(name)
        assert (place.kind, place.country) == ("country", code), name
    assert first("Dem. Rep. Congo").name == "Democratic Republic of the Congo"
    assert country_name("COD") == "Democratic Republic of the Congo"
    assert country_name("BIH") == "Bosnia and Herzegovina"
