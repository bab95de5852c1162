"""French ranges whose unit is said at both ends or whose ends are far apart, and who says a
figure named inside or after its clause (issue 13, sixth round)."""

from __future__ import annotations

import pytest

from db.extract.statistics import StatisticCandidate, suggest_statistics


def found(sentence: str) -> list[StatisticCandidate]:
    return suggest_statistics(sentence, None, "fr")


@pytest.mark.parametrize(("sentence", "low", "high", "unit"), [
    ("Les hausses de loyer vont de 3 % à 7 % dans la région.", 3, 7, "%"),
    ("Les amendes vont de 135 € à 375 € selon la gravité.", 135, 375, "EUR"),
    ("La facture passera à un montant compris entre 80 euros et 120 euros.", 80, 120, "EUR"),
])
def test_a_range_repeating_its_unit_is_one_range(sentence: str, low: float, high: float, unit: str) -> None:
    got = found(sentence)
    assert [(c.value, c.low, c.high, c.unit) for c in got] == [(None, low, high, unit)]


def test_a_range_of_about_so_much_is_approximate() -> None:
    [got] = found("Les commerçants signalent des pertes de l'ordre de 10 % à 30 % du chiffre d'affaires.")
    assert (got.low, got.high, got.approximate) == (10, 30, True)


def test_a_unit_that_changes_makes_no_range() -> None:
    assert [c.value for c in found("Le taux est passé de 12 % à 18 % en deux ans.")] == [12, 18]


def test_a_spread_with_an_aside_between_its_ends_is_one_range() -> None:
    got = found("Les aides, s'échelonnant de 50 € par an, pour les foyers du premier décile (les 10 % "
                "les plus pauvres), à plus de 900 € pour les familles nombreuses, seront versées en mars.")
    assert [(c.value, c.low, c.high, c.unit) for c in got] == [(None, 50, 900, "EUR")]
    got = found("Les salaires varient de 1 500 euros pour un débutant à 4 000 euros pour un cadre.")
    assert [(c.low, c.high) for c in got] == [(1500, 4000)]


def test_two_sums_without_a_verb_of_spreading_stay_two() -> None:
    assert [c.value for c in found("Il a touché 200 euros en mai, puis 300 euros à la rentrée.")] == [200, 300]


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Le déficit atteindra 3,2 milliards d'euros, estime l'autorité présidée par Jean Dupont.",
     "l'autorité présidée par Jean Dupont"),
    ("Le projet coûtera 12 millions d'euros, affirme le comité dirigé par Marie Durand.",
     "le comité dirigé par Marie Durand"),
    # how it was said is no part of who said it
    ("Le coût est de 40 millions d'euros, a déclaré le maire interrogé par France Info.", "le maire"),
    ("Le coût est de 40 millions d'euros, indique la CGT par communiqué.", "la CGT"),
])
def test_who_leads_a_body_is_part_of_its_name(sentence: str, claimant: str) -> None:
    assert [c.claimant for c in found(sentence)] == [claimant]


def test_a_subject_saying_a_quotation_claims_its_figures() -> None:
    [got] = found("Après avoir reçu les syndicats, Marie Durand constate «des hausses de l'ordre de 5% à 8% "
                  "selon les régions».")
    assert (got.low, got.high, got.claimant) == (5, 8, "Marie Durand")
    [got] = found("Le préfet affirme « 3 000 postes seront créés ».")
    assert (got.value, got.claimant) == (3000, "Le préfet")


@pytest.mark.parametrize(("sentence", "value"), [
    ("Dimanche, ils n'étaient « que » 3 500 à s'être rassemblés dans la ville.", 3500),
    ("Ils n'étaient que 400 à manifester devant la mairie.", 400),
    ("Elles étaient 2 000 à se rassembler place Bellecour.", 2000),
])
def test_people_said_to_be_only_so_many_doing_something(sentence: str, value: float) -> None:
    assert [(c.value, c.unit) for c in found(sentence)] == [(value, "people")]


def test_times_something_was_done_after_its_participle_and_a_bound() -> None:
    [got] = found("La pétition a été signée plus de 20 000 fois, indique Le Parisien, et circule encore.")
    assert (got.value, got.low, got.claimant) == (20000, 20000, "Le Parisien")
    assert found("Il est venu deux fois cette semaine.") == []


def test_a_change_from_one_sum_to_another_is_no_range() -> None:
    got = found("Le budget participatif passe cette année de 100 000 euros à un million d'euros.")
    assert [(c.value, c.low, c.high) for c in got] == [(100000, None, None), (1000000, None, None)]


def test_kilometres_said_familiarly_are_a_distance() -> None:
    assert found("Je dois faire 30 bornes pour aller au travail.") == []
    assert [c.value for c in found("La ville a installé 300 bornes de recharge.")] == [300]
