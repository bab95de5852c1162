"""Who claims a French figure, as a researcher reading the suggestion would name them: the
claimant's words cut to who it is, attributions said after a quotation or inverted, and the
thresholds of a rule that are no figure at all (issue 13, fourth round)."""

from __future__ import annotations

import pytest

from db.extract.statistics import StatisticCandidate, suggest_statistics


def found(sentence: str) -> list[StatisticCandidate]:
    return suggest_statistics(sentence, None, "fr")


def claimants(sentence: str) -> list[tuple[float | None, str | None]]:
    return [(c.value, c.claimant) for c in found(sentence)]


@pytest.mark.parametrize(("sentence", "who"), [
    # a participle clause of publication after a report goes
    ("Selon une note ministérielle parue en mars 2019, 4 300 postes seront supprimés.", "une note ministérielle"),
    ("Selon le rapport annuel publié mardi 12 mars, 340 écoles ont fermé.", "le rapport annuel"),
    # whom a poll was made for goes
    ("Deux Belges sur trois approuvent la réforme, selon le sondage Ipsos pour La Libre et la RTBF.",
     "le sondage Ipsos"),
    # a demonstrative points back to what it names
    ("Selon cette estimation syndicale, 12 000 enseignants ont fait grève.", "estimation syndicale"),
    # a relative clause after the claimant goes
    ("Selon la note qu'elle a transmise aux élus, 85 agents seront mutés.", "la note"),
])
def test_the_claimant_is_who_or_what_says_it_not_what_follows(sentence: str, who: str) -> None:
    assert [c.claimant for c in found(sentence)] == [who]


def test_a_figure_of_a_study_is_the_study_maker_s() -> None:
    assert claimants("Selon une étude de l'Observatoire des inégalités, 9 % des ménages sont pauvres.") == [
        (9, "Observatoire des inégalités")]


def test_a_selon_ends_before_mais_and_the_second_figure_has_its_own() -> None:
    assert claimants("Le cortège a réuni 12.000 personnes selon les syndicats mais 4000 selon la préfecture.") == [
        (12_000, "les syndicats"), (4000, "la préfecture")]


def test_a_selon_ends_before_a_coordinated_clause_with_its_own_verb() -> None:
    assert claimants("Les gendarmes ont saisi 300 plants de cannabis, selon le procureur et les douaniers ont "
                     "arrêté « plus d'une dizaine de passeurs ».") == [(300, "le procureur"), (10, None)]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Le ministre belge de l'Intérieur Jan Jambon a annoncé 420 arrestations.", "Jan Jambon"),
    ("La ministre de la Santé Maggie De Block a annoncé 300 lits supplémentaires.", "Maggie De Block"),
])
def test_a_name_after_an_office_opening_the_sentence_is_the_claimant(sentence: str, who: str) -> None:
    assert [c.claimant for c in found(sentence)] == [who]


def test_a_name_after_de_is_a_complement_not_a_person_after_a_title() -> None:
    [got] = found("Selon l'édition belge du Soir Magazine, 40 000 exemplaires ont été vendus.")
    assert got.claimant == "l'édition belge du Soir Magazine"


def test_who_recognises_a_figure_claims_it_a_year_between_commas_too() -> None:
    assert claimants("L'Office des étrangers a reconnu, en 2018, 2 400 personnes comme réfugiés.") == [
        (2400, "L'Office des étrangers")]


def test_who_demands_a_figure_claims_that_one_only() -> None:
    assert claimants("La centrale syndicale réclame 5 % de hausse pour les quelque 30 000 agents du secteur.") == [
        (5, "La centrale syndicale"), (30_000, None)]


def test_a_verb_after_a_quotation_names_its_speaker_for_the_whole_quotation() -> None:
    assert claimants("« On nous promet 200 euros de plus, mais rien sur les loyers », soupire Karim avant "
                     "de repartir.") == [(200, "Karim")]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Les dégâts atteignent 2 millions d'euros, poursuit la porte-parole.", "la porte-parole"),
    ("« Il y avait bien 3 000 personnes, commente un organisateur.", "un organisateur"),
])
def test_a_verb_of_saying_inverted_after_what_is_said(sentence: str, who: str) -> None:
    assert [c.claimant for c in found(sentence)] == [who]


def test_an_inverted_verb_with_an_object_names_no_one() -> None:
    assert [c.claimant for c in found(
        "L'ancien directeur, condamné pour avoir détourné 40 000 euros, regrette une erreur de jugement.")] == [None]


@pytest.mark.parametrize(("sentence", "who"), [
    ("« Près de 800 manifestants ont été comptés », lit-on dans Le Soir.", "Le Soir"),
    ("Le trafic a baissé de 30 %, indique-t-on à la SNCB.", "SNCB"),
])
def test_where_it_was_read_or_said(sentence: str, who: str) -> None:
    assert [c.claimant for c in found(sentence)] == [who]


@pytest.mark.parametrize("sentence", [
    "La prime sera versée aux salariés qui gagnent moins de 2 500 euros par mois.",
    "Le gouvernement supprime la taxe pour les pensions de moins de 1 500 euros.",
    "Les ménages percevant plus de 4 000 euros paieront davantage.",
])
def test_the_threshold_of_a_rule_is_no_figure(sentence: str) -> None:
    assert [c.value for c in found(sentence)] == []


def test_a_sum_one_person_earned_is_a_figure() -> None:
    assert [c.value for c in found("Le directeur a touché plus de 120.000 euros en primes.")] == [120_000]


@pytest.mark.parametrize(("sentence", "who"), [
    ("Aux dires des riverains, 40 maisons ont été inondées.", "riverains"),
    ("De l'avis du médecin légiste, trois coups ont été portés.", "médecin légiste"),
])
def test_selon_said_otherwise(sentence: str, who: str) -> None:
    assert [c.claimant for c in found(sentence)] == [who]


def test_what_someone_announced_is_theirs() -> None:
    assert claimants("Les annonces de Charles Michel, dont une baisse de 5 % des taxes, ont déçu.") == [
        (5, "Charles Michel")]
    assert claimants("Les promesses du gouvernement portent sur 300 millions d'euros.") == [
        (300_000_000, "gouvernement")]


def test_the_figures_of_a_thing_name_no_one() -> None:
    assert claimants("Les chiffres du chômage montrent 10 % de demandeurs.") == [(10, None)]


@pytest.mark.parametrize(("sentence", "who"), [
    # figures given out by someone are theirs; a poll keeps its words
    ("Selon les chiffres transmis par la gendarmerie, 64 véhicules ont été verbalisés.", "la gendarmerie"),
    ("Selon un décompte établi par le syndicat pour la presse, 9 000 agents ont fait grève.", "le syndicat"),
    ("Selon un sondage réalisé par Harris, 58 % des sondés approuvent.", "un sondage réalisé par Harris"),
    # "sur place" says where who was, not who
    ("Environ 600 personnes étaient présentes, selon nos reporters sur place.", "nos reporters"),
    # inverted verbs written with a grave accent
    ("Le taux atteint 14 % chez les jeunes, relève l'Observatoire.", "l'Observatoire"),
    ("Près de 40 % des élèves sont concernés, révèle une enquête du rectorat.", "rectorat"),
])
def test_who_gave_the_figures_out(sentence: str, who: str) -> None:
    assert [c.claimant for c in found(sentence)] == [who]
