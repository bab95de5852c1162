"""French counts after a definite article (issue 13, seventh round): a count of a set the
sentence gives is a statistic ("parmi les 40 élus", "aux douze personnes tuées depuis …", "la
trentaine de salariés"), one of a set the text spoke of before is not ("les deux policiers");
", dont 900 à Lyon" counts what the figure before counts."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def values(sentence: str) -> list[tuple[float | None, bool]]:
    return [(c.value, c.approximate) for c in suggest_statistics(sentence, None, "fr")]


@pytest.mark.parametrize(("sentence", "count"), [
    ("Parmi les quarante élus du conseil, la colère domine.", 40),
    ("Un hommage a été rendu aux douze personnes tuées depuis le début du conflit.", 12),
    ("Les familles des sept mineurs disparus dans la galerie attendent.", 7),
])
def test_a_definite_count_of_a_set_the_sentence_gives_is_a_statistic(sentence: str, count: float) -> None:
    assert values(sentence) == [(count, False)]


@pytest.mark.parametrize("sentence", [
    "Les deux policiers qui sont intervenus ont été félicités.",
    "Les trois enfants étaient sains et saufs.",
    "Les deux groupes se sont retrouvés par hasard.",
])
def test_a_definite_count_of_a_set_spoken_of_before_is_not(sentence: str) -> None:
    assert values(sentence) == []


@pytest.mark.parametrize(("sentence", "about"), [
    ("La réunion avec la trentaine de salariés a duré deux heures.", 30),
    ("Le préfet a reçu cette centaine d'agriculteurs en colère.", 100),
])
def test_an_approximate_count_after_a_definite_article_is_one(sentence: str, about: float) -> None:
    assert values(sentence) == [(about, True)]


@pytest.mark.parametrize("sentence", [
    "Il a passé la quarantaine sans bruit.",
    "Les voyageurs ont été placés en quarantaine.",
])
def test_an_age_or_a_quarantine_is_no_count(sentence: str) -> None:
    assert values(sentence) == []


def test_dont_n_at_a_place_counts_what_the_figure_before_counts() -> None:
    got = suggest_statistics("Le ministère a recensé 12 000 manifestants en France, dont 900 à Lyon.", None, "fr")
    assert [(c.value, c.unit) for c in got] == [(12000, "people"), (900, "people")]


def test_the_victims_of_an_event_after_a_definite_article_are_counted() -> None:
    assert values("La ville a honoré les 86 victimes de l'attentat.") == [(86, False)]


@pytest.mark.parametrize(("sentence", "value"), [
    ("Environ 69'000 policiers ont été déployés.", 69_000),  # Swiss French groups thousands with an apostrophe
    ("Quelque 84’000 manifestants ont défilé.", 84_000),
    ("Le déficit atteint 1 234 567,89 euros.", 1_234_567.89),
])
def test_thousands_grouped_as_written_are_one_number(sentence: str, value: float) -> None:
    assert [c.value for c in suggest_statistics(sentence, None, "fr")] == [value]


def test_others_in_quotation_marks_are_counted() -> None:
    got = suggest_statistics("Il était entouré d'une trentaine d'autres «faucheurs».", None, "fr")
    assert [(c.value, c.subject) for c in got] == [(30, "faucheurs")]


@pytest.mark.parametrize("sentence", [
    "Si les 100 euros accordés aux allocataires du Smic sont une bonne chose, il doute.",
    "Il cite les 100 euros de la hausse du Smic.",
])
def test_a_definite_sum_is_a_statistic(sentence: str) -> None:
    assert values(sentence) == [(100, False)]
