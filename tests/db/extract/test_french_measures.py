"""The measure of a French figure in its base form, the infinitive (issue 13, ninth round), as the
Russian reader gives "погибнуть" for "погибли": "ont été interpellées" -> "interpeller"."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics
from db.extract.statistics.french_measures import base_form


@pytest.mark.parametrize(("sentence", "measure"), [
    ("Au total, 220 personnes ont été interpellées samedi.", "interpeller"),
    ("Les organisateurs comptaient 3 000 participants.", "compter"),
    ("Quatre des cinq compères travaillent dans la même usine.", "travailler"),
    ("Les combats ont fait 40 morts en mai.", "faire"),
    ("Les policiers dénombraient 300 manifestants.", "dénombrer"),
])
def test_a_figures_measure_is_its_verbs_infinitive(sentence: str, measure: str) -> None:
    assert suggest_statistics(sentence, None, "fr")[0].measure == measure


@pytest.mark.parametrize(("form", "infinitive"), [
    ("recensés", "recenser"), ("déférées", "déférer"), ("créées", "créer"), ("tuent", "tuer"),
    ("finissent", "finir"), ("mangeaient", "manger"), ("commençait", "commencer"), ("achètent", "acheter"),
    ("saisies", "saisir"), ("morts", "mourir"), ("atteint", "atteindre"), ("reçus", "recevoir"),
    ("admis", "admettre"), ("compris", "comprendre"), ("détruits", "détruire"), ("été", "être"),
])
def test_regular_and_irregular_forms_come_back_as_infinitives(form: str, infinitive: str) -> None:
    assert base_form(form) == infinitive


def test_a_noun_after_a_determiner_is_no_measure() -> None:
    assert suggest_statistics("« 100 % des salariés sont en grève », dit-il.", None, "fr")[0].measure is None


@pytest.mark.parametrize(("form", "infinitive"), [
    ("seraient", "être"), ("augmenteraient", "augmenter"), ("recenseront", "recenser"), ("finiraient", "finir"),
    ("pourrait", "pouvoir"),
])
def test_futures_and_conditionals_come_back_as_infinitives(form: str, infinitive: str) -> None:
    assert base_form(form) == infinitive


@pytest.mark.parametrize(("form", "infinitive"), [
    ("couvraient", "couvrir"), ("offrent", "offrir"), ("obtenaient", "obtenir"), ("inventé", "inventer"),
])
def test_the_ir_verbs_of_er_looking_stems(form: str, infinitive: str) -> None:
    assert base_form(form) == infinitive
