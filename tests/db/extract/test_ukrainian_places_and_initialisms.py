"""Ukrainian place names the gazetteer's countries and cities do not cover (continents and world
regions, in any case), and what else the suggester reads in places and initialisms."""

from __future__ import annotations

from db.extract.mentions import suggest_new_actors
from db.gazetteer import world_region


def _suggested(text: str) -> set[tuple[str, str | None]]:
    return {(c.name, c.kind) for c in suggest_new_actors(text, language="uk")}


def test_world_regions_are_known_by_their_names_in_several_languages() -> None:
    assert world_region("Європа") == "Europe"
    assert world_region("Латинская Америка") == "Latin America"
    assert world_region("Afrique") == "Africa"
    assert world_region("Київ") is None


def test_a_continent_in_an_oblique_case_is_a_place() -> None:
    found = _suggested("Делегація повернулася з Азії, а завтра вирушить до Африки. "
                       "Про Європу там не говорили.")
    assert {("Азія", "place"), ("Африка", "place"), ("Європа", "place")} <= found
