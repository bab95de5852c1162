"""A period said against the publication date ("last year", "в прошлом году", "торік"), read the
same way in English, French, Russian and Ukrainian; without the date it gives no period."""

from __future__ import annotations

import pytest

from db.dates import PartialDate
from db.extract.statistics import suggest_statistics

PUBLISHED = PartialDate(2015, 7, 11)
LAST_YEAR = (PartialDate(2014), PartialDate(2014))
THIS_YEAR = (PartialDate(2015), PUBLISHED)
LAST_MONTH = (PartialDate(2015, 6), PartialDate(2015, 6))
THIS_MONTH = (PartialDate(2015, 7), PUBLISHED)


@pytest.mark.parametrize(("language", "sentence", "period"), [
    ("en", "Last year 120 people were killed in the region.", LAST_YEAR),
    ("fr", "L'an dernier, 120 personnes ont été tuées dans la région.", LAST_YEAR),
    ("fr", "Cette année, 40 personnes ont été arrêtées, selon la police.", THIS_YEAR),
    ("fr", "Le mois dernier, trois soldats ont été tués.", LAST_MONTH),
    ("fr", "Depuis le début du mois, 15 personnes ont été arrêtées.", THIS_MONTH),
    ("ru", "В прошлом году в регионе погибли 120 человек.", LAST_YEAR),
    ("ru", "С начала года задержаны 40 человек, сообщили в МВД.", THIS_YEAR),
    ("ru", "В этом месяце задержали 15 человек.", THIS_MONTH),
    ("ru", "В прошлом месяце погибли трое военных.", LAST_MONTH),
    ("uk", "Торік у регіоні загинули 120 людей, повідомили в поліції.", LAST_YEAR),
    ("uk", "Минулого року загинули 120 людей.", LAST_YEAR),
    ("uk", "З початку року затримали 15 осіб.", THIS_YEAR),
    ("uk", "Цього місяця затримали 15 осіб.", THIS_MONTH),
    ("uk", "Минулого місяця загинули троє військових.", LAST_MONTH),
])
def test_a_period_said_against_the_publication_date(language: str, sentence: str,
                                                    period: tuple[PartialDate, PartialDate]) -> None:
    [found] = suggest_statistics(sentence, PUBLISHED, language)
    assert (found.period_start, found.period_end) == period
    [undated] = suggest_statistics(sentence, None, language)
    assert (undated.period_start, undated.period_end) == (None, None)


@pytest.mark.parametrize(("language", "sentence"), [
    ("ru", "В прошлом году, в 2013 году, погибли 120 человек."),
    ("uk", "Минулого року, у 2013 році, загинули 120 людей."),
])
def test_a_year_the_sentence_names_wins(language: str, sentence: str) -> None:
    [found] = suggest_statistics(sentence, PUBLISHED, language)
    assert (found.period_start, found.period_end) == (PartialDate(2013), PartialDate(2013))
