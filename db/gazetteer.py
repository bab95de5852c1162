"""The offline gazetteer: where a place is, by any of its names, with nothing fetched from the
network.

Shipped as ``resources/gazetteer/places.tsv.xz`` (built by ``packaging/build_map_data.py``, which
writes each name's :func:`key`):
the world's countries (the centre of their largest outline, Natural Earth), their first-level
regions ("Дагестан", "Донецька область", "محافظة إدلب": ISO 3166-2, at the centre of their
OpenStreetMap outline) and the GeoNames cities of 15,000 people or more with every alternate name
and transliteration GeoNames gives ("Grozny", "Groznyy", "Грозный", "Dzhokhar"). Names are
matched folded (case and diacritics aside) and without their punctuation and spaces
("Kabardino-Balkaria" is "kabardino balkaria").

A name several places share goes to a country first; then to a city in a region of that name
("Idlib", "حلب", "Donetsk": the city, more often meant than the province around it); then to a
region ("Florida": the state, not a town in Uruguay; "Алтай": the republic, not a Chinese town
GeoNames also calls so); then to the other cities, the most populous first.

Loaded once a process (under a second, on a worker thread: the map's first read).

The world's regions and continents ("Європа", "Latin America"; ``world_regions.tsv``, built by
``packaging/world_regions.py`` from CLDR's names of the UN M.49 regions) are places too, but no
point on a map: :func:`world_region` knows them apart from the places. So are the smaller towns
GeoNames lists by a Cyrillic name (:func:`small_town`), asked for apart from the places too.
"""

from __future__ import annotations

import lzma
import threading
from dataclasses import dataclass
from functools import cache, partial
from importlib.resources import files

from db.text import fold

#: GeoNames' data is CC BY 4.0 and the regions' points come from OpenStreetMap's outlines (ODbL):
#: say where they come from wherever a place is shown from them
ATTRIBUTION = "GeoNames (CC BY 4.0), Natural Earth, © OpenStreetMap contributors (ODbL)"


@dataclass(frozen=True)
class GazetteerPlace:
    kind: str  # "country", "region" or "city"
    geonameid: int | None
    name: str
    latitude: float
    longitude: float
    country: str
    population: int

    def describe(self) -> str:
        """"Grozny (city, RU, 297,137 people)"."""
        where = f"{self.kind}, {self.country}" if self.country else self.kind
        people = f", {self.population:,} people" if self.population else ""
        return f"{self.name} ({where}{people})"


def key(name: str) -> str:
    """How names are compared: folded, letters and digits only."""
    return "".join(c for c in fold(name) if c.isalnum())


class Gazetteer:
    """Places by every name they have."""

    def __init__(self, lines: list[str]) -> None:
        self.places: list[GazetteerPlace] = []
        self.index: dict[str, list[int]] = {}
        for line in lines:
            kind, geonameid, name, latitude, longitude, country, population, keys = line.split("\t")
            number = len(self.places)
            self.places.append(GazetteerPlace(kind, int(geonameid) if geonameid else None, name, float(latitude),
                                              float(longitude), country, int(population or 0)))
            # the file holds every name's key (see packaging/build_map_data.py): no folding here
            for each in keys.split("|"):
                self.index.setdefault(each, []).append(number)
        ranks = [self._rank(n) for n in range(len(self.places))]
        regions_of = [p.country if p.kind == "region" else None for p in self.places]
        for numbers in self.index.values():
            if len(numbers) > 1:
                regions = {regions_of[n] for n in numbers} - {None}
                numbers.sort(key=ranks.__getitem__ if not regions else partial(self._rank, regions=regions))

    def _rank(self, number: int, regions: set[str | None] | frozenset[str] = frozenset()) -> tuple[int, int]:
        """``regions``: the countries of the regions that share the name being ranked."""
        place = self.places[number]
        if place.kind == "country":
            order = 0
        elif place.kind == "region":
            order = 2
        else:
            order = 1 if place.country in regions else 3
        return (order, -place.population)

    def lookup(self, names: list[str] | tuple[str, ...]) -> list[GazetteerPlace]:
        """The places called by the first of ``names`` the gazetteer knows, best first."""
        for name in names:
            found = self.index.get(key(name))
            if found:
                return [self.places[n] for n in found]
        return []

    def search(self, text: str, limit: int = 25) -> list[GazetteerPlace]:
        """Places with a name that begins with ``text`` (exact names first), best first."""
        wanted = key(text)
        if not wanted:
            return []
        exact = list(self.index.get(wanted, []))
        starts = sorted({n for k, numbers in self.index.items() if k.startswith(wanted) and k != wanted
                         for n in numbers} - set(exact), key=self._rank)
        return [self.places[n] for n in (exact + starts)[:limit]]


_lock = threading.Lock()


@cache
def _load() -> Gazetteer:
    data = files("resources").joinpath("gazetteer", "places.tsv.xz").read_bytes()
    return Gazetteer(lzma.decompress(data).decode("utf-8").splitlines())


def gazetteer() -> Gazetteer:
    """The shipped gazetteer (read on first use)."""
    with _lock:  # two workers asking at once read it once
        return _load()


@cache
def _world_regions() -> dict[str, str]:
    text = files("resources").joinpath("gazetteer", "world_regions.tsv").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for line in text.splitlines():
        if line:
            _code, name, keys = line.split("\t")
            for each in keys.split("|"):
                found.setdefault(each, name)
    return found


def world_region(name: str) -> str | None:
    """The English name of the continent or world region called ``name`` in any language
    Dossier knows ("Європа" -> "Europe", "Латинская Америка" -> "Latin America"), else None."""
    with _lock:
        return _world_regions().get(key(name))


@cache
def _towns() -> frozenset[str]:
    data = files("resources").joinpath("gazetteer", "towns.tsv.xz").read_bytes()
    return frozenset(each for line in lzma.decompress(data).decode("utf-8").splitlines() if line
                     for each in line.rsplit("\t", 1)[1].split("|"))


def small_town(name: str) -> bool:
    """Whether ``name`` is written in Cyrillic letters as GeoNames names a town of 1,000 to
    15,000 people (``towns.tsv.xz``, built by ``packaging/small_towns.py``: "Ходорів",
    "Моршин"). Such names are shared with common words and surnames more often than the
    cities' are: a reader asks only where nothing else says what a name is."""
    with _lock:
        return key(name) in _towns()
