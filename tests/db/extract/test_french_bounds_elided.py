"""French bound words elided into the word before them (issue 13, ninth round): "d'environ",
"d'au moins", "qu'autour de" bound as "environ", "au moins", "autour de" do; "proche de" is
approximate; "en plus de" adds and bounds nothing."""

from __future__ import annotations

import pytest

from db.extract.statistics import suggest_statistics


def bounds(sentence: str) -> list[tuple[float | None, float | None, float | None, bool]]:
    return [(c.value, c.low, c.high, c.approximate) for c in suggest_statistics(sentence, None, "fr")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Le budget annuel du titre serait d'environ 3,5 millions d'euros.", (3_500_000, None, None, True)),
    ("L'État a décidé de se priver d'au moins 4 milliards d'euros.", (4e9, 4e9, None, False)),
    ("Apple ne verse qu'autour de 5 millions d'euros d'impôts.", (5_000_000, None, None, True)),
    ("Le taux de prélèvements est aujourd'hui proche de 44 % en France.", (44, None, None, True)),
    ("Les recettes ont atteint un total d'à peu près 2 millions d'euros.", (2_000_000, None, None, True)),
])
def test_an_elided_bound_word_bounds_its_figure(sentence: str, expected: tuple[float, float, float, bool]) -> None:
    assert bounds(sentence) == [expected]


def test_en_plus_de_adds_and_bounds_nothing() -> None:
    assert bounds("Le montant s'élève à 211 millions d'euros en plus de 27 fermetures administratives.") == \
        [(211_000_000, None, None, False), (27, None, None, False)]
