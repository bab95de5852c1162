"""French numbers that are no statistic (issue 13, seventh round): the parameters of a rule or a
plan (a cap, a threshold of a class, a threshold changed), idioms whose number counts nothing,
and the weight of a thing or a sound level; a change's size capped by its noun stays a figure."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def values(sentence: str) -> list[float | None]:
    return [c.value for c in suggest_statistics(sentence, None, "fr")]


@pytest.mark.parametrize("sentence", [
    "Les dons aux candidats sont plafonnés à 4 000 euros par personne.",
    "Le montant de l'aide est limité à 1 200 euros.",
    "Le décret prévoit la limitation des hausses de loyer à 3,5 %.",
    "L'université peut exonérer ses étudiants dans la limite de 10 % des effectifs.",
])
def test_a_cap_set_by_a_rule_is_no_statistic(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(("sentence", "value"), [
    ("Les ventes ont connu un recul limité à 2 % sur l'année.", 2),
    ("La hausse des prix est restée limitée à 1,2 %.", 1.2),
])
def test_a_change_whose_size_is_capped_is_a_statistic(sentence: str, value: float) -> None:
    assert values(sentence) == [value]


@pytest.mark.parametrize("sentence", [
    "La loi interdit les remises en valeur supérieures à 40 % du prix.",
    "Le seuil de déclenchement sera relevé de 15 % en juillet.",
    "Le plafond de la prime est porté à 3 000 euros.",
])
def test_a_threshold_of_a_rule_or_its_change_is_no_statistic(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Le café se trouve à deux pas de la gare.",
    "La réforme se fera en deux temps.",
    "Il n'y a pas deux poids deux mesures.",
    "Ils vivent avec trois francs six sous.",
    "Notre mouvement est à 100 % pacifiste.",
    "Il a fait d'une pierre deux coups.",
])
def test_an_idiom_counts_nothing(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(("sentence", "value"), [
    ("Les travaux ont été réalisés à 100 %, selon la mairie.", 100),
    ("Le taux de remplissage atteint 100 % des places.", 100),
])
def test_a_full_share_is_still_a_figure(sentence: str, value: float) -> None:
    assert values(sentence) == [value]


@pytest.mark.parametrize("sentence", [
    "La grenade pèse 180 g.",
    "L'explosion produit un bruit de plus de 160 décibels.",
    "Le concert a atteint 105 dB.",
])
def test_the_weight_of_a_thing_or_a_sound_level_is_no_count(sentence: str) -> None:
    assert values(sentence) == []


def test_the_power_of_a_plant_is_no_count() -> None:
    assert values("Huit réacteurs de 1 300 mégawatts seront arrêtés.") == [8]


@pytest.mark.parametrize("sentence", [
    "Le débat oppose deux visions incompatibles de l'Europe.",
    "Il distingue trois types de manifestants.",
    "La réforme repose sur deux principes simples.",
])
def test_a_small_number_of_kinds_or_ways_counts_no_things(sentence: str) -> None:
    assert values(sentence) == []


def test_a_small_number_of_things_is_still_counted() -> None:
    assert values("Deux écoles et trois crèches ont fermé.") == [2, 3]


@pytest.mark.parametrize("sentence", [
    "Si on a cinq listes de gauche et qu'aucune n'atteint 5 %, ce sera désolant.",
    "S'il reste 300 places, les organisateurs ouvriront une seconde salle.",
    "« Si nous perdons 10 % de nos adhérents, nous fermerons », prévient le président.",
])
def test_the_figures_of_a_supposition_are_no_statistic(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(("sentence", "kept"), [
    ("Si le chômage a baissé de 2 % en 2018, il a augmenté de 3 % en 2019.", [2, 3]),  # what was, no supposition
    ("Si le chômage baisse, le gouvernement pourrait gagner 3 milliards d'euros.", [3_000_000_000]),
])
def test_a_si_clause_of_what_was_and_the_main_clause_keep_their_figures(sentence: str, kept: list[float]) -> None:
    assert values(sentence) == kept


@pytest.mark.parametrize("sentence", [
    "L'OM veut une victoire qui le fuit depuis huit matchs.",
    "Le chômage recule depuis trois trimestres consécutifs.",
    "Les salariés peuvent refuser de travailler 3 dimanches par an.",
    "Le conseil se réunit deux fois par mois.",
])
def test_a_time_since_and_how_often_are_no_statistic(sentence: str) -> None:
    assert values(sentence) == []


def test_a_sum_a_year_stays_a_statistic() -> None:
    assert values("Pour les moins de 25 ans, ce serait 300 000 euros par an.") == [300_000]


@pytest.mark.parametrize("sentence", [
    "Il y a eu une bagarre, entre 30 et 50 de chaque côté, raconte une source policière.",
    "Les deux bandes comptaient entre 30 et 50 membres par camp.",
])
def test_a_count_of_each_side_is_a_statistic(sentence: str) -> None:
    assert [(c.low, c.high) for c in suggest_statistics(sentence, None, "fr")] == [(30, 50)]


def test_a_place_after_depuis_keeps_its_count() -> None:
    assert values("Un feu d'artifice est tiré depuis cinq barges devant 300.000 personnes.") == [5, 300_000]


@pytest.mark.parametrize(("sentence", "kept"), [
    ("La région compte 76 généralistes pour 100.000 habitants, selon l'Atlas.", [76]),
    ("La Suède a eu 2,6 morts pour 100.000 habitants en 2015.", [2.6]),
    ("Il faut compter 500 euros pour 100 commentaires.", [500]),
])
def test_the_base_of_a_rate_is_no_statistic(sentence: str, kept: list[float]) -> None:
    assert values(sentence) == kept


@pytest.mark.parametrize("sentence", [
    "Entre les velléités d'une liste « 100 % gilets jaunes », l'extrême droite attend.",
    "Il vend un produit 100 % français.",
])
def test_a_hundred_percent_before_a_noun_or_adjective_is_an_intensifier(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize("sentence", [
    "« 100 % des salariés sont en grève », dit-il.",
    "Le taux atteint 100 % chez les jeunes.",
])
def test_a_hundred_percent_of_something_stays_a_statistic(sentence: str) -> None:
    assert values(sentence) == [100]


@pytest.mark.parametrize("sentence", [
    "Selon le bilan 2017 du ministère, la situation s'améliore.",
    "Le président chinois avait salué 2019 en promettant des réformes.",
    "Cet acte 10 clôture une semaine marquée par une polémique.",
    "Le pitch de la saison 2 reste celui de la saison 1.",
])
def test_a_year_and_a_numbered_act_are_no_statistics(sentence: str) -> None:
    assert values(sentence) == []


def test_a_year_read_as_a_bounded_count_stays() -> None:
    assert values("L'ONG estime à plus de 2000 le nombre de personnes encore dans le réduit.") == [2000]


@pytest.mark.parametrize("sentence", [
    "Ainsi peut être résumée, en quatre mots, la première année présidentielle.",
    "Une publication partagée par Konbini le 7 Févr.",
])
def test_in_a_few_words_and_an_abbreviated_date_are_no_statistics(sentence: str) -> None:
    assert values(sentence) == []


def test_a_denomination_is_no_sum() -> None:
    assert values("Ah, pour célébrer le dieu Pascal (le biffeton de 500 francs), les affaires reviennent.") == []
    assert values("Des billets de 500 euros pour une valeur de 2 millions d'euros ont été saisis.") == [2_000_000]
