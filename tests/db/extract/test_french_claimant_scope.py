"""How far a French claimant reaches (issue 13, seventh round): a "selon X" before a list of
figures governs the whole list, a clause of contrast ("tandis que", "alors que") ends its reach,
a court, a report or a body claims what it finds with "observe que" / "considère que", and an
adjective that looks like a verb of saying ("précises") names no one."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def claimants(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value if c.value is not None else c.low, c.claimant) for c in suggest_statistics(sentence, None, "fr")]


def test_a_selon_before_a_list_of_figures_claims_every_one_of_them() -> None:
    assert claimants("On comptait selon la gendarmerie environ 3.200 personnes à Lyon, 1.100 à Grenoble, "
                     "900 à Valence.") == [(3200, "la gendarmerie"), (1100, "la gendarmerie"), (900, "la gendarmerie")]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Il y avait selon les syndicats plus de 4 000 grévistes.", "les syndicats"),
    ("On dénombrait selon la mairie 2 500 visiteurs.", "la mairie"),
])
def test_the_claimant_ends_where_the_figure_begins(sentence: str, who: str) -> None:
    assert [c for _v, c in claimants(sentence)] == [who]


def test_two_claimants_joined_by_et_each_keep_their_figure() -> None:
    assert claimants("La marche a réuni 1 400 personnes selon la police et 3 000 selon les organisateurs.") == [
        (1400, "la police"), (3000, "les organisateurs")]


@pytest.mark.parametrize("contrast", ["tandis qu'à", "alors qu'à"])
def test_a_selon_after_a_clause_of_contrast_does_not_reach_before_it(contrast: str) -> None:
    sentence = (f"Deux cents agriculteurs ont manifesté à Rennes, {contrast} Brest, 600 personnes ont défilé, "
                "selon la préfecture du Finistère.")
    assert claimants(sentence) == [(200, None), (600, "la préfecture du Finistère")]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Dans son jugement, le tribunal observe que 45 plaintes ont été déposées.", "le tribunal"),
    ("La Cour des comptes considère que 30 % des aides sont mal ciblées.", "La Cour des comptes"),
    ("Le rapport juge que 1 200 postes manquent.", "Le rapport"),
])
def test_a_court_a_report_or_a_body_claims_what_it_finds(sentence: str, who: str) -> None:
    assert [c for _v, c in claimants(sentence)] == [who]


def test_an_observer_with_an_object_claims_nothing() -> None:
    assert claimants("Le maire observe 300 cyclistes chaque matin.") == [(300, None)]


def test_an_adjective_like_a_verb_of_saying_names_no_one() -> None:
    assert claimants("Le ministre s'est engagé sur trois mesures précises: une prime de 200 euros pour les "
                     "apprentis.") == [(3, None), (200, None)]


def test_a_selon_before_a_verb_names_who_the_verb_s_figures_are_of() -> None:
    assert claimants("Le déficit, qui selon le ministre pourrait grimper à 2,5 %, inquiète.") == [(2.5, "le ministre")]


def test_a_figure_that_completes_what_follows_selon_is_no_one_s() -> None:
    assert claimants("La réforme devrait se traduire selon l'institut par une baisse de 1,5 % des prix.") == [(1.5, None)]


def test_a_relative_after_the_claimant_still_leaves_it_the_figures_before() -> None:
    assert claimants("À Lille, 210 personnes ont été interpellées, selon un bilan de la préfecture qui chiffre à "
                     "40 le nombre de blessés.") == [(210, "préfecture"), (40, None)]


def test_a_date_after_the_claimant_stays_in_it() -> None:
    assert claimants("Deux tiers des Français, selon un sondage Ifop du 12 mars, soutiennent la grève. 58 % la "
                     "jugent utile, selon un sondage Ifop du 12 mars.")[-1] == (58, "un sondage Ifop du 12 mars")


@pytest.mark.parametrize(("sentence", "who"), [
    ("Le syndicat a indiqué – sans surprise – que 300 postes seront supprimés.", "Le syndicat"),
    ("Le juge Paul Martin a finalement retenu – tout bien pesé – que la société doit 2 millions d'euros.",
     "Paul Martin"),
])
def test_an_aside_between_dashes_may_stand_before_que(sentence: str, who: str) -> None:
    assert [c for _v, c in claimants(sentence)] == [who]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Il y a eu 310 blessés, selon un bilan donné mardi soir par la préfecture.", "la préfecture"),
    ("Les urgences ont reçu 84 personnes, selon un décompte établi vers 21h00 par l'AP-HP.", "l'AP-HP"),
    ("Le patron touche 90 000 euros par mois, selon les chiffres dévoilés par Mediapart.", "Mediapart"),
    ("Selon les statistiques de l'Insee datant de 2016, 12 % des ménages sont pauvres.", "Insee"),
    ("La marche a réuni 5 200 personnes selon un comptage réalisé pour plusieurs médias.", "un comptage"),
])
def test_the_claimant_is_who_gave_the_figures_not_when_or_for_whom(sentence: str, who: str) -> None:
    assert [c for _v, c in claimants(sentence)] == [who]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Les ventes ont baissé, alors que Bercy tablait sur une hausse de 3 %.", "Bercy"),
    ("La moitié approuve, tandis qu'une enquête Ifop indique que 48 % des sondés doutent.", "une enquête Ifop"),
    ("Quelque 900 manifestants ont été recensés par la préfecture dont 200 à Caen.", "la préfecture"),
])
def test_a_conjunction_or_a_part_after_who_is_no_part_of_the_claimant(sentence: str, who: str) -> None:
    assert [c for _v, c in claimants(sentence)][:1] == [who]


def test_a_clause_after_a_conjunction_names_no_one() -> None:
    assert claimants("Alors que bon nombre de médias ont relayé des enquêtes affirmant que 70 % des gens "
                     "approuvent, les instituts contestent.") == [(70, None)]


def test_a_passive_with_an_adverb_names_no_one() -> None:
    assert claimants("Le déficit, alors que le cheptel est actuellement estimé à plus de 2 millions de têtes, "
                     "se creuse.") == [(2_000_000, None)]


def test_bodies_that_report_a_figure_in_the_plural_claim_it() -> None:
    assert claimants("Les syndicats font état de 1 200 grévistes.") == [(1200, "Les syndicats")]
