"""French figures whose noun is said once for two of them or left out, shares of a whole after
"les", and who says them when named after the office or with a possessive (issue 13, fifth round)."""

from __future__ import annotations

import pytest

from db.extract.statistics import StatisticCandidate, suggest_statistics


def found(sentence: str) -> list[StatisticCandidate]:
    return suggest_statistics(sentence, None, "fr")


@pytest.mark.parametrize(("sentence", "values", "subject"), [
    # a bare figure before its verb stands for the noun of the figure before it
    ("Sur les 310 dossiers déposés, seuls 45 ont été retenus.", [310, 45], "dossiers"),
    ("Plus de 90 écoles ont rouvert, dont 12 sont encore sans chauffage.", [90, 12], "écoles"),
    ("La mairie a reçu 64 plaintes, et 20 se sont révélées fondées.", [64, 20], "plaintes"),
])
def test_a_figure_standing_for_the_noun_before_it(sentence: str, values: list[float], subject: str) -> None:
    got = found(sentence)
    assert [c.value for c in got] == values
    assert {c.subject for c in got} == {subject}


def test_a_bare_figure_without_a_noun_before_counts_nothing() -> None:
    assert [c.value for c in found("Il en reste 12 sont partis, dit-on.")] == []


def test_two_figures_of_one_noun_said_once() -> None:
    got = found("La motion a recueilli 210 voix pour, contre 14 et 31 abstentions.")
    assert [c.value for c in got] == [210, 14, 31]
    assert got[1].subject == got[2].subject == "abstentions"
    got = found("Le salon a attiré 500 et 600 visiteurs les deux premiers jours.")
    assert [(c.value, c.unit) for c in got] == [(500, "people"), (600, "people")]


def test_vague_counts_joined_by_voire() -> None:
    got = found("Le festival attire les centaines, voire les milliers de visiteurs chaque été.")
    assert [(c.value, c.low, c.unit) for c in got] == [(None, 200, "people"), (None, 2000, "people")]


def test_a_vague_count_of_other_things() -> None:
    got = found("Le marais abrite des dizaines d'autres oiseaux migrateurs.")
    assert [(c.low, c.subject) for c in got] == [(20, "oiseaux migrateurs")]


def test_a_share_of_a_whole_after_les_is_a_figure() -> None:
    assert [(c.value, c.unit) for c in found("Le plan oublie les 40 % de la population qui vivent à la campagne.")] == [
        (40, "%")]
    assert [(c.value, c.unit) for c in found("Les 15 % de salariés en CDD seront titularisés.")] == [(15, "%")]


def test_a_level_approached_is_still_a_back_reference() -> None:
    assert [c.value for c in found("Le déficit se rapproche des 4 % du PIB, à 3,8 % cette année.")] == [3.8]


def test_points_that_are_places_are_counted() -> None:
    assert [c.value for c in found("La police a installé six points de contrôle et trois points noirs.")] == [6, 3]
    assert [c.value for c in found("L'équipe a pris trois points d'avance.")] == []


@pytest.mark.parametrize(("sentence", "who"), [
    ("Au total, 350 tonnes de déchets ont été ramassées, a indiqué le chef du service d'hygiène, Karim Belkacem.",
     "Karim Belkacem"),
    ("Un premier lot de 8 000 vaccins est arrivé, a précisé la directrice de la santé, Mme Nadia Ferhat, ajoutant"
     " que la campagne continue.", "Nadia Ferhat"),
])
def test_a_name_in_apposition_after_the_office_is_who_says_it(sentence: str, who: str) -> None:
    assert [c.claimant for c in found(sentence)] == [who]


def test_an_office_alone_stays_the_claimant() -> None:
    assert [c.claimant for c in found("Au total, 40 logements ont été livrés, a indiqué le directeur de l'habitat.")] \
        == ["le directeur de l'habitat"]


def test_a_possessive_before_who_says_it() -> None:
    assert [c.claimant for c in found("Les pertes sont évaluées à 3 millions d'euros, souligne notre interlocuteur.")] \
        == ["notre interlocuteur"]


def test_selon_with_a_coordinated_adverbial_keeps_who() -> None:
    got = found("Selon les riverains et même à l'œil nu, 4 immeubles penchent dangereusement.")
    assert [(c.value, c.claimant) for c in got] == [(4, "les riverains")]


@pytest.mark.parametrize(("sentence", "value", "who"), [
    ("Les grévistes étaient 3 400 à Lille, selon la préfecture.", 3400, "la préfecture"),
    ("Ils étaient plus de 900 selon les syndicats.", 900, "les syndicats"),
    ("Elles sont environ 250 devant la mairie.", 250, None),
])
def test_people_said_to_be_a_number(sentence: str, value: float, who: str | None) -> None:
    assert [(c.value, c.unit, c.claimant) for c in found(sentence)] == [(value, "people", who)]


def test_a_thing_said_to_be_a_number_is_not_people() -> None:
    assert [c.unit for c in found("Les tarifs sont 12 % plus élevés à Paris.")] == ["%"]


def test_a_fall_by_a_range_is_a_range() -> None:
    assert [(c.low, c.high) for c in found("Les ventes ont reculé de 15 à 20 % en décembre.")] == [(15, 20)]
    assert [(c.low, c.high) for c in found("Les recettes ont baissé de 2 à 3 millions d'euros.")] == [
        (2_000_000, 3_000_000)]
    # where it was and where it is: a change, not a range
    assert [c.value for c in found("Le nombre de blessés est passé de 12 à 20.")] == [12, 20]


def test_a_range_opened_inside_a_quotation() -> None:
    assert [(c.low, c.high, c.unit) for c in found("Le coût est estimé à «entre 4 et 6 milliards d'euros».")] == [
        (4e9, 6e9, "EUR")]


@pytest.mark.parametrize("sentence", [
    "Le revenu des 5 % les plus riches a augmenté.",
    "La mesure vise les 20 % des ménages les plus modestes.",
    "Parmi eux, les 0,5 % d'entre eux les plus aisés paient davantage.",
])
def test_a_group_a_share_defines_is_no_figure(sentence: str) -> None:
    assert [c.value for c in found(sentence)] == []


@pytest.mark.parametrize(("sentence", "value", "low", "approximate"), [
    ("Le nombre d'inscrits s'établit à 2,6 millions.", 2_600_000, None, False),
    ("Les dons se montent à 48 000 euros.", 48_000, None, False),
    ("Le nombre de cas avoisine 9 000.", 9_000, None, True),
    ("Des pointes dépassant les 120 visiteurs par heure ont été notées.", 120, 120, False),
    ("Le bilan a franchi la barre des 500 morts.", 500, 500, False),
])
def test_a_figure_a_verb_of_level_gives(sentence: str, value: float, low: float | None, approximate: bool) -> None:
    assert [(c.value, c.low, c.approximate) for c in found(sentence)] == [(value, low, approximate)]


def test_a_level_not_reached_is_no_lower_bound() -> None:
    assert [(c.value, c.low) for c in found("Le site n'a pas dépassé les 3 000 abonnés.")] == [(3000, None)]


def test_a_bar_that_is_a_rule_is_no_figure() -> None:
    assert found("Le déficit restera sous la barre des 3 % fixée par Bruxelles.") == []


def test_a_figure_listed_again_by_place_or_day_counts_the_same() -> None:
    got = found("Les manifestants étaient 4 000 à Lyon, 1 200 à Grenoble, contre 6 000 samedi dernier.")
    assert [(c.value, c.unit) for c in got] == [(4000, "people"), (1200, "people"), (6000, "people")]
