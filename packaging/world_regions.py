"""The world's regions and continents for the gazetteer (``resources/gazetteer/world_regions.tsv``;
run by hand: nothing here runs when Dossier does).

Which regions and their names: the UN M.49 regions the Unicode CLDR names ("Європа", "Азия",
"Latin America", "Західна Африка"), in every language Dossier knows, as Babel 2.18.0 ships
CLDR's territory names (Unicode licence, see ``LICENSE-Unicode-CLDR.txt`` there). The world
itself (001) is left out: no place an actor is. They have no point: CLDR gives none, and a
continent is no place on a map.

Tab-separated: M.49 code, English name, the keys (``db.gazetteer.key``) of all its names
joined by ``|``.

    python packaging/world_regions.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.gazetteer import key  # noqa: E402
from db.language import all_languages  # noqa: E402

OUT = ROOT / "resources" / "gazetteer" / "world_regions.tsv"
WORLD = "001"


def rows() -> list[str]:
    from babel import Locale  # build time only

    names: dict[str, list[str]] = {}
    for code in sorted({language.code for language in all_languages()}):
        try:
            territories = Locale.parse(code).territories
        except (ValueError, LookupError):
            continue
        for region, name in territories.items():
            if region.isdigit() and region != WORLD:
                names.setdefault(region, []).append(name)
    english = Locale("en").territories
    lines = []
    for region in sorted(names):
        keys = list(dict.fromkeys(k for k in map(key, [english[region], *names[region]]) if k))
        lines.append(f"{region}\t{english[region]}\t{'|'.join(keys)}")
    return lines


if __name__ == "__main__":
    OUT.write_text("\n".join(rows()) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(rows())} regions")
