"""Saved web pages: where the article's text begins. What stands between a page's headline and
its first paragraph (a sub-headline, a kicker, a summary's points, an image's box, a byline of
several names, a dialog's message) is not where a researcher reads the article as starting;
a standfirst is, and so are an article's own headings where no paragraph follows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.db.ingest.web_page import BODY, FIRST, HEAD, SECOND, THIRD, TITLE, page

STANDFIRST = ("The mediators said both sides had agreed to the longer truce after a night of talks "
              "that ran on well past the deadline.")


def test_sub_headlines_broken_by_line_breaks_are_not_the_first_paragraph(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1>"
            "<h2 class='sub-tit'>Mediators meet both sides in the capital<br>"
            "A month more of quiet, they say<br>Patrols twice a day</h2>"
            f"{BODY}</article>")
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST), source.text[:200]


def test_sub_headlines_in_a_block_are_not_made_the_standfirst_by_the_description(tmp_path: Path) -> None:
    lines = ["Truce talks in the capital", "Both sides agree to thirty days", "Patrols to start on Monday"]
    head = HEAD + f'<meta name="description" content="{" ".join(lines)}">'
    body = (f"<article><h1>{TITLE}</h1><div class='mid-title'><div>{'<br>'.join(lines)}</div></div>"
            f"{BODY}</article>")
    source = page(tmp_path, body, head)
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_kicker_and_headline_in_a_heading_of_their_own_are_not_the_first_paragraph(tmp_path: Path) -> None:
    body = (f"<main><h1>{TITLE}</h1><div class='stream'><h2><span>Ceasefire</span> "
            "<div>Thirty more days of quiet for the east</div></h2></div>"
            f"<div class='body'>{BODY}</div></main>")
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_kicker_above_the_headline_is_not_the_first_paragraph(tmp_path: Path) -> None:
    body = (f"<div class='story'><p class='overline'>In the capital, after a night of talks</p><h1>{TITLE}</h1>"
            f"<div class='story-body'>{BODY}</div></div>")
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_summarys_points_before_the_first_paragraph_are_left_out(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><section><div class='infobox'><h3>In short</h3><ul>"
            "<li><p>The truce is extended by thirty days.</p></li>"
            "<li><p>Observers will patrol twice a day.</p></li>"
            "<li><p>Violations are reported within the hour.</p></li></ul></div>"
            f"{BODY}</section></article>")
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST), source.text[:200]


def test_an_articles_own_heading_over_a_list_stays_where_no_paragraph_follows(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><p><strong>What the agreement says</strong></p><ul>"
            "<li>Thirty more days</li><li>Patrols twice a day</li><li>Reports within the hour</li></ul>"
            "<p>Signed in the capital.</p></article>")
    source = page(tmp_path, body)
    assert source.text.startswith("What the agreement says"), source.text[:200]


def test_a_standfirst_in_a_heading_stays_the_first_paragraph(tmp_path: Path) -> None:
    body = f"<article><h1>{TITLE}</h1><h2>{STANDFIRST}</h2>{BODY}</article>"
    source = page(tmp_path, body)
    assert source.text.startswith(STANDFIRST), source.text[:200]
    assert FIRST in source.text


def test_an_images_caption_and_credit_in_its_box_are_not_the_first_paragraph(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><div class='widgets'><div class='image-widget'>"
            "<span><picture><img src='patrol.jpg'></picture></span>"
            "<p><span>Observers on patrol near the line</span></p><p>Image: Example Mission</p></div>"
            f"<div class='text'>{BODY}</div></div></article>")
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_byline_of_several_names_is_not_the_first_paragraph(tmp_path: Path) -> None:
    head = HEAD + '<meta name="author" content="Jane Example, John Sample">'
    body = f"<article><h1>{TITLE}</h1><div class='info'><p class='name'>Jane Example and 1 more</p></div>{BODY}</article>"
    source = page(tmp_path, body, head)
    assert source.author == "Jane Example, John Sample"
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_dialogs_message_is_not_the_first_paragraph(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><div class='main'><div class='save-dialog'><p>Saved to your list</p></div>"
            f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div></article>")
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_tables_rows_in_bold_at_the_head_stay(tmp_path: Path) -> None:
    body = (f"<article><h1>{TITLE}</h1><h2>Results</h2><p><strong>North 14 11 6 15 - 46</strong></p>"
            "<p><strong>South 18 22 13 17 - 70</strong></p>"
            "<p>South (1-0): Example 25 points, Sample 17 points, Other 10 points and a last one 3 points.</p>"
            "</article>")
    source = page(tmp_path, body)
    assert source.text.startswith("Results"), source.text[:200]


def test_a_deck_in_a_heading_under_the_headline_is_the_standfirst(tmp_path: Path) -> None:
    deck = ("An envoy from the mediating office explains how the truce was agreed, relying on "
            "observers from both sides for much of the patrolling")  # a deck without a full stop
    body = (f"<div id='story'><h1>{TITLE}</h1><h2>{deck}</h2><p class='author'>By <a rel='author' "
            "href='/bios/jane'>Jane Example</a></p><div class='inset'><h4>Related Items</h4><ul>"
            "<li><a href='/a'>Another story on the talks</a></li></ul></div>"
            f"<p>Negotiators from <span class='place'>both delegations</span> met again on Tuesday in the "
            f"capital and agreed to extend the ceasefire by a further thirty days, officials said.</p>"
            f"<p>{SECOND}</p><p>{THIRD}</p></div>")
    source = page(tmp_path, body)
    assert source.text.startswith(deck), source.text[:200]
    assert source.text.split("\n")[1].startswith("Negotiators from both delegations")


def test_a_kickers_label_at_the_start_of_the_deck_is_left_out(tmp_path: Path) -> None:
    body = (f"<div class='story'><h1>{TITLE}</h1><h2><span class='slug'>Analysis</span> {STANDFIRST}</h2>"
            f"<div class='text'>{BODY}</div></div>")
    source = page(tmp_path, body)
    assert source.text.startswith(STANDFIRST), source.text[:200]


def test_a_list_of_short_items_before_the_first_paragraph_stays_in_the_text(tmp_path: Path) -> None:
    """A how-to's materials or a report's list of names is the article's own, not a summary."""
    body = (f"<article><h1>{TITLE}</h1><section><h3>Things you need</h3><ul>"
            "<li>A screwdriver</li><li>Two hinges</li><li>Wood glue</li></ul>"
            f"{BODY}</section></article>")
    source = page(tmp_path, body)
    assert "A screwdriver" in source.text, source.text[:300]
    assert "Wood glue" in source.text


@pytest.mark.parametrize(
    "line",
    [
        "Listen to this article · 4:32 min",
        "Hear this story",
        "Sign up for our newsletter",
        "This article is more than 2 years old",
        "Follow",
        "Save article",
        "Gift this article",
        "Text size",
        "A A A",
        "Print | Email | Share",
        "Updated March 3, 2020, 10:05 a.m. ET",
        # a line of times under a sub-headline (which then goes too)
        "<h2 class='subtitle'>Patrols twice a day</h2><div><p class='when'>Updated 15.59 | Published 14.14</p></div>",
        # a picture's credit, or its caption ending in one
        "Photo: Jane Roe / Example Agency",
        "Bild: Jane Roe/dpa",
        "© Jane Roe / AFP",
        "(Photo by Jane Roe/AFP via Getty Images)",
        "Jane Roe/Getty Images",
        "Delegates at the talks on Tuesday. Photo: Jane Roe/Example",
        "Delegates arrive for the talks. © Example Agency",
    ],
)
def test_a_prompt_a_date_line_or_a_credit_at_the_head_is_not_the_first_paragraph(tmp_path: Path, line: str) -> None:
    between = line if line.startswith("<") else f"<img src='talks.jpg'><p>{line}</p>"
    source = page(tmp_path, f"<article><h1>{TITLE}</h1>{between}{BODY}</article>")
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_summarys_label_and_sentence_before_the_first_paragraph_are_left_out(tmp_path: Path) -> None:
    body = f"<article><h1>{TITLE}</h1><p><strong>In short:</strong> the truce holds for a month more.</p>{BODY}</article>"
    source = page(tmp_path, body)
    assert source.text.startswith(FIRST), source.text[:200]


def test_a_credit_line_inside_the_article_stays(tmp_path: Path) -> None:
    body = f"<article><h1>{TITLE}</h1>{BODY}<p>Photo: Jane Roe / Example Agency</p><p>{SECOND} More.</p></article>"
    assert "Photo: Jane Roe / Example Agency" in page(tmp_path, body).text
