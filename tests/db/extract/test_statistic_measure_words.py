"""The verb that names a statistic's measure is read whole, also where the words looked at around
a number (a window of characters) begin or end inside it."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics
from db.extract.statistics.phrase import whole_words


def test_the_words_of_a_window_are_whole_words() -> None:
    sentence = "Les banques ont consacré 70 % de leurs investissements."
    inside = sentence.index("consacré") + 2  # the window starts in "consacré", ends in "leurs"
    words = [m.group(0) for m in whole_words(sentence, inside, sentence.index("leurs") + 2)]
    assert words == ["consacré", "de", "leurs"]


@pytest.mark.parametrize(("sentence", "language", "measure"), [
    # the second figure lies more than the window's width after the verb's first letters
    ("En 2017 les banques françaises ont consacré 70 % de leurs investissements énergétiques "
     "aux énergies fossiles, contre 20 % aux renouvelables.", "fr", "consacrer"),
    ("Торік вони займали близько 10 мільйонів гектарів — в середньому по одному гектару на "
     "сім'ю з чотирьох чоловік.", "uk", "займати"),
])
def test_no_measure_is_a_verb_cut_short(sentence: str, language: str, measure: str) -> None:
    # was "nsacré", "ймати" for the second figure
    assert [c.measure for c in suggest_statistics(sentence, None, language)] == [measure, measure]
