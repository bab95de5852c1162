"""French counts of a set partitioned, distributed or added to (issue 13, ninth round): "quatre des
cinq compères" counts both, "chacun des quatre enfants" the four; a figure after ", soit" with
"de moins"/"de plus" and a definite count whose noun was just said ("aux 163 déjà déférées")
count what the figure before counts."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def counts(sentence: str) -> list[tuple[float | None, bool, str | None]]:
    return [(c.value, c.approximate, c.unit) for c in suggest_statistics(sentence, None, "fr")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Quatre des cinq compères travaillent dans la même usine.", [(4, False, "compères"), (5, False, "compères")]),
    ("Deux des trois suspects ont été relâchés.", [(2, False, "people"), (3, False, "people")]),
    ("Le tribunal a condamné quinze des seize prévenus.", [(15, False, "prévenus"), (16, False, "prévenus")]),
])
def test_a_share_of_a_set_counts_what_the_set_counts(sentence: str, expected: list[tuple[float, bool, str]]) -> None:
    assert counts(sentence) == expected


@pytest.mark.parametrize(("sentence", "count"), [
    ("Un procès-verbal sera dressé pour chacune des 15 personnes arrêtées.", 15),
    ("La part revient à chacun des quatre enfants du défunt.", 4),
])
def test_each_of_a_set_gives_its_count(sentence: str, count: float) -> None:
    assert [value for value, _a, _u in counts(sentence)] == [count]


@pytest.mark.parametrize("sentence", [
    "L'une des quatre questions reste ouverte.",
    "Il n'appartient à aucun des deux grands partis.",
    "Il a conduit l'arrestation en 2003 des trois évadés de la prison.",
])
def test_one_of_a_known_set_is_still_no_count(sentence: str) -> None:
    assert counts(sentence) == []


def test_a_difference_after_soit_counts_what_the_figure_before_counts() -> None:
    assert counts("En revanche, 4.500 manifestants ont été comptés à Toulouse, soit un millier de moins que "
                  "la semaine précédente.") == [(4500, False, "people"), (1000, True, "people")]
    assert counts("Ils étaient 5.800 à Paris, soit 800 de plus qu'il y a une semaine.") == \
        [(5800, False, "people"), (800, False, "people")]


def test_a_definite_count_whose_noun_was_just_said_is_one() -> None:
    sentence = ("62 personnes ont été déférées au parquet, s'ajoutant aux 163 déjà déférées auparavant, "
                "selon un nouveau bilan du ministère public.")
    assert [(c.value, c.unit, c.claimant) for c in suggest_statistics(sentence, None, "fr")] == \
        [(62, "people", "ministère public"), (163, "people", "ministère public")]


def test_a_part_after_dont_les_counts_what_the_figure_before_counts() -> None:
    assert counts("Pour cela, 14 réacteurs seront arrêtés en 2035, dont les deux de Fessenheim qui le seront "
                  "à l'été 2020.") == [(14, False, "réacteurs"), (2, False, "réacteurs")]
    assert counts("Les trois enfants, dont les deux aînés, sont partis.") == []  # a known set


@pytest.mark.parametrize(("sentence", "count"), [
    ("Selon la même source, le poisson dans les trois sites que sont Aïn Beida, Aïn Babouche et Aïn M'lila, "
     "a grandi.", 3),
    ("Les deux villes, à savoir Lyon et Lille, votent dimanche.", 2),
])
def test_a_definite_count_whose_members_are_named_after_it_is_one(sentence: str, count: float) -> None:
    assert [value for value, _a, _u in counts(sentence)] == [count]


def test_a_definite_count_followed_by_no_list_is_still_none() -> None:
    assert counts("Les deux hommes : il y a eu une dispute, et voilà.") == []
    assert counts("Les deux policiers (Jean et Paul) sont là.") == []


@pytest.mark.parametrize("sentence", [
    "Ils étaient, selon elle, probablement trois mais la troisième personne n'a pas été identifiée.",
    "Les manifestants étaient, selon la police, 3000 à Paris.",
])
def test_people_said_to_be_a_number_across_an_aside(sentence: str) -> None:
    assert [unit for _v, _a, unit in counts(sentence)] == ["people"]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Cet épisode a fait au moins 11 morts: 6 à Trèbes, 2 à Villegailhenc.", [11, 6, 2]),
    ("Au total, 8.000 membres des forces de l'ordre ont été déployés dans la capitale, 69.000 sur tout le "
     "territoire.", [8000, 69000]),
])
def test_a_list_of_figures_counts_what_its_first_counts(sentence: str, expected: list[float]) -> None:
    assert [value for value, _a, _u in counts(sentence)] == expected


def test_a_round_count_after_a_level_verb_is_no_year() -> None:
    assert counts("Le bilan s'élève à 2000 morts.") == [(2000, False, "people")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Parmi les blessés, dont 36 ont été hospitalisés, se trouvaient des touristes.", [(36, False, "people")]),
    ("M. Macron a convoqué une réunion après les 263 blessés dans toute la France lors des manifestations.",
     [(263, False, "people")]),
    ("Nous sommes maintenant 300 à manifester dans les rues de Charleroi chaque samedi.", [(300, False, "people")]),
])
def test_counts_of_people_said_before_or_around_them(sentence: str, expected: list[tuple[float, bool, str]]) -> None:
    assert counts(sentence) == expected


def test_what_is_counted_stops_before_chaque_and_carries_across_ou() -> None:
    found = suggest_statistics("De façon globale, 2.400 animaux seraient tués chaque minute, ou trois millions chaque "
                               "jour en France.", None, "fr")
    assert [(c.value, c.subject) for c in found] == [(2400, "animaux"), (3_000_000, "animaux")]
    assert [c.subject for c in suggest_statistics("L'aéroport compte 65 millions de passagers chaque année.",
                                                  None, "fr")] == ["passagers"]


@pytest.mark.parametrize("sentence", [
    "Deux relayent les sauveteurs sur le pont, le troisième arrête un camion.",
    "Les trams 92 et 93 roulent à nouveau normalement.",
])
def test_a_number_before_a_verb_with_no_figure_before_counts_nothing(sentence: str) -> None:
    assert counts(sentence) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Plus de 400 personnes ont été blessées, dont 14 gravement, dans les blocages.",
     [(400, False, "people"), (14, False, "people")]),
    ("Quatre autres patients souffrent de troubles, dont trois pourraient avoir un handicap.",
     [(4, False, "people"), (3, False, "people")]),
    ("Cinq audiences sont prévues lundi, contre trois habituellement.", [(5, False, "audiences"), (3, False, "audiences")]),
    ("19 personnes ont perdu la vie et quelque 310 furent blessées.", [(19, False, "people"), (310, True, "people")]),
])
def test_a_figure_before_a_verb_or_an_adverb_counts_what_the_one_before_counts(
        sentence: str, expected: list[tuple[float, bool, str]]) -> None:
    assert counts(sentence) == expected
