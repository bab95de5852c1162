"""New-actor suggestions in French text (db/extract/mentions/french_names.py)."""

from __future__ import annotations

from db.extract.mentions import suggest_new_actors


def _found(text: str) -> dict[str, str | None]:
    return {c.name: c.kind for c in suggest_new_actors(text, language="fr")}


def _spans(text: str) -> list[str]:
    return [text[c.start:c.end] for c in suggest_new_actors(text, language="fr")]


def test_sentence_initial_adverbs_and_prepositions_are_no_names() -> None:
    found = _found("Pourtant Emmanuel Macron a cédé. Selon Le Monde, la hausse est suspendue. "
                   "Alors Édouard Philippe a reculé.")
    assert found == {"Emmanuel Macron": "person", "Le Monde": "media_outlet",
                     "Édouard Philippe": "person"}


def test_elided_articles_and_prepositions_are_not_the_name() -> None:
    # a capitalised article inside a sentence is the name's ("L'Obs"), not where one opens
    text = ("La décision a été annoncée par l'Elysée mardi. Le bureau d'Edouard Philippe n'a "
            "rien dit, pas plus qu'Emmanuel Macron. L'Elysée a confirmé, a révélé « L'Obs ».")
    assert _spans(text) == ["Elysée", "Edouard Philippe", "Emmanuel Macron", "Elysée", "L'Obs"]
    assert _found(text)["Elysée"] == "state_body"


def test_a_minister_is_split_from_the_ministry_in_the_title() -> None:
    found = _found("Le ministre de l'Intérieur Christophe Castaner a parlé avec le ministre de "
                   "l'Économie et des Finances Bruno Le Maire et le secrétaire d'État Laurent "
                   "Nuñez.")
    assert found == {"ministère de l'Intérieur": "state_body", "Christophe Castaner": "person",
                     "ministère de l'Économie": "state_body",
                     "ministère des Finances": "state_body", "Bruno Le Maire": "person",
                     "Laurent Nuñez": "person"}


def test_a_body_named_with_a_lower_case_noun() -> None:
    found = _found("Selon les chiffres du ministère de l'Intérieur, le parquet de Lyon a ouvert "
                   "une enquête.")
    assert found == {"ministère de l'Intérieur": "state_body", "parquet de Lyon": "state_body"}


def test_a_street_with_its_noun() -> None:
    assert _found("Il circulait boulevard Haussmann, non loin de la place de la Concorde.") == \
        {"boulevard Haussmann": "place", "place de la Concorde": "place"}


def test_an_institutions_name_goes_on_in_lower_case() -> None:
    text = ("Le texte passe devant l'Assemblée nationale puis le Parlement européen; la "
            "Confédération générale du travail (CGT) et la Préfecture de police de Paris "
            "s'y opposent.")
    assert _found(text) == {"Assemblée nationale": "state_body",
                            "Parlement européen": "state_body",
                            "Confédération générale du travail": "organisation",
                            "CGT": "organisation",
                            "Préfecture de police de Paris": "state_body"}


def test_page_furniture_is_no_name() -> None:
    text = ("FIGAROVOX/ANALYSE - Le sociologue Jean Dupont décrit la crise.\n"
            "LE MOT DU JOUR - Un mot.\nLire aussi Quand Emmanuel Macron était jeune\n"
            "VIDÉO. La foule à Lyon (NDLR).")
    assert _found(text) == {"Jean Dupont": "person", "Emmanuel Macron": "person",
                            "Lyon": "place"}


def test_protest_days_hashtags_and_links_are_no_actors() -> None:
    text = ("Lors de l'acte VIII des gilets jaunes, puis de l'Acte IV et de l'#ActeXIII, vu "
            "sur pic.twitter.com/AaIeKA0h8f par @RemyBuisine, la foule a défilé à Lyon.")
    assert _found(text) == {"Lyon": "place"}


def test_kinds_from_french_cue_words() -> None:
    found = _found("Le quotidien Libération cite la ville de Bourges, le Parti socialiste, "
                   "la FGTB et un journaliste de Mediacités, éd. du Seuil.")
    assert found == {"Libération": "media_outlet", "Bourges": "place",
                     "Parti socialiste": "organisation", "FGTB": "organisation",
                     "Mediacités": "media_outlet", "Seuil": "organisation"}


def test_places_after_prepositions_and_compound_place_names() -> None:
    found = _found("Des barrages ont eu lieu en Normandie, dans la Drôme, à Mignault et à "
                   "Bourg-de-Péage.")
    assert found == {"Normandie": "place", "Drôme": "place", "Mignault": "place",
                     "Bourg-de-Péage": "place"}


def test_a_name_before_a_lower_case_word_is_still_a_name() -> None:
    # French writes adjectives of nationality in lower case: "Bourges résonne" is no
    # "Israeli troops"
    assert _found("À des oreilles contemporaines, Bourges résonne; la FGTB prévoit une "
                  "grève.") == {"Bourges": "place", "FGTB": "organisation"}


def test_peoples_and_plural_descriptions_are_no_actors() -> None:
    assert _found("Les Français soutiennent les Gilets jaunes, dit la Parisienne.") == {}


def test_a_surname_alone_is_the_person_named_in_full() -> None:
    found = _found("Maxime Nicolle s'exprime. Pour Nicolle, le mouvement continue.")
    assert found == {"Maxime Nicolle": "person", "Nicolle": "person"}


def test_ordinary_words_opening_a_sentence_are_no_names() -> None:
    assert _found("Conséquence: la visière explose. Samedi, la foule reste. Chaque semaine, "
                  "rien.") == {}


def test_a_sentence_glued_to_the_next_ends_the_name() -> None:
    assert _spans("Le mouvement balaie la France.Le ministère a réagi.") == ["France"]


def test_datelines_and_no_break_spaces() -> None:
    text = "PARIS | Les députés PS suivent Maxime\u00a0Nicolle."
    assert _found(text) == {"Paris": "place", "PS": "organisation", "Maxime Nicolle": "person"}


def test_documents_and_events_are_no_actors() -> None:
    assert _found("En vertu de la Constitution, le Grand débat commence.") == {}


def test_an_officer_is_split_from_the_place_or_body_of_the_office() -> None:
    found = _found("La préfète du Cher Catherine Ferrier l'a dit, selon le porte-parole de la "
                   "Brafco. Le préfet du Cher reste.")
    assert found == {"Cher": "place", "Catherine Ferrier": "person", "Brafco": "organisation"}


def test_names_listed_with_places_are_places() -> None:
    found = _found("Les groupes Facebook (Bruxelles, Wandre, Feluy, Charleroi) appellent à "
                   "bloquer.")
    assert found == {"Facebook": "media_outlet", "Bruxelles": "place", "Wandre": "place",
                     "Feluy": "place", "Charleroi": "place"}


def test_a_speaker_after_an_inverted_speech_verb_is_a_person() -> None:
    # "Charlotte" is also a city the gazetteer knows
    assert _found("« On reste », ajoute Emmanuelle. « Oui », appuie Charlotte.") == \
        {"Emmanuelle": "person", "Charlotte": "person"}


def test_names_opening_with_an_article_are_no_persons() -> None:
    assert _found("Le groupe Les Républicains et La France Insoumise votent.") == \
        {"Les Républicains": "organisation", "La France Insoumise": "organisation"}


def test_ordinals_and_the_state_in_titles_are_no_names() -> None:
    assert _found("C'est la fin de la Ve République, dit le président de la République au "
                  "chef de l'État.") == {}


def test_a_country_and_the_name_after_de_are_two_names() -> None:
    assert _found("La Russie de Poutine finance Russia Today.")["Russie"] == "place"
    assert "Poutine" in _found("La Russie de Poutine finance Russia Today.")


def test_places_the_gazetteer_knows_by_their_own_name() -> None:
    # GeoNames calls Le Robert (Martinique) "Robert" too: a small town's other names are not
    # taken for places
    found = _found("Il est venu de Calais, selon Robert.")
    assert found["Calais"] == "place"
    assert found.get("Robert") != "place"


def test_brands_in_capitals_stay_so_and_glued_sentences_end_a_name() -> None:
    found = _found("Il travaille pour BFMTV.Liberté pour tous, dit la SDJ de BFMTV.")
    assert "BFMTV" in found
    assert "Bfmtv" not in found
    assert not any("Liberté" in name for name in found)


def test_a_name_after_the_abbreviated_monsieur_is_a_person() -> None:
    text = ('"Il faut de la fermeté", a affirmé M. Darmanin. Selon MM. Dupont et Martin, rien '
            "ne change. M. Griveaux a dénoncé la violence.")
    found = _found(text)
    assert {n: found.get(n) for n in ("Darmanin", "Dupont", "Griveaux")} == {
        "Darmanin": "person", "Dupont": "person", "Griveaux": "person"}
    assert "Darmanin" in _spans(text)
