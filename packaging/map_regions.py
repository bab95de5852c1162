"""The gazetteer's first-level regions and the countries' common names, for
``build_map_data.py`` (run by hand; nothing here runs when Dossier does).

- Which regions: the ISO 3166-2 subdivisions with no parent (Dagestan, Donetsk Oblast, Idlib;
  not France's départements under its régions; not a country's towns where they are its first
  level, as Slovenia's 200 municipalities), as ``iso3166-2==1.8.4`` lists them (MIT), with
  the point it gives for each (``latLng``: the centre of the region's OpenStreetMap outline,
  © OpenStreetMap contributors, ODbL).
- Their names: the CLDR translations of subdivision names (Debian's ``unicode-cldr-core``
  41-0.1, ``common/subdivisions/*.xml``, Unicode licence: "Дагестан", "Чечня", "داغستان",
  "Oblast de Donetsk"), iso-codes' translations of the ISO names (``pycountry==26.2.16``,
  LGPL 2.1: "Республика Дагестан", "Донецька область"), the ISO name itself and the local and
  other names iso3166-2 lists ("Донеччина"). npm's ``cldr-subdivisions-full@48.2.0`` has
  English names only, hence the Debian package.
- Countries' common names ("سوريا", where iso-codes gives only "الجمهورية العربية السورية"):
  CLDR's territory names (``common/main/*.xml``, with their short and variant forms).

A region's name is left out where it would only blur another place: its own country's name (the
State of México is not "Mexico"), and a name regions of three or more countries share
("Central", "Nord", "Eastern"), which says where in a country, not which place.
"""

from __future__ import annotations

import gettext
import importlib
import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from db.gazetteer import key

#: regions of this many countries or more sharing a name: the name says a direction, not a place
SHARED_BY = 3
#: where a country's first level is its towns or parishes (Slovenia's 200 municipalities, Malta's
#: 68 councils), more of them than this, the gazetteer's cities say more than they would
SMALL_UNITS = frozenset({"Municipality", "Local council", "Parish", "Quarter", "Commune", "Administrative atoll",
                         "Island council", "City with county rights", "Urban municipality"})
MANY_SMALL_UNITS = 20
#: "Dagestan, Respublika" (ISO's order): the name before the comma is the one written
_INVERTED = re.compile(r"^([^,]+), (.+)$")
#: the words of a kind of region before its name, which a name is also written without
#: ("Автономная Республика Крым": "Крым"; "محافظة إدلب"; "Oblast de Donetsk"). Only those before a
#: noun: "Донецкая область" without its head would be an adjective
_HEAD = re.compile(
    r"^(?:autonomous republic of|republic of|province of|governorate of|state of|"
    r"(?:république autonome|région|gouvernorat|wilaya|province|oblast|óblast|provincia|gobernación|estado|"
    r"departamento|república autónoma|región) (?:de |d’|d')|autonome republik|republik|oblast|gouvernement|provinz|"
    r"автономная республика|республика|автономна республіка|республіка|محافظة|ولاية|إقليم|جمهورية)\s*",
    re.IGNORECASE)
_DASHED = re.compile(r"\s+[—–-]\s+")
#: a name of several words whose last is joined to another name ("Северная Осетия-Алания"); not
#: one word of two ("Kabardino-Balkaria", "Sachsen-Anhalt": "Sachsen" is Saxony)
_LAST_JOINED = re.compile(r"^(.+\s\S+?)-(?=[^\W\d_])(?!.*\s)[^\W\d_]\S*$")
#: iso3166-2's "Республика Адыгея (rus), Adygea (eng)": a name and its language
_OTHER_NAME = re.compile(r"\s*([^,(]+?)\s*\((\w{3})\)\s*(?:,|$)")


def _cldr_names(path: Path, tag: str) -> dict[str, list[str]]:
    names: dict[str, list[str]] = defaultdict(list)
    if not path.exists():
        return names
    for element in ET.parse(path).iter(tag):
        kind, text = element.get("type"), (element.text or "").strip()
        if kind and text and element.get("draft") != "unconfirmed":
            names[kind].append(text)
    return names


def _cldr_names_in(cldr_common: Path, languages: list[str], folder: str, tag: str) -> dict[str, list[str]]:
    """Every CLDR name of each ``tag`` element in ``folder``'s files of ``languages``, English first."""
    found: dict[str, list[str]] = defaultdict(list)
    for language in ["en", *languages]:
        for code, names in _cldr_names(cldr_common / folder / f"{language}.xml", tag).items():
            found[code].extend(names)
    return found


def cldr_subdivision_names(cldr_common: Path, languages: list[str]) -> dict[str, list[str]]:
    """Every CLDR name of each subdivision ("ruda": ["Dagestan", "Дагестан", ...]), English first."""
    return _cldr_names_in(cldr_common, languages, "subdivisions", "subdivision")


def cldr_territory_names(cldr_common: Path, languages: list[str]) -> dict[str, list[str]]:
    """Each country's CLDR names ("SY": ["Syria", "سوريا", "Сирия", ...]), short and variant forms too."""
    found = _cldr_names_in(cldr_common, languages, "main", "territory")
    return {code: names for code, names in found.items() if len(code) == 2 and code.isalpha()}


def iso3166_2_subdivisions() -> dict[str, dict[str, dict[str, object]]]:
    """iso3166-2's data file, read without importing the package (its imports need the network
    libraries it uses for its own API)."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install iso3166-2==1.8.4 (its data file is read)")
    folder = Path(next(iter(spec.submodule_search_locations)))
    data: dict[str, dict[str, dict[str, object]]] = json.loads((folder / "iso3166-2.json").read_text(encoding="utf-8"))
    return data


def _iso_catalogues(languages: list[str]) -> list[gettext.NullTranslations]:
    pycountry = importlib.import_module("pycountry")
    found: list[gettext.NullTranslations] = []
    for language in languages:
        try:
            found.append(gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=[language]))
        except OSError:  # iso-codes has no translation into it
            continue
    return found


def written_forms(name: str) -> list[str]:
    """A name as ISO or CLDR gives it, and as it is also written ("Dagestan, Respublika":
    "Dagestan", "Respublika Dagestan"; "محافظة إدلب": "إدلب")."""
    inverted = _INVERTED.match(name)
    forms = [name, inverted.group(1), f"{inverted.group(2)} {inverted.group(1)}"] if inverted else [name]
    bare = _HEAD.sub("", name, count=1)
    # a name, not a word of the kind's: capitalised where the script has capitals
    if bare != name and len(bare) >= 3 and bare[:1].isalpha() and not bare[:1].islower():
        forms.append(bare)
    # a name and its other name after a dash: "Северная Осетия — Алания", "North Ossetia-Alania"
    for form in list(forms):
        forms.extend(part for part in _DASHED.split(form) if part != form and len(part) >= 3)
        if (joined := _LAST_JOINED.match(form)) is not None:
            forms.append(joined.group(1))
    return forms


def region_names(code: str, record: dict[str, object], cldr: dict[str, list[str]],
                 catalogues: list[gettext.NullTranslations]) -> list[str]:
    """A region's names, the one to show first: CLDR's English name, else ISO's."""
    iso_name = str(record.get("name") or "")
    names = [form for name in cldr.get(code.replace("-", "").lower(), []) for form in written_forms(name)]
    names.extend(written_forms(iso_name))
    for catalogue in catalogues:
        translated = catalogue.gettext(iso_name)
        if translated != iso_name:
            names.extend(written_forms(translated))
    others = _OTHER_NAME.findall(str(record.get("localOtherName") or ""))
    names.extend(n for n, _language in others)
    # the name shown: CLDR's English one, unless iso3166-2's English one is the same name in the
    # form English writes it ("Chechnya", not CLDR's "Chechen"; "Donetsk", not "Donechchyna")
    english = [n for n, language in others if language == "eng"]
    if english and names and english[0][:4].casefold() == names[0][:4].casefold():
        names.insert(0, english[0])
    return [n for n in dict.fromkeys(n.strip() for n in names) if n]


def region_rows(country_keys: dict[str, set[str]], cldr_common: Path, languages: list[str]) -> list[str]:
    """The gazetteer's rows of first-level regions (the format of ``gazetteer_rows``: kind
    "region", no GeoNames id, no population), given each country code's keys."""
    cldr = cldr_subdivision_names(cldr_common, languages)
    catalogues = _iso_catalogues(languages)
    regions = []
    for country, subdivisions in sorted(iso3166_2_subdivisions().items()):
        first_level = {c: r for c, r in subdivisions.items() if not r.get("parentCode")}
        units = Counter(str(r.get("type")) for r in first_level.values())
        for code, record in sorted(first_level.items()):
            point = record.get("latLng")
            if not isinstance(point, list) or len(point) != 2 or (
                    record.get("type") in SMALL_UNITS and units[str(record.get("type"))] > MANY_SMALL_UNITS):
                continue
            names = region_names(code, record, cldr, catalogues)
            keys = [k for k in dict.fromkeys(key(n) for n in names)
                    if len(k) >= 3 and k not in country_keys.get(country, set())]
            if keys:
                regions.append((country, names[0], float(point[0]), float(point[1]), keys))
    countries_of: dict[str, set[str]] = defaultdict(set)
    for country, _name, _lat, _lon, keys in regions:
        for each in keys:
            countries_of[each].add(country)
    rows = []
    for country, name, latitude, longitude, keys in regions:
        kept = [k for k in keys if len(countries_of[k]) < SHARED_BY]
        if kept:
            rows.append("\t".join(["region", "", name, f"{latitude:.4f}", f"{longitude:.4f}", country, "0",
                                   "|".join(kept)]))
    return rows
