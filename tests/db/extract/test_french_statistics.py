"""Statistic suggestions in French: numbers in digits the French way and in words, bounds, ranges,
vague counts, who claims them, and the numbers that are not statistics (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.archive import Archive
from db.dates import PartialDate
from db.extract.statistics import StatisticCandidate, suggest_statistics
from db.importer.run import import_file
from db.suggestions import suggestions_for_source


def one(sentence: str, published: PartialDate | None = None) -> StatisticCandidate:
    [found] = suggest_statistics(sentence, published, "fr")
    assert sentence[found.start:found.end] == found.quote
    return found


@pytest.mark.parametrize(("sentence", "value"), [
    ("Les secours ont évacué 1 200 habitants du quartier.", 1200),
    ("Les secours ont évacué 1\u00a0200 habitants du quartier.", 1200),
    ("Le camp accueille désormais 12\u202f300 réfugiés.", 12_300),
    ("Les dégâts sont estimés à 1,5 million d'euros par l'assureur.", 1_500_000),
    ("L'État a débloqué 2,3 milliards de dollars pour la reconstruction.", 2_300_000_000),
    ("Quelque 165 000 électeurs se sont abstenus.", 165_000),
    ("Vingt-trois manifestants ont été interpellés.", 23),
    ("Dix-neuf soldats ont déserté la caserne.", 19),
    ("Quatre-vingts familles ont perdu leur logement.", 80),
    ("La crue a détruit deux mille cinq cents maisons.", 2500),
    ("Le tribunal a condamné la société à une amende de 2.500.000 francs guinéens.", 2_500_000),
])
def test_numbers_in_digits_and_words(sentence: str, value: float) -> None:
    assert one(sentence).value == value


def test_a_percentage_and_money_have_their_unit() -> None:
    assert one("Le chômage a reculé de 12 % chez les jeunes.").unit == "%"
    assert one("Le chômage a reculé de 12 pour cent chez les jeunes.").unit == "%"
    assert one("La mairie a versé 40 000 euros aux sinistrés.").unit == "EUR"


def test_bounds_make_low_or_high_and_approximate() -> None:
    least = one("Au moins 40 civils ont été blessés dans l'explosion.")
    assert (least.value, least.low, least.high) == (40, 40, None)
    more = one("Plus de 300 maisons ont été inondées.")
    assert (more.value, more.low) == (300, 300)
    more_elided = one("Les pompiers ont secouru plus d'une centaine de randonneurs.")
    assert (more_elided.value, more_elided.low, more_elided.approximate) == (100, 100, True)
    up_to = one("Le convoi comptait jusqu'à 30 camions.")
    assert (up_to.value, up_to.high) == (30, 30)
    fewer = one("Moins de 50 électeurs se sont déplacés.")
    assert (fewer.value, fewer.high) == (50, 50)
    nearly = one("Près de 900 familles attendent un relogement.")
    assert (nearly.value, nearly.high, nearly.approximate) == (900, 900, True)
    about = one("Environ 70 migrants ont été secourus en mer.")
    assert (about.value, about.approximate) == (70, True)


def test_ranges_are_low_and_high_without_a_best_value() -> None:
    between = one("Entre 2 et 3 millions de personnes ont fui la région.")
    assert (between.value, between.low, between.high) == (None, 2_000_000, 3_000_000)
    from_to = one("De 10 à 20 otages seraient encore détenus.")
    assert (from_to.value, from_to.low, from_to.high) == (None, 10, 20)
    bare = one("Les affrontements ont fait 150 à 200 morts.")
    assert (bare.value, bare.low, bare.high) == (None, 150, 200)
    either = one("Trois ou quatre véhicules ont été incendiés.")
    assert (either.low, either.high) == (3, 4)


def test_approximate_and_vague_counts() -> None:
    twenty = one("Une vingtaine de gendarmes ont encerclé le bâtiment.")
    assert (twenty.value, twenty.approximate, twenty.unit) == (20, True, "people")
    tens = one("Des dizaines de villages ont été rasés.")
    assert (tens.value, tens.low, tens.approximate) == (None, 20, True)
    hundreds = one("Plusieurs centaines de détenus ont entamé une grève de la faim.")
    assert (hundreds.value, hundreds.low) == (None, 200)
    tens_of_thousands = one("Des dizaines de milliers de manifestants ont défilé.")
    assert tens_of_thousands.low == 20_000


@pytest.mark.parametrize("sentence", [
    "Le sommet s'est ouvert le 24 septembre à Genève.",
    "Le barrage a été construit en 1987.",
    "La réunion a commencé à 10 h 30 et s'est terminée vers 12h15.",
    "Le suspect, âgé de 45 ans, a été placé en garde à vue.",
    "Il a été condamné à trois ans de prison ferme.",
    "Il est poursuivi en vertu de l'article 317 du code pénal.",
    "La 2e division a quitté la ville au XXe siècle.",
    "Il a été élu au 1er tour.",
    "Le club l'a emporté 3-1 face à Nantes.",
    "La vague a atteint sept mètres de haut.",
    "Les rafales ont soufflé à 140 km/h sur la côte.",
    "Le virus du Covid-19 circule toujours.",
    "La population a été multipliée par cinq depuis la guerre.",
    "Les trois enfants sont sains et saufs.",
    "Un homme a été arrêté devant la gare.",
    "La température a atteint 42 °C à Lyon.",
    "Un élève sur cinq redouble sa seconde.",
    "Marseille s'est imposé 3 à 1 face à Lille.",
    "Une quarantaine de kilomètres séparent les deux camps.",
    "Le cours du baril a reculé à 78 dollars.",
    "Le kilo de tomates coûte 4,20 euros au marché.",
])
def test_dates_times_ages_terms_articles_ordinals_scores_are_not_statistics(sentence: str) -> None:
    assert suggest_statistics(sentence, None, "fr") == []


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Selon la préfecture, 1 500 personnes ont manifesté samedi.", "la préfecture"),
    ("D'après l'Observatoire syrien des droits de l'homme, 35 civils ont été tués.",
     "l'Observatoire syrien des droits de l'homme"),
    ("Au moins 12 soldats ont été tués, selon l'état-major.", "l'état-major"),
    ("Sept mineurs sont portés disparus, a indiqué la gendarmerie.", "la gendarmerie"),
    ("Quinze blessés ont été hospitalisés, a déclaré le porte-parole Jean Dupuis.", "Jean Dupuis"),
    ("Plus de 60 maisons sont détruites, affirme la Croix-Rouge.", "la Croix-Rouge"),
    ("Le Haut-Commissariat a annoncé que 4 000 réfugiés avaient franchi la frontière.", "Le Haut-Commissariat"),
    ("Selon les derniers chiffres du ministère de la Santé, 240 patients sont hospitalisés.",
     "ministère de la Santé"),
    ("De source policière, 12 personnes ont été interpellées.", "source policière"),
    ("Trente-deux rebelles ont été capturés, de source militaire.", "source militaire"),
    ("Huit policiers ont été blessés, a-t-il précisé.", None),
    ("Il affirme que 30 personnes ont disparu.", None),
    ("La police a arrêté 14 suspects.", None),
])
def test_who_claims_the_figures(sentence: str, claimant: str | None) -> None:
    assert one(sentence).claimant == claimant


def test_a_count_compared_or_claimed_again_counts_what_the_count_before_counts() -> None:
    compared = suggest_statistics("La préfecture a enregistré 1 245 cambriolages en 2021, contre 980 en 2020.",
                                  None, "fr")
    assert [(f.value, f.unit, f.period_start) for f in compared] == [
        (1245, "cambriolages", PartialDate(2021)), (980, "cambriolages", PartialDate(2020))]
    two_counts = suggest_statistics("Près de 800 000 personnes ont défilé, selon les syndicats, 190 000 selon "
                                    "le ministère.", None, "fr")
    assert [(f.value, f.unit, f.claimant) for f in two_counts] == [
        (800_000, "people", "les syndicats"), (190_000, "people", "le ministère")]


def test_a_sum_of_money_is_a_statistic_but_a_price_per_unit_is_not() -> None:
    assert one("Le tribunal a alloué 30 000 euros de dommages aux plaignants.").unit == "EUR"
    assert one("Sur l'action civile, il a été condamné à verser 8 000 euros.").value == 8000


def test_a_body_that_says_it_did_something_claims_the_figure() -> None:
    assert one("La marine affirme avoir intercepté une trentaine d'embarcations.").claimant == "La marine"


def test_a_trailing_attribution_covers_its_own_clause_only() -> None:
    found = suggest_statistics("Les combats ont fait 40 morts en mai ; 25 soldats ont été capturés, "
                               "selon l'armée.", None, "fr")
    assert [(f.value, f.claimant) for f in found] == [(40, None), (25, "l'armée")]


def test_what_is_counted_what_happened_when_and_where() -> None:
    found = one("En 2014, 249 combattants ont été tués au Daghestan.")
    assert (found.subject, found.unit, found.measure) == ("combattants", "people", "tuer")
    assert (found.period_start, found.period_end) == (PartialDate(2014), PartialDate(2014))
    assert found.place == "Daghestan"
    since = one("Depuis 2011, plus de 5 000 civils ont été tués.", PartialDate(2015, 3, 1))
    assert (since.period_start, since.period_end) == (PartialDate(2011), PartialDate(2015, 3, 1))
    span = one("Entre 2010 et 2014, 800 écoles ont fermé.")
    assert (span.period_start, span.period_end) == (PartialDate(2010), PartialDate(2014))


def test_a_french_source_imported_gets_french_suggestions(archive: Archive, tmp_path: Path) -> None:
    path = tmp_path / "depeche.txt"
    path.write_text("Selon le ministère de l'Intérieur, au moins 18 assaillants ont été tués lors d'un "
                    "assaut près de Bamako. Deux gendarmes ont été blessés, a indiqué la gendarmerie. "
                    "D'après une ONG locale, entre 300 et 400 habitants ont fui le village en 2019.\n",
                    encoding="utf-8")
    [result] = import_file(archive, path)
    assert result.source_id is not None
    with archive.session() as session:
        found = suggestions_for_source(session, result.source_id)
    assert found is not None
    seen = [(s.value, s.low, s.high, s.claimant) for s in found.statistics]
    assert seen == [(18, 18, None, "le ministère de l'Intérieur"), (2, None, None, "la gendarmerie"),
                    (None, 300, 400, "une ONG locale")]
    assert found.statistics[2].period_start == PartialDate(2019)


def test_english_text_is_read_as_before() -> None:
    [found] = suggest_statistics("More than 430 people were killed, officials said.", None, "en")
    assert (found.value, found.low, found.claimant) == (430, 430, "officials")


def test_other_ones_and_a_share_of_millions_are_counted() -> None:
    others = one("La plainte vise le juge Martin et deux autres juges de la cour d'appel.")
    assert (others.value, others.unit) == (2, "people")
    share = suggest_statistics("La sécheresse touche huit des 28 millions d'habitants du pays.", None, "fr")
    assert [(f.value, f.unit) for f in share] == [(8_000_000, "people"), (28_000_000, "people")]


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("La cote de confiance du président reste stable, à 27 %, dans le baromètre Ifop pour le JDD.",
     "baromètre Ifop"),
    ("Dans le dernier sondage Ipsos, 41 % des électeurs jugent la réforme injuste.", "sondage Ipsos"),
    ("Après la réunion, le syndicat a affirmé que 12 000 salariés étaient en grève.", "le syndicat"),
    ("Malgré les annonces, les chiffres officiels montrent que 3 200 postes ont été supprimés.",
     "les chiffres officiels"),
    ("Le maire, Jean Dupont, a indiqué que 200 familles avaient été relogées.", "Jean Dupont"),
    ("Le ministère de l'Intérieur a annoncé 317 interpellations dans toute la France.",
     "Le ministère de l'Intérieur"),
    ("L'ONG estime à 1 500 le nombre de civils tués depuis janvier.", "L'ONG"),
    ("Les dégâts sont estimés à 1,5 million d'euros par l'assureur.", None),
    ("Une trentaine de personnes ont été interpellées, a-t-on appris auprès du parquet.", "parquet"),
    ("Douze personnes ont été interpellées, a indiqué jeudi soir la préfecture.", "la préfecture"),
    ("« Nous avons recensé 42 blessés », a précisé à l'AFP le porte-parole des pompiers.",
     "le porte-parole des pompiers"),
    ("Les pompiers ont secouru 35 personnes, selon un communiqué de la préfecture.", "préfecture"),
    ("Il s'est montré agressif et a ainsi déclaré qu'il « se moquait des mesures ». Il a écopé de 135 euros "
     "d'amende.", None),
])
def test_who_claims_the_figures_in_the_ways_french_news_says_it(sentence: str, claimant: str | None) -> None:
    assert one(sentence).claimant == claimant


def test_a_quotation_that_goes_on_after_its_speaker_is_named_is_the_speakers() -> None:
    within = suggest_statistics("« Nous avons tout perdu », a déclaré le maire Paul Martin. « Plus de 300 maisons "
                                "ont été détruites dans la nuit. »", None, "fr")
    assert [(f.value, f.claimant) for f in within] == [(300, "Paul Martin")]
    by_a_pronoun = suggest_statistics("« Nous avons tout perdu », a-t-il déclaré. « Plus de 300 maisons ont été "
                                      "détruites. »", None, "fr")
    assert [(f.value, f.claimant) for f in by_a_pronoun] == [(300, None)]
    next_paragraph = suggest_statistics("« Nous avons tout perdu », a déclaré le maire Paul Martin.\n\n« Plus de 300 "
                                        "maisons ont été détruites. »", None, "fr")
    assert [(f.value, f.claimant) for f in next_paragraph] == [(300, None)]


@pytest.mark.parametrize("sentence", [
    "Il a attendu deux longues heures devant la préfecture.",
    "Elle a passé trois petits mois à Kaboul avant de rentrer.",
    "Les rafales n'ont atteint que 9 petits km/h sur la côte.",
])
def test_a_duration_or_a_speed_with_an_adjective_is_not_a_statistic(sentence: str) -> None:
    assert suggest_statistics(sentence, None, "fr") == []


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Trente manifestants ont été interpellés, a également indiqué la préfecture.", "la préfecture"),
    ("Le ministre a par ailleurs précisé que 1 500 policiers seraient déployés.", "Le ministre"),
    ("Près de 90 000 policiers seront mobilisés samedi, a annoncé le Premier ministre Édouard Philippe.",
     "Édouard Philippe"),
    ("Plus de 1 000 personnes ont été évacuées, a déclaré le Président Emmanuel Macron.", "Emmanuel Macron"),
    ("La CGT revendique 250 000 manifestants à Paris.", "La CGT"),
    ("Le nombre de morts s'élève désormais à 57, a déclaré le porte-parole de l'armée.",
     "le porte-parole de l'armée"),
])
def test_an_adverb_a_title_or_a_claimed_count_keep_who_says_it(sentence: str, claimant: str | None) -> None:
    assert one(sentence).claimant == claimant


def test_they_were_so_many_to_do_it_counts_people() -> None:
    found = one("Ils étaient 282 000 à manifester samedi dans toute la France, selon le ministère.")
    assert (found.value, found.unit, found.claimant) == (282_000, "people", "le ministère")


def test_an_attribution_at_the_end_is_not_about_the_scene_set_at_the_start() -> None:
    found = suggest_statistics("Depuis le séisme de mars, qui a fait quelque 2 000 morts, les pluies ont fait plus "
                               "de 300 victimes dans la région, selon le décompte de l'ONU.", None, "fr")
    assert [(f.value, f.claimant) for f in found] == [(2000, None), (300, "ONU")]


def test_a_change_from_one_figure_to_another_gives_both_not_a_range() -> None:
    refugees = suggest_statistics("Le nombre de réfugiés est passé de 2 000 à 15 000 en un mois, selon le HCR.",
                                  None, "fr")
    assert [(f.value, f.low, f.high, f.claimant) for f in refugees] == [
        (2000, None, None, "le HCR"), (15_000, None, None, "le HCR")]
    staff = suggest_statistics("Les effectifs ont augmenté de 120 à 150 agents.", None, "fr")
    assert [(f.value, f.unit) for f in staff] == [(120, "people"), (150, "people")]
    assert suggest_statistics("Le délai de traitement est passé de 2 à 3 mois.", None, "fr") == []
    still_a_range = one("De 10 à 20 otages seraient encore détenus.")
    assert (still_a_range.low, still_a_range.high) == (10, 20)


def test_about_ten_thousand() -> None:
    found = one("Une dizaine de milliers de personnes ont défilé dans le centre-ville.")
    assert (found.value, found.approximate, found.unit) == (10_000, True, "people")


def test_a_full_stop_groups_thousands_the_french_way() -> None:
    assert one("Samedi, les autorités avaient recensé 69.000 personnes mobilisées.").value == 69_000
    assert one("Le ménage a reçu 1.250,50 euros d'aide.").value == 1250.5
    assert one("La croissance a atteint 1.5 % en 2019.").value == 1.5


def test_a_typo_in_a_counting_noun_is_read_as_meant() -> None:
    found = one("Une centaines de personnes ont enfilé des gilets blancs.")
    assert (found.value, found.approximate) == (100, True)


def test_a_list_of_ages_is_not_a_list_of_counts() -> None:
    found = suggest_statistics("Il s'agit de quatre hommes âgés de 24, 32, 42 et 47 ans, selon les pompiers.",
                               None, "fr")
    assert [(f.value, f.claimant) for f in found] == [(4, "les pompiers")]


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Une dizaine de personnes ont été interpellées, selon un bilan de la préfecture à 15H15.", "préfecture"),
    ("Selon un sondage Ifop diffusé jeudi, 64 % des Français soutiennent le mouvement.", "un sondage Ifop"),
    ("En outre 22 % estiment que la réforme est injuste, et 17 % qu'elle est inutile.", None),
])
def test_when_it_was_said_and_a_figure_are_not_who_says_it(sentence: str, claimant: str | None) -> None:
    assert suggest_statistics(sentence, None, "fr")[-1].claimant == claimant


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("« Ils ont cassé deux voitures », a affirmé M. Griveaux à l'AFP.", "M. Griveaux"),
    ("Au moins 30 personnes ont été tuées, a déclaré J.-P. Durand, maire de la ville.", "J.-P. Durand"),
    ("Au moins 30 personnes ont été tuées, a déclaré l'ONU.", "l'ONU"),
    ('Selon le collectif "Désarmons-les", une vingtaine de manifestants ont été blessés.',
     'le collectif "Désarmons-les"'),
    ("La mobilisation -- 4600 personnes selon la préfecture -- a encore grossi.", "la préfecture"),
    ("Une quinzaine de manifestants ont été signalés, a indiqué à 12h45 la porte-parole de la police.",
     "la porte-parole de la police"),
])
def test_titles_initials_quoted_names_and_dashes_around_who(sentence: str, claimant: str) -> None:
    assert one(sentence).claimant == claimant


def test_who_is_quoted_goes_on_in_a_relative_clause() -> None:
    found = suggest_statistics("Huit personnes ont été interpellées, selon la préfecture, qui a comptabilisé deux "
                               "manifestants blessés.", None, "fr")
    assert [(f.value, f.claimant) for f in found] == [(8, "la préfecture"), (2, "la préfecture")]


def test_who_is_before_the_first_verb_and_a_copula_names_no_one() -> None:
    assert one("L'Italie a annoncé mi-janvier avoir recensé 30 personnes en fuite.").claimant == "L'Italie"
    assert one("Sur une pancarte était écrit : « 300 postes supprimés ».").claimant is None


def test_thousands_said_once_for_both_ends_of_a_range() -> None:
    militants = one("Selon le président, le mouvement a été infiltré par « 40 à 50.000 militants ultras ».")
    assert (militants.low, militants.high, militants.claimant) == (40_000, 50_000, "le président")
    expected = one("De 2 à 3 000 manifestants sont attendus samedi.")
    assert (expected.low, expected.high) == (2000, 3000)
    assert (one("Entre 1 et 100 000 euros ont été versés.").low) == 1


def test_an_area_is_not_a_count() -> None:
    assert suggest_statistics("Une pierre de 100 cm2 a été retrouvée dans le coffre.", None, "fr") == []


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Avec 84.000 manifestants recensés par les autorités samedi, la contestation a repris.", "les autorités"),
    ("Le chiffre de 5 000 manifestants avancé par la CGT est contesté.", "la CGT"),
    ("Au moins 12 blessés ont été dénombrés dans la nuit par les pompiers de Lyon.", "les pompiers de Lyon"),
    ("Quelque 300 civils ont été tués par les forces de sécurité.", None),
])
def test_who_counted_after_what_was_counted(sentence: str, claimant: str | None) -> None:
    assert one(sentence).claimant == claimant


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Jean Dupont, maire de la ville, a visité les lieux : 30 maisons sont détruites, a-t-il précisé.",
     "Jean Dupont"),
    ("La préfecture a dressé un bilan : 12 personnes ont été blessées, a-t-elle indiqué.", "La préfecture"),
    ("Le préfet du Var a visité la commune, où 40 maisons ont brûlé, a-t-il précisé.", "Le préfet du Var"),
    ("La manifestation a rassemblé 3 000 personnes, a-t-elle ajouté.", None),
    ("La police a arrêté 14 suspects, a-t-il dit.", None),
    ("« Nous avons 30 blessés », a-t-il précisé.", None),
])
def test_a_pronoun_names_who_the_sentence_opened_with_or_no_one(sentence: str, claimant: str | None) -> None:
    assert one(sentence).claimant == claimant


def test_a_quoted_name_is_what_is_counted() -> None:
    found = one('A Strasbourg, la manifestation de 1.500 "gilets jaunes", selon la préfecture, a dégénéré.')
    assert (found.value, found.subject, found.claimant) == (1500, "gilets jaunes", "la préfecture")
    assert one("Plus de 51 000 «gilets jaunes» ont manifesté samedi.").value == 51_000


def test_a_range_after_the_article_is_a_count() -> None:
    found = one("Les 20 à 30 manifestants n'ont pas perturbé le trafic.")
    assert (found.low, found.high) == (20, 30)


def test_a_pronoun_before_the_verb_is_not_part_of_who() -> None:
    assert one("La préfète y ajoute qu'elle a reçu quatre délégués.").claimant == "La préfète"


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("« Près de 400 salles ont fermé cette année », rappelle ainsi Marie Dubois, directrice du réseau.",
     "Marie Dubois"),
    ("La préfecture avait indiqué à la mi-mars que 120 logements étaient vides.", "La préfecture"),
    ("Le syndicat a affirmé ce matin sur France Inter que 3 000 salariés étaient en grève.", "Le syndicat"),
    ("L'Institut national de la statistique (INSEE) a annoncé que 52 000 emplois avaient été créés.",
     "L'Institut national de la statistique"),
    ("Les gendarmes ont contrôlé 74 voitures, a indiqué en fin de journée la porte-parole de la préfecture.",
     "la porte-parole de la préfecture"),
    ("Le parquet a précisé plus tôt que 3 suspects avaient été relâchés.", "Le parquet"),
])
def test_an_adverb_a_time_or_a_medium_between_the_verb_and_who_or_que(sentence: str, claimant: str) -> None:
    assert one(sentence).claimant == claimant


def test_a_second_figure_in_parentheses_has_its_own_claimant() -> None:
    found = suggest_statistics("À Lyon, 3 000 personnes (8 000 selon les organisateurs) ont marché jusqu'à la "
                               "mairie.", None, "fr")
    assert [(f.value, f.unit, f.claimant) for f in found] == [(3000, "people", None),
                                                              (8000, "people", "les organisateurs")]


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Le feu est maîtrisé, a précisé la préfecture, selon laquelle 40 maisons ont brûlé.", "la préfecture"),
    ("Le ministre a démenti la rumeur selon laquelle 300 postes seraient supprimés.", None),
    ("Rien n'a été décidé, selon le maire.Dans la rue, une centaine de riverains attendaient.", None),
])
def test_selon_laquelle_names_its_antecedent_and_no_claim_crosses_a_full_stop(sentence: str,
                                                                            claimant: str | None) -> None:
    assert one(sentence).claimant == claimant


def test_selon_between_commas_covers_its_own_stretch_of_the_clause() -> None:
    both = suggest_statistics("Environ 5 000 manifestants, selon la police, ont défilé dans 40 villes.", None, "fr")
    assert [(f.value, f.claimant) for f in both] == [(5000, "la police"), (40, "la police")]
    later = one("La grève, selon le syndicat, paralysait les lignes, empruntées chaque jour par 2 millions de "
                "voyageurs.")
    assert (later.value, later.claimant) == (2_000_000, None)
    own = suggest_statistics("Trente personnes ont été interpellées, selon la police, dont 12 mineurs, a indiqué "
                             "le parquet.", None, "fr")
    assert [(f.value, f.claimant) for f in own] == [(30, "la police"), (12, "le parquet")]


@pytest.mark.parametrize("sentence", [
    "Le loyer moyen atteint 850 euros, un montant variant selon les quartiers.",
    "La facture des travaux s'élève à 1 200 euros selon les cas.",
])
def test_selon_what_a_figure_depends_on_names_no_one(sentence: str) -> None:
    assert one(sentence).claimant is None


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("Une hausse proche de celle de l'Insee, qui table sur une croissance de 1,2 % cette année.", "l'Insee"),
    ("Cette année encore, le FMI abaisse ses prévisions de croissance à 0,8 % pour la France.", "le FMI"),
])
def test_who_forecasts_the_figure_claims_it(sentence: str, claimant: str) -> None:
    assert one(sentence).claimant == claimant


def test_a_body_reporting_what_an_event_caused_claims_its_counts_and_among_counts_are_counted() -> None:
    reported = suggest_statistics("La préfecture a déploré des heurts qui ont fait 14 blessés parmi les "
                                  "manifestants et 6 parmi les gendarmes.", None, "fr")
    assert [(f.value, f.unit, f.claimant) for f in reported] == [(14, "people", "La préfecture"),
                                                                 (6, "people", "La préfecture")]
    among = suggest_statistics("Les affrontements ont fait 30 blessés, dont 9 parmi les pompiers.", None, "fr")
    assert [(f.value, f.unit) for f in among] == [(30, "people"), (9, "people")]


def test_what_a_named_speaker_goes_on_to_say_is_the_speakers() -> None:
    found = one("La grève est très suivie, a affirmé mardi Paul Martin de la CGT, faisant état d'un taux de "
                "grévistes de 45 %.")
    assert (found.value, found.claimant) == (45, "Paul Martin de la CGT")


def test_who_says_it_ends_before_a_relative_and_a_figure_after_et_selon_counts_the_same() -> None:
    hurt = suggest_statistics("Deux policiers et quatre manifestants ont été blessés, selon la police qui n'a pas "
                              "donné de détails sur leur état.", None, "fr")
    assert [(f.value, f.claimant) for f in hurt] == [(2, "la police"), (4, "la police")]
    counts = suggest_statistics("La marche a réuni 6 000 personnes selon les organisateurs, et 2 500 selon la "
                                "préfecture.", None, "fr")
    assert [(f.value, f.unit, f.claimant) for f in counts] == [(6000, "people", "les organisateurs"),
                                                               (2500, "people", "la préfecture")]
