"""Header lines of text files in the languages of the sources: a date line and a title right
under it, with or without blank lines; datelines in Cyrillic capitals."""

from __future__ import annotations

from pathlib import Path

import pytest

from db.dates import PartialDate
from db.ingest import text
from db.ingest._common import names_a_month


@pytest.mark.parametrize(("content", "title", "published", "body"), [
    ("Суббота, 11 июля 2015\nБоевики напали на пост\nВ Дагестане убиты трое.\n",
     "Боевики напали на пост", PartialDate(2015, 7, 11), "В Дагестане убиты трое.\n"),
    ("1 января 2000\nЗаголовок статьи\n\nТекст статьи.\n",
     "Заголовок статьи", PartialDate(2000, 1, 1), "Текст статьи.\n"),
    ("Суббота, 11 июля 2015 г.\n\nБоевики напали на пост\n\nТекст.\n",
     "Боевики напали на пост", PartialDate(2015, 7, 11), "Текст.\n"),
    ("12 березня 2014 року\nУ Києві відбувся мітинг\nТекст статті.\n",
     "У Києві відбувся мітинг", PartialDate(2014, 3, 12), "Текст статті.\n"),
    ("Saturday, July 11, 2015\nISIS Comes to Russia\nDefectors from a homegrown insurgency.\n",
     "ISIS Comes to Russia", PartialDate(2015, 7, 11), "Defectors from a homegrown insurgency.\n"),
    # the title right over its date line, no blank line between them
    ("Податки мають залишатися в громадах\n23 квітня 2018 р.\n\nТекст статті.\n",
     "Податки мають залишатися в громадах", PartialDate(2018, 4, 23), "Текст статті.\n"),
    # a date line with its label, in the languages dates are read in
    ("Les agriculteurs grossissent les rangs\nPublié le 4 décembre 2018\n\nTexte.\n",
     "Les agriculteurs grossissent les rangs", PartialDate(2018, 12, 4), "Texte.\n"),
    ("Опубліковано 23 квітня 2018\nЗаголовок статті\n\nТекст статті.\n",
     "Заголовок статті", PartialDate(2018, 4, 23), "Текст статті.\n"),
    # a title naming a year over no date line stays the text's first line
    ("Київ 2014\n\nТекст статті.\n", "Київ 2014", None, "Київ 2014\n\nТекст статті.\n"),
])
def test_a_date_line_and_the_title_under_it_are_read(
        tmp_path: Path, content: str, title: str, published: PartialDate | None, body: str) -> None:
    path = tmp_path / "article.txt"
    path.write_text(content, encoding="utf-8")
    [source] = text.parse(path)
    assert (source.title, source.published, source.text) == (title, published, body)


def test_a_first_sentence_under_the_date_stays_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("11 июля 2015\nВ Дагестане убиты трое боевиков, сообщили в МВД.\n", encoding="utf-8")
    [source] = text.parse(path)
    assert source.published == PartialDate(2015, 7, 11)
    assert source.text == "В Дагестане убиты трое боевиков, сообщили в МВД.\n"


def test_a_cyrillic_dateline_gives_the_date_and_stays_in_the_text(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text("МОСКВА, 11 июля 2015 г. — Боевики напали на пост полиции.\n", encoding="utf-8")
    [source] = text.parse(path)
    assert source.published == PartialDate(2015, 7, 11)
    assert source.text.startswith("МОСКВА, 11 июля 2015 г. —")



def test_the_address_a_text_was_saved_from_is_its_url(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text("Un titre\nPublié le 4 décembre 2018\nhttps://www.example.fr/a/1\n\nTexte.\n",
                    encoding="utf-8")
    [source] = text.parse(path)
    assert (source.title, source.url, source.text) == ("Un titre", "https://www.example.fr/a/1", "Texte.\n")


def test_a_text_opening_with_a_paragraph_is_titled_by_its_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "Термінали й банкомати, електронна черга й система оцінки якості обслуговування, доступ "
        "до iGov. Це і багато іншого – у сучасному Центрі надання адміністративних послуг у "
        "Дніпродзержинську. Доступно всім, зручно кожному.\n\nДругий абзац.\n", encoding="utf-8")
    [source] = text.parse(path)
    assert source.title == ("Термінали й банкомати, електронна черга й система оцінки якості "
                            "обслуговування, доступ до iGov.")
    assert source.text.startswith("Термінали")  # the paragraph stays whole in the text


def test_initials_do_not_end_the_first_sentence(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "Турнір з баскетболу серед команд ветеранів ім. С. П. Корольова відбувся у Житомирі "
        "минулими вихідними. Змагалися вісім команд з трьох країн, і перемогу здобули господарі.\n",
        encoding="utf-8")
    [source] = text.parse(path)
    assert source.title == ("Турнір з баскетболу серед команд ветеранів ім. С. П. Корольова "
                            "відбувся у Житомирі минулими вихідними.")


@pytest.mark.parametrize(("content", "outlet", "url"), [
    ("07.08.2018\nДжерело: Хмарочос\n\nТекст статті.\n", "Хмарочос", None),
    ("Un titre\n08.01.2019\nSource : Le Figaro\n\nTexte.\n", "Le Figaro", None),
    ("7 августа 2018\nИсточник: https://example.ru/a/1\n\nТекст.\n", None, "https://example.ru/a/1"),
])
def test_a_source_line_in_the_header_names_the_outlet_not_the_title(
        tmp_path: Path, content: str, outlet: str | None, url: str | None) -> None:
    path = tmp_path / "article.txt"
    path.write_text(content, encoding="utf-8")
    [source] = text.parse(path)
    assert (source.outlet, source.url) == (outlet, url)
    assert source.title is not None
    assert ":" not in source.title
    assert ":" not in source.text.splitlines()[0]


@pytest.mark.parametrize(("line", "named"), [
    ("Publié le 8 janvier 2019", True),
    ("Опубліковано 23 квітня 2018", True),
    ("Publié en janv. 2019", True),
    ("Posted 2019-01-08", True),
    ("08/01/2019", True),
    ("в 2017 году", False),
    ("Київ 2014", False),
])
def test_a_header_line_names_a_month_or_is_asked_no_further(line: str, named: bool) -> None:
    # the header's labelled date lines are read only when they name a month (dateparser, a
    # millisecond a line, is not asked about every title with a year in it)
    assert names_a_month(line) is named
