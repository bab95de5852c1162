"""Mentions of known actors and new-actor candidates, on real sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.extract.mentions import ActorMatcher, MentionCandidate, normalise, suggest_new_actors

SEED_ACTORS = [
    (1, "Rustam Asilderov", "Rustam Asilderov", "person"),
    (1, "Abu Muhammad al-Kadarskii", "Rustam Asilderov", "person"),
    (2, "Caucasus Emirate", "Caucasus Emirate", "armed_group"),
    (3, "Caucasus", "Caucasus", "place"),
    (4, "ISIS", "Islamic State", "armed_group"),
    (4, "Islamic State", "Islamic State", "armed_group"),
    (5, "Caucasus Knot", "Caucasus Knot", "media_outlet"),
    (6, "North Caucasus", "North Caucasus", "place"),
]


def spans(found: list[MentionCandidate], text: str) -> list[tuple[str, str]]:
    for mention in found:
        assert text[mention.start:mention.end] == mention.quote
    return [(m.quote, m.name) for m in found]


# ---------------------------------------------------------------------------------------------
# Known actors


@pytest.mark.shared
def test_known_actors_in_the_seed(shared_data: Path) -> None:
    text = (shared_data / "seed" / "isis-comes-to-russia.txt").read_text(encoding="utf-8")
    found = ActorMatcher(SEED_ACTORS).find(text)
    quotes = spans(found, text)
    assert ("Abu Muhammad al-Kadarskii", "Rustam Asilderov") in quotes
    assert ("Rustam Asilderov", "Rustam Asilderov") in quotes
    # The longest match wins: "North Caucasus" and "Caucasus Emirate", not "Caucasus" in them.
    assert ("North Caucasus", "North Caucasus") in quotes
    assert ("Caucasus Emirate", "Caucasus Emirate") in quotes
    caucasus = [m for m in found if m.name == "Caucasus"]
    assert all(text[m.start - 6:m.start] != "North " for m in caucasus)
    assert sum(1 for q, _ in quotes if q == "ISIS") == 6
    assert next(m for m in found if m.quote == "Caucasus Knot").kind == "media_outlet"
    assert {m.actor_id for m in found if m.name == "Rustam Asilderov"} == {1}


def test_case_and_diacritics_do_not_matter() -> None:
    matcher = ActorMatcher([(1, "Dzhokhar Tsarnaev", "Dzhokhar Tsarnaev", "person"),
                            (2, "Sámi Council", "Sámi Council", "organisation"),
                            (3, "Sami Parliament", "Sami Parliament", "state_body")])
    text = "DZHOKHAR TSARNAEV was sentenced; the Sami Council and the SÁMI PARLIAMENT objected."
    assert spans(matcher.find(text), text) == [
        ("DZHOKHAR TSARNAEV", "Dzhokhar Tsarnaev"), ("Sami Council", "Sámi Council"),
        ("SÁMI PARLIAMENT", "Sami Parliament")]


def test_decomposed_accents_and_typographic_apostrophes_keep_offsets_right() -> None:
    matcher = ActorMatcher([(1, "Sámi Council", "Sámi Council", "organisation"),
                            (2, "Shi'ite militia", "Shi'ite militia", "armed_group")])
    text = "The Sa\u0301mi Council met; a Shi’ite militia answered."
    found = matcher.find(text)
    assert spans(found, text) == [("Sa\u0301mi Council", "Sámi Council"),
                                  ("Shi’ite militia", "Shi'ite militia")]


def test_cyrillic_and_arabic_names() -> None:
    matcher = ActorMatcher([
        (1, "Рамзан Кадыров", "Ramzan Kadyrov", "person"),
        (2, "Доку Умаров", "Dokku Umarov", "person"),
        (3, "أبو بكر البغدادي", "Abu Bakr al-Baghdadi", "person"),
        (4, "الدولة الإسلامية", "Islamic State", "armed_group"),
    ])
    russian = "Глава Чечни РАМЗАН КАДЫРОВ заявил, что Доку Умаров мёртв."
    assert spans(matcher.find(russian), russian) == [("РАМЗАН КАДЫРОВ", "Ramzan Kadyrov"),
                                                     ("Доку Умаров", "Dokku Umarov")]
    # The text carries short vowels (harakat) that the stored name lacks.
    arabic = "أعلن أَبُو بَكْر البَغْدَادِي قيام الدولة الإسلامية في العراق"
    found = matcher.find(arabic)
    assert [m.name for m in found] == ["Abu Bakr al-Baghdadi", "Islamic State"]
    assert spans(found, arabic)[0][0] == "أَبُو بَكْر البَغْدَادِي"


def test_whole_words_only() -> None:
    matcher = ActorMatcher([(1, "ISIS", "Islamic State", "armed_group"),
                            (2, "Iraq", "Iraq", "place"), (3, "Hamas", "Hamas", "armed_group")])
    text = ("The crisis deepened as ISIS fighters crossed from Iraq; Iraqi officials and "
            "pro-Hamas groups watched.")
    assert spans(matcher.find(text), text) == [("ISIS", "Islamic State"), ("Iraq", "Iraq"),
                                               ("Hamas", "Hamas")]
    assert matcher.find("crisis, Iraqis, Hamasi") == []


def test_offsets_after_characters_beyond_the_bmp() -> None:
    matcher = ActorMatcher(SEED_ACTORS)
    text = "🙂🇷🇺𝔄 Reports: Amir Rustam  Asilderov (😀) joined ISIS 🔥 in the North Caucasus."
    found = matcher.find(text)
    assert spans(found, text) == [("Rustam  Asilderov", "Rustam Asilderov"),
                                  ("ISIS", "Islamic State"),
                                  ("North Caucasus", "North Caucasus")]
    assert found[0].start == text.index("Rustam")


def test_a_name_shared_by_two_actors_is_offered_for_both() -> None:
    matcher = ActorMatcher([(1, "Amir Khamzat", "Aslan Byutukayev", "person"),
                            (2, "Amir Khamzat", "Khamzat Shemiev", "person")])
    found = matcher.find("The defection of Amir Khamzat, commander of the Chechen Vilaiyat.")
    assert {m.actor_id for m in found} == {1, 2}
    assert {m.quote for m in found} == {"Amir Khamzat"}


def test_no_names_no_mentions() -> None:
    assert ActorMatcher([]).find("ISIS Comes to Russia") == []
    assert ActorMatcher([(1, "  ", "blank", None)]).find("anything") == []
    assert ActorMatcher(SEED_ACTORS).find("") == []


def test_normalise() -> None:
    assert normalise("  Sámi\u00a0 Council ") == "sami council"
    assert normalise("Shi’ite") == "shi'ite"
    assert normalise("STRASSE") == normalise("Straße")


# ---------------------------------------------------------------------------------------------
# New actor candidates


@pytest.mark.shared
def test_new_actor_candidates_in_the_seed(shared_data: Path) -> None:
    text = (shared_data / "seed" / "isis-comes-to-russia.txt").read_text(encoding="utf-8")
    found = suggest_new_actors(text)
    for mention in found:
        assert text[mention.start:mention.end] == mention.quote
    kinds = {m.name: m.kind for m in found}
    assert kinds["Rustam Asilderov"] == "person"
    assert kinds["Abu Muhammad al-Kadarskii"] == "person"
    assert kinds["Dokku Umarov"] == "person"
    assert kinds["Caucasus Emirate"] == "armed_group"
    assert kinds["Caucasus Knot"] == "media_outlet"
    assert kinds["Daily Beast"] == "media_outlet"
    assert kinds["Russia"] == "place"
    assert kinds["Chechnya"] == "place"
    # titles, nationalities, sentence-initial words, months and weekdays are not names
    for not_a_name in ("Dagestani Amir Rustam Asilderov", "Dagestani", "Amir", "Estimates",
                       "Despite", "Additionally", "June", "Saturday", "July", "Russian",
                       "ISIS Comes", "The Daily Beast"):
        assert not_a_name not in kinds


def test_known_actors_are_not_suggested_again() -> None:
    text = ("Despite this, an estimated 249 militants were killed in 2014 alone, according to "
            "the site Caucasus Knot, while Dokku Umarov led the Caucasus Emirate.")
    names = {m.name for m in suggest_new_actors(text, ActorMatcher(SEED_ACTORS))}
    assert "Caucasus Knot" not in names
    assert "Caucasus Emirate" not in names
    assert "Dokku Umarov" in names


@pytest.mark.parametrize(("text", "expected"), [
    # ag-1581
    ("KABUL, Afghanistan - Protesters angered at President Hamid Karzai's sacking of a warlord "
     "governor ransacked U.N. compounds.",
     {"Kabul": "place", "Afghanistan": "place", "Hamid Karzai": "person", "U.N.": "organisation"}),
    # ag-1648
    ("Vatican, Sep. 13 (CWNews.com) - The Greek Orthodox Patriarch Petros VII of Alexandria was "
     "killed in a helicopter crash, as he traveled to Mount Athos.",
     {"Petros VII": "person", "Alexandria": "place", "Mount Athos": "place",
      "CWNews.com": "media_outlet"}),
    # ag-7071
    ("AP - A coal mine explosion in northern China killed 33 people, the official Xinhua News "
     "Agency reported Friday.",
     {"AP": "media_outlet", "China": "place", "Xinhua News Agency": "media_outlet"}),
    # ag-2154
    ("U.N. Secretary General Kofi Annan will tell the 191-member U.N. General Assembly on "
     "Tuesday that the rule of law has been eroded.",
     {"Kofi Annan": "person", "U.N. General Assembly": "state_body"}),
    # reuters-1020
    ("Sara Lee Corp said it agreed to buy a 34 pct interest in Paris-based DIM S.A., a "
     "subsidiary of BIC S.A., at a cost of about 84 mln dlrs.",
     {"Sara Lee Corp": "organisation", "Paris": "place", "DIM S.A.": "organisation",
      "BIC S.A.": "organisation"}),
])
def test_new_actor_candidates_in_news_sentences(text: str, expected: dict[str, str]) -> None:
    found = {m.name: m.kind for m in suggest_new_actors(text)}
    for name, kind in expected.items():
        assert found.get(name) == kind, (name, found)


@pytest.mark.parametrize(("text", "not_names"), [
    ("Israeli troops killed four armed Palestinians in the Gaza Strip on Saturday.",
     {"Israeli", "Palestinians", "Saturday"}),
    ("Suspected Algerian Islamic militants killed 16 people in the first attack on civilians "
     "since the start of the holy month of Ramadan, officials said on Saturday.",
     {"Suspected", "Algerian Islamic", "Ramadan", "Saturday", "Algerian"}),
    ("NEW YORK - Ken Caminiti, the 1996 National League MVP, died Sunday. He was 41.",
     {"Sunday. He", "He", "Sunday"}),
    ("Twenty-three Palestinians and three Israelis were killed Thursday.",
     {"Twenty-three Palestinians", "Twenty-three", "Thursday"}),
])
def test_ordinary_capitalised_words_are_not_candidates(text: str, not_names: set[str]) -> None:
    names = {m.name for m in suggest_new_actors(text)}
    assert not names & not_names, names


def test_cyrillic_candidates_and_offsets() -> None:
    text = "🙂 По словам источника, Рамзан Кадыров встретился с Владимиром Путиным в Москве."
    found = suggest_new_actors(text)
    for mention in found:
        assert text[mention.start:mention.end] == mention.quote
    names = {m.name for m in found}
    assert "Рамзан Кадыров" in names
    assert "Владимир Путин" in names  # in its base form (the quote keeps "Владимиром Путиным")
    assert "Москва" in names
    assert "По" not in names  # "according to", capitalised only because it starts the sentence


def test_uncased_scripts_give_no_guesses() -> None:
    # Without capitals there is nothing to go by; such names are found once they are known.
    assert suggest_new_actors("أعلن أبو بكر البغدادي قيام الدولة الإسلامية في العراق") == []


@pytest.mark.parametrize(("text", "expected"), [
    # reuters-2965: a name before an auxiliary is no adjective
    ("Stoltenberg had said in Paris that part of this reform would be introduced next year.",
     {"Stoltenberg": None, "Paris": "place"}),
    # ag-4197: an outlet named before its medium
    ("Twenty-five people were confirmed dead, NHK television said on its Web site.",
     {"NHK": "media_outlet"}),
    # ag-236: a single name ending in s is not a plural of people
    ("The price of oil rose amid concerns about the fate of Russian petroleum giant Yukos, "
     "traders said.", {"Yukos": None}),
    # ag-86: a plural noun opening the sentence, and the name after it
    ("AP - Shares of Kmart Holding Corp. surged after the discount retailer reported a profit.",
     {"Kmart Holding Corp.": "organisation", "AP": "media_outlet"}),
])
def test_names_next_to_ordinary_words(text: str, expected: dict[str, str | None]) -> None:
    found = {m.name: m.kind for m in suggest_new_actors(text)}
    for name, kind in expected.items():
        assert name in found, (name, found)
        if kind is not None:
            assert found[name] == kind


def test_a_possessive_ends_a_name() -> None:
    names = {m.name for m in suggest_new_actors(
        "TOKYO (Reuters) - Tokyo's Nikkei average fell at the opening on Monday.")}
    assert "Tokyo's Nikkei" not in names
    assert "Tokyo" in names


def test_lines_in_capitals_suggest_no_new_actors_but_known_ones_are_found() -> None:
    # A survey codebook and a wire headline: every word is capitalised, so capitals say nothing.
    text = ("BASE:  ALL RESPONDENTS\n[TERMINATE]\nRUSSIAN FORCES KILL ISLAMIC STATE COMMANDER\n"
            "The Centers for Disease Control (CDC) and the FBI were asked.\n")
    names = {m.name for m in suggest_new_actors(text)}
    assert names == {"Centers for Disease Control", "CDC", "FBI"}
    known = [(m.quote, m.name) for m in ActorMatcher(SEED_ACTORS).find(text)]
    assert known == [("ISLAMIC STATE", "Islamic State")]


@pytest.mark.parametrize(("text", "name"), [
    ("The Committee for the Protection of Journalists said Anna Politkovskaya was shot.",
     "Committee for the Protection of Journalists"),
    ("The Centers for Disease Control (CDC) said 12 people died.", "Centers for Disease Control"),
    ("Tsvangirai leads the Movement for Democratic Change.", "Movement for Democratic Change"),
])
def test_for_inside_an_institutions_name(text: str, name: str) -> None:
    found = {m.name: m.kind for m in suggest_new_actors(text)}
    assert found.get(name) == "organisation", found


def test_for_between_two_names_keeps_them_apart() -> None:
    names = {m.name for m in suggest_new_actors("The convoy left Moscow for Sochi on Friday.")}
    assert "Moscow" in names
    assert not [name for name in names if " for " in name]
