"""French claimants of a relative clause and of an announced amount (issue 13, ninth round): "par le
ministère qui a fait état de …" without a comma, after a name, an office or a body (not a complement,
"du président des États-Unis qui"), "Les habitants qui ont fait état de" without "qui", within its sentence; a relative after
a person's apposition is the person's ("X, économiste chez Y, qui anticipe"); "X annonce une perte de
45 millions" names X."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def claimants(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value, c.claimant) for c in suggest_statistics(sentence, None, "fr")]


def test_a_body_that_reports_in_a_relative_clause_without_a_comma_claims() -> None:
    assert claimants("Quelque 136.000 manifestants ont été recensés samedi par le ministère de l'Intérieur qui a "
                     "fait état dimanche de 2.000 personnes interpellées.") == \
        [(136000, "le ministère de l'Intérieur"), (2000, "le ministère de l'Intérieur")]


def test_who_opens_a_relative_clause_claims_without_the_relative_pronoun() -> None:
    assert claimants("Les habitants qui ont fait état de 300 cambriolages sont inquiets.") == [(300, "Les habitants")]


def test_a_subject_does_not_reach_the_next_sentence() -> None:
    sentence = ("Le ministère de l'Intérieur qui affirme que tout va bien a parlé.Des bénévoles, parmi les 700 000 "
                "volontaires inscrits, partiront.")
    assert claimants(sentence) == [(700000, None)]
    assert claimants("La CGT a recensé 180 manifestations.Entre 2000 et 5000 personnes ont envahi les rues de Nice.") \
        == [(180, "La CGT"), (5000, None)]


def test_a_relative_after_a_persons_apposition_is_the_persons() -> None:
    assert claimants("«Il est de nature à soutenir la croissance», estime Hélène Baudchon, économiste chez BNP "
                     "Paribas, qui anticipe 1,6 % de croissance en 2019.") == [(1.6, "Hélène Baudchon")]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Fnac Darty annonce une perte de chiffre de 45 millions d'euros sur la fin de l'année.", "Fnac Darty"),
    ("La direction a annoncé un taux de grévistes de 33,9 % en matinée.", "La direction"),
])
def test_who_announces_an_amount_by_its_size_claims_it(sentence: str, who: str) -> None:
    assert [w for _v, w in claimants(sentence)] == [who]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Adnane Afrine, un porte-parole des FDS, estime à plus de 2000 le nombre de personnes dans le réduit.",
     "Adnane Afrine"),
    ("Après les heurts, Anne Hidalgo, la maire de Paris, avait estimé à 4 millions d'euros les dégâts.", "Anne Hidalgo"),
])
def test_a_person_before_an_apposition_is_who_counts(sentence: str, who: str) -> None:
    assert [w for _v, w in claimants(sentence)] == [who]


def test_a_persons_name_keeps_its_particles() -> None:
    assert claimants("La police a arrêté 74 personnes vendredi, a indiqué la porte-parole de la police de "
                     "Bruxelles-Ixelles Ilse Van de Keere.") == [(74, "Ilse Van de Keere")]
    assert claimants("Le taux atteint 1,4 %, a indiqué la Banque Centrale de France.") == \
        [(1.4, "la Banque Centrale de France")]


def test_selon_x_loses_the_verb_that_follows_it() -> None:
    assert claimants("Sur les Champs-Elysées, 300.000 personnes selon le ministère de l'Intérieur se sont "
                     "rassemblées pour attendre minuit.") == [(300000, "le ministère de l'Intérieur")]


def test_a_year_in_what_the_figures_are_of_goes_with_it() -> None:
    assert claimants("Selon le bilan 2017 du Ministère de l'intérieur, les menaces ont baissé de 7,2% en 2017.") \
        == [(7.2, "Ministère de l'intérieur")]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Il y a eu, selon M. Castaner, 409 blessés.", "M. Castaner"),
    ("D'après M. Martinez, la fréquentation a chuté de 30 % ces dernières années.", "M. Martinez"),
])
def test_a_leading_claimant_keeps_the_full_stop_of_its_title(sentence: str, who: str) -> None:
    assert [w for _v, w in claimants(sentence)] == [who]


def test_a_fragment_quoted_inside_the_sentence_does_not_hide_its_figures() -> None:
    assert claimants("Au total, près de 130 personnes ont été interpellées, dont 101 dans un lycée occupé, dans "
                     "«un premier temps pour contrôle d'identité», a précisé la préfecture.") == \
        [(130, "la préfecture"), (101, "la préfecture")]
    # a quotation that opens its saying still keeps to its own figures
    assert claimants("Il y avait 300 personnes. « C'est trop », a dit le maire.") == [(300, None)]


def test_a_part_of_the_people_spoken_of_counts_people() -> None:
    found = suggest_statistics("Ils ont été mis en examen et deux d'entre eux sont en détention provisoire, a "
                               "indiqué une source judiciaire.", None, "fr")
    assert [(c.value, c.unit, c.claimant) for c in found] == [(2, "people", "une source judiciaire")]
