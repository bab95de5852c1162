"""Who claims a French figure when the verb of saying stands inverted in a compound tense ("avait
concédé mi-janvier X", "a insisté X, en rappelant que"), and what a "selon" names that is no one:
figures with no publisher ("selon des chiffres publiés vendredi"), a method ("selon la méthode
des quotas") (issue 13, eighth round)."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def claimants(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value, c.claimant) for c in suggest_statistics(sentence, None, "fr")]


@pytest.mark.parametrize(("sentence", "who"), [
    ("«Le chantier coûtera 40 millions d'euros», avait concédé mi-mars Jean Dupont, le maire de la ville.",
     "Jean Dupont"),
    ("Le chantier coûtera 40 millions d'euros, a concédé lundi le ministre des Finances.", "le ministre des Finances"),
    ("«Le chantier coûtera 40 millions d'euros», a ensuite admis la préfecture.", "la préfecture"),
    ("Les ventes ont reculé de 40 millions d'euros, a commenté hier le directeur.", "le directeur"),
])
def test_an_inverted_verb_in_a_compound_tense_names_who_says_it(sentence: str, who: str) -> None:
    assert claimants(sentence) == [(40_000_000, who)]


def test_what_an_inverted_speaker_goes_on_to_say_is_theirs() -> None:
    assert claimants("Au contraire, a insisté Marie Durand, en rappelant que la ville détient 30 % du capital.") == [
        (30, "Marie Durand")]


def test_an_inverted_participle_with_no_speaker_after_it_names_no_one() -> None:
    assert claimants("Les ventes ont progressé de 3 %, a regretté la baisse des marges.") == [(3, None)]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Selon des données publiées jeudi, l'Insee a recensé 2,5 millions de chômeurs.", "l'Insee"),
    ("Selon des chiffres publiés vendredi, d'octobre à décembre, Pôle emploi a recensé en moyenne 3,6 millions "
     "de demandeurs d'emploi.", "Pôle emploi"),
    ("Selon les derniers chiffres connus, 300 personnes ont été évacuées.", None),
])
def test_figures_with_no_publisher_are_no_claimant(sentence: str, who: str | None) -> None:
    assert [w for _v, w in claimants(sentence)] == [who]


def test_figures_of_a_publisher_are_the_publisher_s() -> None:
    assert claimants("Selon les chiffres du ministère, 300 personnes ont été évacuées.") == [(300, "ministère")]


@pytest.mark.parametrize("sentence", [
    "Le sondage a été réalisé auprès de 1 000 personnes, selon la méthode des quotas.",
    "Selon le modèle retenu, 300 postes seraient supprimés.",
    "Selon l'hypothèse haute, 300 postes seraient supprimés.",
    "Les péages augmenteront de 300 euros, selon un mécanisme de calcul fixé dans les contrats.",
])
def test_a_method_or_a_model_is_no_claimant(sentence: str) -> None:
    assert [w for _v, w in claimants(sentence)] == [None]


def test_an_inverted_speaker_does_not_reach_the_sentence_before_a_quotation_glued_to_it() -> None:
    assert claimants("Le péage augmentera de 1,9 % en février.«J'ai engagé des discussions "
                     "avec les sociétés, a martelé la ministre mardi sur France Inter.") == [(1.9, None)]
