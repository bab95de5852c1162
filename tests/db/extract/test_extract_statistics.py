"""Statistic suggestions on real sentences: the seed, AG News and Reuters-21578."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.dates import PartialDate
from db.extract.statistics import (
    NotAQuantity,
    StatisticCandidate,
    guess_claimant,
    guess_period,
    parse_quantity,
    suggest_statistics,
)
from db.ingest.base import IngestError

SEED_PUBLISHED = PartialDate(2015, 7, 11)
SEED_SENTENCE = (
    "Despite this, an estimated 249 militants were killed in 2014 alone, and some 5,816 "
    "civilians, security officials, and militants have been killed since 2010, according to "
    "the site Caucasus Knot, which tracks the conflict in the region."
)


def only(text: str, published: PartialDate | None = None) -> StatisticCandidate:
    found = suggest_statistics(text, published)
    assert len(found) == 1, found
    return found[0]


def by_value(text: str, published: PartialDate | None = None,
             ) -> dict[float | None, StatisticCandidate]:
    return {c.value: c for c in suggest_statistics(text, published)}


# ---------------------------------------------------------------------------------------------
# The seed


@pytest.mark.shared
def test_seed_gives_exactly_its_three_statistics(shared_data: Path) -> None:
    text = (shared_data / "seed" / "isis-comes-to-russia.txt").read_text(encoding="utf-8")
    found = suggest_statistics(text, SEED_PUBLISHED)
    assert [c.value for c in found] == [249, 5816, 2200]
    killed_2014, killed_since_2010, gone = found

    assert killed_2014.approximate is True
    assert (killed_2014.low, killed_2014.high) == (None, None)
    assert killed_2014.measure == "killed"
    assert killed_2014.subject == "militants"
    assert killed_2014.unit == "people"
    assert (killed_2014.period_start, killed_2014.period_end) == (PartialDate(2014),
                                                                  PartialDate(2014))
    assert killed_2014.claimant is None

    assert killed_since_2010.approximate is True
    assert killed_since_2010.measure == "killed"
    assert killed_since_2010.subject == "civilians, security officials, and militants"
    assert killed_since_2010.period_start == PartialDate(2010)
    assert killed_since_2010.period_end == SEED_PUBLISHED
    assert killed_since_2010.claimant == "Caucasus Knot"

    assert gone.approximate is True
    assert gone.measure == "gone to fight"
    assert gone.subject == "Russians"
    assert gone.claimant == "Russian officials"
    assert (gone.period_start, gone.period_end) == (None, None)

    for candidate in found:
        assert text[candidate.start:candidate.end] == candidate.quote
    assert killed_2014.quote.endswith("249 militants were killed in 2014 alone")
    assert "according to the site Caucasus Knot" in killed_since_2010.quote
    assert "249" not in killed_since_2010.quote
    assert gone.quote.startswith("Additionally, Russian officials estimate some 2,200")


def test_trailing_according_to_covers_only_its_own_clause() -> None:
    first, second = suggest_statistics(SEED_SENTENCE, SEED_PUBLISHED)
    assert (first.value, first.claimant) == (249, None)
    assert (second.value, second.claimant) == (5816, "Caucasus Knot")


def test_trailing_attribution_reaches_back_to_the_last_clause_with_a_figure() -> None:
    # reuters-1611: the figure is before ", but ...", the attribution after it.
    text = ("Turkey expects a 1986 balance of payments deficit of 1.5 billion dlrs, well over "
            "target, but is taking steps to improve its performance in this and other fields, "
            "Ali Tigrel, director of economic planning at the State Planning Organisation said.")
    deficit = only(text, PartialDate(1987, 3, 4))
    assert deficit.value == 1.5e9
    assert deficit.unit == "USD"
    assert deficit.claimant == "Ali Tigrel"
    assert (deficit.period_start, deficit.period_end) == (PartialDate(1986), PartialDate(1986))


# ---------------------------------------------------------------------------------------------
# Quantities


@pytest.mark.parametrize(
    ("phrase", "value", "low", "high", "approximate"),
    [
        ("5,816", 5816, None, None, False),
        ("some 2,200", 2200, None, None, True),
        ("more than 430", 430, 430, None, False),
        ("over 120", 120, 120, None, False),
        ("at least 19", 19, 19, None, False),
        ("up to 50", 50, None, 50, False),
        ("as many as three", 3, None, 3, False),
        ("fewer than 10", 10, None, 10, False),
        ("nearly 340", 340, None, 340, True),
        ("between 10 and 20", None, 10, 20, False),
        ("from 1,000 to 1,500", None, 1000, 1500, False),
        ("two or three", None, 2, 3, False),
        ("two dozen", 24, None, None, False),
        ("a dozen", 12, None, None, False),
        ("Twenty-three", 23, None, None, False),
        ("one hundred and five", 105, None, None, False),
        ("1.5 million", 1_500_000, None, None, False),
        ("4.13 mln", 4_130_000, None, None, False),
        ("an estimated 249", 249, None, None, True),
        ("about 10", 10, None, None, True),
        ("around 100", 100, None, None, True),
        ("roughly 40", 40, None, None, True),
        ("approximately 7,000", 7000, None, None, True),
        ("dozens", None, 24, None, True),
        ("scores", None, 40, None, True),
        ("tens of thousands", None, 20_000, None, True),
        ("more  than 100", 100, 100, None, False),
    ],
)
def test_parse_quantity_forms(phrase: str, value: float | None, low: float | None,
                              high: float | None, approximate: bool) -> None:
    quantity = parse_quantity(phrase)
    assert (quantity.value, quantity.low, quantity.high, quantity.approximate) == (
        value, low, high, approximate)


@pytest.mark.parametrize(("phrase", "unit", "value"), [
    ("$25 million", "USD", 25e6),
    ("#36;10 million", "USD", 10e6),
    ("84 mln dlrs", "USD", 84e6),
    ("18 pct", "%", 18),
    ("1.49 percent", "%", 1.49),
    ("250,000 tonnes", "tonnes", 250_000),
])
def test_parse_quantity_reads_units(phrase: str, unit: str, value: float) -> None:
    quantity = parse_quantity(phrase)
    assert quantity.unit == unit
    assert quantity.value == pytest.approx(value)


@pytest.mark.parametrize("phrase", ["", "   ", "no number here", "the militants"])
def test_parse_quantity_refuses_text_without_a_number(phrase: str) -> None:
    with pytest.raises(NotAQuantity, match="no number"):
        parse_quantity(phrase)
    with pytest.raises(IngestError):
        parse_quantity(phrase)


# ---------------------------------------------------------------------------------------------
# Bounds and approximate markers in sentences


def test_bounds_in_sentences() -> None:
    # ag-203, ag-6700, ag-1581, ag-4720
    more = only("BAGHDAD (Reuters) - U.S. forces killed more than 50 Shi'ite  militiamen on "
                "Wednesday in a significant advance into a Baghdad  suburb, the military said.")
    assert (more.value, more.low, more.high, more.approximate) == (50, 50, None, False)
    assert more.subject == "Shi'ite militiamen"

    nearly = only("MARAGUNDON, Philippines -- A powerful rainstorm triggered landslides and "
                  "flash floods that killed nearly 340 people in the eastern Philippines, "
                  "officials said yesterday.")
    assert (nearly.value, nearly.high, nearly.approximate) == (340, 340, True)
    assert nearly.place == "eastern Philippines"

    up_to = only("AP - Stability control systems could save up to 7,000 lives each year if "
                 "they were standard equipment on all vehicles, according to a study by the "
                 "insurance industry.")
    assert (up_to.value, up_to.high, up_to.measure) == (7000, 7000, "saved")
    assert up_to.claimant == "study by the insurance industry"


def test_vague_counts_have_a_low_bound_and_no_value() -> None:
    # ag-1760
    killed, wounded = suggest_statistics(
        "At least 69 people have been killed and scores wounded during a day of carnage in Iraq.")
    assert (killed.value, killed.low, killed.measure) == (69, 69, "killed")
    assert (wounded.value, wounded.low, wounded.approximate) == (None, 40, True)
    assert wounded.measure == "wounded"
    assert killed.place == wounded.place == "Iraq"


@pytest.mark.parametrize(("text", "value"), [
    ("Some 850 British troops have started preparations to redeploy from southern Iraq.", 850),
    ("An American jet fired a missile at a house where about 10 members of an "
     "al-Qaida-linked group were believed to be meeting.", 10),
    ("The US military last week claimed to have killed around 100 militiamen.", 100),
    ("France sold around 250,000 tonnes of soft wheat to China in 1985/86, according to "
     "customs figures.", 250_000),
])
def test_approximate_markers(text: str, value: float) -> None:
    candidate = by_value(text)[value]
    assert candidate.approximate is True


def test_exact_counts_are_not_approximate() -> None:
    candidate = only("Suspected Algerian Islamic militants killed 16 people in the first attack "
                     "on civilians since the start of the holy month of Ramadan, officials said "
                     "on Saturday.")
    assert candidate.approximate is False
    assert (candidate.value, candidate.measure, candidate.claimant) == (16, "killed", "officials")


# ---------------------------------------------------------------------------------------------
# What is counted


def test_several_figures_in_one_sentence_keep_their_own_subjects_and_measures() -> None:
    # ag-2853, ag-4937, ag-1299
    found = by_value("JABALYA, Gaza (Reuters) - Twenty-three Palestinians and  three Israelis "
                     "were killed Thursday, Gaza's bloodiest day for  more than two years, as "
                     "Israel's army struck back after a  rocket attack killed two Israeli "
                     "children in a border town.")
    assert sorted(v for v in found if v is not None) == [2, 3, 23]
    assert found[23].subject == "Palestinians"
    assert found[3].subject == "Israelis"
    assert found[2].subject == "Israeli children"
    assert {c.measure for c in found.values()} == {"killed"}

    killed, injured = suggest_statistics(
        "BAGHDAD: Fifteen people were killed and eight others injured in an explosion that hit "
        "a hotel last night in the northern Iraqi city of Tikrit, police and hospital officials "
        "said.")
    assert (killed.value, killed.measure) == (15, "killed")
    assert (injured.value, injured.measure, injured.subject) == (8, "wounded", "people")
    assert killed.claimant == injured.claimant == "police and hospital officials"

    found = by_value("BAGHDAD, Iraq - U.S. forces battled insurgents in the Baghdad slum of Sadr "
                     "City on Tuesday, in clashes that left at least 34 people dead, including "
                     "one American soldier, and 193 people injured.")
    assert found[34].measure == "killed"
    assert found[1].measure == "killed"
    assert found[1].subject == "American soldier"
    assert found[193].measure == "wounded"


def test_money_and_percentages() -> None:
    # reuters-1020, reuters-1681
    stake, cost = suggest_statistics(
        "Sara Lee Corp said it agreed to buy a 34 pct interest in Paris-based DIM S.A., a "
        "subsidiary of BIC S.A., at a cost of about 84 mln dlrs.")
    assert (stake.value, stake.unit, stake.claimant) == (34, "%", "Sara Lee Corp")
    assert (cost.value, cost.unit, cost.approximate) == (84e6, "USD", True)

    text = ("colombia's cost of living index rose 2.03 pct in february after a 3.27 pct "
            "increase in january and a 3.15 pct rise in february 1986, the government "
            "statistics institute said.")
    found = suggest_statistics(text, PartialDate(1987, 3, 4))
    assert [c.value for c in found] == [2.03, 3.27, 3.15]
    assert {c.measure for c in found} == {"rose"}
    assert {c.claimant for c in found} == {"government statistics institute"}
    assert [c.period_start for c in found] == [PartialDate(1987, 2), PartialDate(1987, 1),
                                               PartialDate(1986, 2)]


# ---------------------------------------------------------------------------------------------
# Not statistics


@pytest.mark.parametrize("text", [
    # dates, years, a decade (the seed)
    "A statement posted [to Twitter] on June 21 read: the Mujahideen are united.",
    "Saturday, July 11, 2015",
    "What began in the 1990s as a struggle for Chechen national independence has been "
    "gradually coopted.",
    "The formal evolution from national to Islamic resistance culminated in the 2007 creation "
    "of the Caucasus Emirate under the leadership of longtime fighter Dokku Umarov.",
    # ages (ag-5717, ag-5500)
    "Canadian Press - VERNON, B.C. (CP) - Vernon RCMP have identified the auxiliary officer "
    "killed when the cruiser in which he was riding was struck by a stolen truck as Glen "
    "Evely, 39.",
    "PARIS -- Yasser Arafat died this morning at a French hospital, the chief doctor at the "
    "hospital said. He was 75.",
    # scores, ranks, ordinals (ag-2051, ag-5721, ag-5658)
    "ATHENS, Ga. (Sports Network) - Michael Cooper ran for the  only touchdown of the game, as "
    "third-ranked Georgia rode its  defense to a 13-3 victory over Marshall at Sanford Stadium.",
    "Striker Dado Prso netted a second-half penalty as Rangers battled to a 1-0 Scottish "
    "Premier League win at Hibernian on Sunday.",
    "(Sports Network) - The surprising Toronto Raptors will try to push their record to 5-2 "
    "tonight, when they continue their six-game road trip against the Portland Trail Blazers.",
    # durations, a deadline, a distance, numbers as adjectives (ag-4910, ag-2154, ag-6418)
    "An armed group in Iraq had on Tuesday threatened to behead Shosei Koda, 24, within "
    "48-hours unless Japan pulled its troops out of Iraq.",
    "Kofi Annan will tell the 191-member U.N. General Assembly on Tuesday that the rule of law "
    "in the post-Sept. 11  world has been eroded.",
    "The troops were attacked near Deh Rawood, a town 400 km southwest of Kabul where",
    "Indonesia heads for general elections in six weeks' time with its economy in the worst "
    "shape in 20 years, economists and officials said.",
    # numbers inside names
    "Microsoft has offered up yet another way for businesses to block the automatic update of "
    "Windows XP to the big-deal Service Pack 2 (SP2) upgrade.",
    "A federal court Wednesday barred No. 2 US long-distance carrier MCI Inc. from making "
    "further payments.",
    # market quotes (ag-2909, ag-405)
    "TOKYO (Reuters) - The Nikkei average closed up 1.49 percent  on Friday, the first day of "
    "the fiscal second half.",
    "TOKYO - Japan #39;s benchmark Nikkei stock index briefly recovered to the 11,000 level "
    "Monday morning.",
    # a percentage of nothing
    "Officials at the Navy and contractor EDS said they have reached an agreement, which EDS "
    "called a critical step toward billing NMCI seats on a 100 percent basis.",
    # back-references
    "AP - Elections officials rebuffed an attempt to purge voters in Nevada, where the two "
    "presidential candidates are in a dead heat.",
])
def test_numbers_that_are_not_statistics(text: str) -> None:
    assert suggest_statistics(text) == []


def test_years_next_to_statistics_give_the_period_not_a_figure() -> None:
    # ag-1117
    found = suggest_statistics("An Argentine court acquitted five suspects in the 1994 bombing "
                               "of a Jewish community center that killed 85 people, La Nacion "
                               "newspaper reported Friday.")
    assert [c.value for c in found] == [5, 85]
    assert found[1].period_start == PartialDate(1994)
    assert {c.claimant for c in found} == {"La Nacion"}


# ---------------------------------------------------------------------------------------------
# Periods


@pytest.mark.parametrize(("sentence", "published", "start", "end"), [
    ("an estimated 249 militants were killed in 2014 alone", None, "2014", "2014"),
    ("5,816 people have been killed since 2010", SEED_PUBLISHED, "2010", "2015-07-11"),
    ("5,816 people have been killed since 2010", None, "2010", None),
    ("nearly 500 people have been killed since January", PartialDate(2004, 11, 20), "2004-01",
     "2004-11-20"),
    ("nearly 500 people have been killed since January", None, None, None),
    ("What began in the 1990s as a struggle", None, "1990", "1999"),
    ("France sold around 250,000 tonnes of soft wheat to China in 1985/86", None, "1985",
     "1986"),
    ("the index rose 2.03 pct in february", PartialDate(1987, 3, 4), "1987-02", "1987-02"),
    ("a 3.15 pct rise in february 1986", PartialDate(1987, 3, 4), "1986-02", "1986-02"),
    ("ISIS on June 23 embraced the pledges", SEED_PUBLISHED, "2015-06-23", "2015-06-23"),
    ("attacks rose by 20 percent last year", PartialDate(2015, 7, 11), "2014", "2014"),
    ("between 2010 and 2014, 300 people died", None, "2010", "2014"),
    ("more than 400 people were killed on Tuesday", None, None, None),
])
def test_guess_period(sentence: str, published: PartialDate | None, start: str | None,
                      end: str | None) -> None:
    got = guess_period(sentence, published)
    assert (got[0].iso() if got[0] else None, got[1].iso() if got[1] else None) == (start, end)


# ---------------------------------------------------------------------------------------------
# Claimants


@pytest.mark.parametrize(("sentence", "claimant"), [
    (SEED_SENTENCE, "Caucasus Knot"),
    ("Additionally, Russian officials estimate some 2,200 Russians have gone to fight in Iraq "
     "and Syria, mostly from the North Caucasus.", "Russian officials"),
    ("Iraqi health officials said American airstrikes that demolished homes late today in a "
     "village south of the volatile city of Falluja killed at least 44 people and wounded 27, "
     "including women and children.", "Iraqi health officials"),
    ("AP - A coal mine explosion in northern China killed 33 people in the latest disaster to "
     "strike the country's accident-prone mining industry, the official Xinhua News Agency "
     "reported Friday.", "Xinhua News Agency"),
    ("AP - An explosion rocked a police building in the restive Dagestan region adjacent to "
     "Chechnya on Friday, and initial reports indicated two people were killed, the Interfax "
     "news agency said.", "Interfax"),
    ("BAGHDAD, Iraq -- A US military official in Iraq said seven American marines have been "
     "killed Monday in a car-bomb explosion.", "US military official in Iraq"),
    ("KABUL (AFP) - Militants claiming to hold three foreign UN workers met Afghan officials on "
     "Sunday, a spokesman for the group said.", "spokesman for the group"),
    ("French soft wheat exports fell 18 pct to 4.13 mln tonnes, the French Cereals Intervention "
     "Office (ONIC) said.", "French Cereals Intervention Office"),
    ("Tens of thousands of civilians are confined to their houses in Fallujah, according to "
     "Iraq #39;s Islamic Party.", "Iraq's Islamic Party"),
    ("Four men are arrested over the suicide bomb attack on the Australian embassy in Jakarta, "
     "police say.", "police"),
    ("At least nine Iraqis and four US soldiers are reported to have been killed in renewed "
     "violence in Iraq.", None),
    ("A Chechen rebel commander has claimed responsibility for the school hostage siege, during "
     "which more than 320 hostages were killed.", None),
    ("Many of Johnny Cash's possessions were sold at Sotheby's, collecting  $3,984,260 for the "
     "Cash family, more than double the pre-auction estimate.", None),
])
def test_guess_claimant(sentence: str, claimant: str | None) -> None:
    assert guess_claimant(sentence) == claimant


def test_claimant_forms_in_suggestions() -> None:
    # "X said" after the figures, and a pronoun ("they say") that names nobody
    found = suggest_statistics("Beijing - Chinese police have detained a man who they say "
                               "murdered eight teenagers and injured four others in a school "
                               "dormitory overnight, state press said late on Friday.")
    assert [(c.value, c.measure, c.claimant) for c in found] == [
        (8, "killed", "state press"), (4, "wounded", "state press")]
    # "police said" covers what comes before it, not the toll added after it
    found = suggest_statistics("GUWAHATI, India (Reuters) - Suspected separatist rebels  "
                               "stormed a village in India's northeast on Monday and shot dead  "
                               "six people, police said, taking the toll in the worst violence  "
                               "in years in the troubled region to 62.")
    assert [(c.value, c.measure, c.claimant) for c in found] == [
        (6, "killed", "police"), (62, "killed", None)]


# ---------------------------------------------------------------------------------------------
# Offsets


def test_offsets_are_code_points_with_emoji_and_several_sentences() -> None:
    text = ("🙂🇷🇺 Report\n\nRussia is no stranger to Islamic terrorism. 𝔄 note: "
            + SEED_SENTENCE + " Additionally, Russian officials estimate some 2,200 Russians "
            "have gone to fight in Iraq and Syria.")
    found = suggest_statistics(text, SEED_PUBLISHED)
    assert [c.value for c in found] == [249, 5816, 2200]
    for candidate in found:
        assert text[candidate.start:candidate.end] == candidate.quote
    assert found[0].quote == "𝔄 note: Despite this, an estimated 249 militants were killed in 2014 alone"
    assert found[2].claimant == "Russian officials"


def test_empty_and_numberless_text() -> None:
    assert suggest_statistics("") == []
    assert suggest_statistics("Russia is no stranger to Islamic terrorism.") == []


# ---------------------------------------------------------------------------------------------
# Rules found on the held-out sentences


@pytest.mark.parametrize("text", [
    # a fraction, a unit price, share prices, a name followed by its verb
    "Poland #39;s defense minister Jerzy Szmajdzinski has announced plans to cut his country "
    "#39;s forces in Iraq by almost one third next year.",
    "WASHINGTON -- The price of oil charged to a new high above  $47 a barrel yesterday amid "
    "nagging concerns about instability in Iraq.",
    "US Steel rose  $3.30, or 7, to  $51.25, while Nucor surged  $2.90 to  $54.05, an all-time "
    "high.",
    "Shares of Claire #39;s Stores were among the NYSE #39;s losers Thursday, falling 15 after "
    "the company posted third-quarter results.",
    "United Food and Commercial Workers Union Local 222 rejected a new contract proposal from "
    "Iowa Beef Processors Inc, union spokesman Allen Zack said.",
])
def test_more_numbers_that_are_not_statistics(text: str) -> None:
    assert suggest_statistics(text) == []


def test_a_scale_after_a_range_applies_to_both_ends() -> None:
    paid = only("Time Warner is to announce today that it will pay between  $500 and  $600 "
                "million to settle federal investigations into irregularities at America Online, "
                "according to reports in the American press.")
    assert (paid.value, paid.low, paid.high, paid.unit) == (None, 500e6, 600e6, "USD")
    assert paid.claimant == "reports in the American press"


def test_a_death_toll_that_tops_a_figure_is_a_low_bound() -> None:
    toll = only("AP - President Bush and Sen. John Kerry are using Iraq to advance their negative "
                "campaign tactics as the U.S. military death toll in Iraq tops 1,000.")
    assert (toll.value, toll.low, toll.measure) == (1000, 1000, "killed")


def test_confirmed_dead_and_an_attribution_naming_where_it_was_said() -> None:
    dead, missing = suggest_statistics(
        "Twenty-five people were confirmed dead and 43 missing as of 5 am after typhoon Tokage "
        "passed through Japan, NHK television said on its Web site.")
    assert (dead.value, dead.measure, dead.claimant) == (25, "killed", "NHK")
    assert (missing.value, missing.measure, missing.claimant) == (43, "missing", "NHK")


def test_a_list_of_percentages_in_one_clause() -> None:
    found = suggest_statistics(
        "SAN DIEGO - San Diego County #39;s unemployment rate was 3.7 percent in August, down "
        "from a revised 4.4 percent in July and 4.3 percent a year ago, the California "
        "Employment Development Department reported today.")
    assert [c.value for c in found] == [3.7, 4.4, 4.3]
    assert {c.unit for c in found} == {"%"}
    assert {c.claimant for c in found} == {"California Employment Development Department"}


@pytest.mark.shared
def test_the_whole_corpus_reads_without_errors_and_with_exact_quotes(shared_data: Path) -> None:
    import csv

    with (shared_data / "corpus" / "ag_news_test.csv").open(encoding="utf-8") as handle:
        texts = [row[2] for row in csv.reader(handle)][1:]
    assert len(texts) == 7600
    found = 0
    for text in texts:
        for candidate in suggest_statistics(text, PartialDate(2004, 11, 1)):
            assert text[candidate.start:candidate.end] == candidate.quote
            assert candidate.value is not None or candidate.low is not None
            found += 1
    assert found > 1000


def test_a_long_list_without_full_stops_is_read_line_by_line() -> None:
    # A table pasted as text: no sentence punctuation, thousands of figures.
    rows = [f"{n} people were displaced in district {chr(65 + n % 26)}" for n in range(1, 1501)]
    text = "\n".join(rows)
    found = suggest_statistics(text)
    assert [c.value for c in found] == list(range(1, 1501))
    assert {c.measure for c in found} == {"displaced"}
    for candidate in found[:: 97]:
        assert text[candidate.start:candidate.end] == candidate.quote
        assert len(candidate.quote) <= 1000


def test_scaled_amounts_are_exact_and_named_currencies_read() -> None:
    # AG News descriptions
    congressmen, raised = suggest_statistics(
        "AP - Ground zero for the country's costliest House race is Dallas, where two "
        "congressmen shoehorned into the same new district have each raised  #36;4.1 million to "
        "bash each other with television ads.")
    assert (congressmen.value, congressmen.unit) == (2, "people")
    assert (raised.value, raised.unit) == (4_100_000, "USD")
    found = suggest_statistics("MONTREAL : Air Canada said it sealed a deal with Brazil #39;s "
                               "Embraer SA for 45 Embraer-190 aircraft, worth 1.35 billion US "
                               "dollars at list price.")
    assert [(c.value, c.unit, c.claimant) for c in found] == [
        (45, "aircraft", "Air Canada"), (1_350_000_000, "USD", "Air Canada")]


def test_a_spelled_number_inside_a_name_is_no_figure() -> None:
    found = suggest_statistics("BEIJING -- China's Sichuan province faced the threat of "
                               "epidemics yesterday after the worst flooding in a century killed "
                               "at least 172 people and left scores missing, while water levels "
                               "at the huge Three Gorges Dam swelled.")
    assert [(c.value, c.low, c.measure) for c in found] == [(172, 172, "killed"),
                                                            (None, 40, "missing")]


def test_claimants_named_by_an_adjective_and_their_medium() -> None:
    assert guess_claimant("MOSCOW: Assets of Yukos could be offered at a 60 percent discount to "
                          "settle back taxes, Russian television reported on Monday.") == (
        "Russian television")
    found = only("Seventeen political parties say the election should be put off for at least "
                 "six months.")
    assert (found.value, found.subject) == (17, "political parties")


def test_a_stated_year_before_a_trailing_attribution_is_the_period() -> None:
    [found] = suggest_statistics(
        "Attacks by the group accounted for 15 percent of all deaths in 2013, the report said.")
    assert (found.value, found.unit) == (15.0, "%")
    assert (found.period_start, found.period_end) == (PartialDate(2013), PartialDate(2013))


@pytest.mark.parametrize(("sentence", "claimant"), [
    ("A statement by the group, received here, said 12 soldiers were killed.", "group"),
    ("The ministry, in a statement received here, said 40 people were detained.", "ministry"),
])
def test_a_claimant_before_an_aside_is_kept(sentence: str, claimant: str) -> None:
    [found] = suggest_statistics(sentence)
    assert found.claimant == claimant
